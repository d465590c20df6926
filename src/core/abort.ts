// One listener on a caller's signal, however many calls share it. A job that cancels a whole batch
// with one AbortController hands the same signal to hundreds of calls; a listener per call and per
// wait would trip Node's MaxListenersExceededWarning at eleven, and any left behind would pile up on
// a signal that lives for hours.

interface Watch {
  readonly callbacks: Set<() => void>;
  readonly fire: () => void;
}

const watches = /* @__PURE__ */ new WeakMap<AbortSignal, Watch>();

/**
 * Runs `callback` once when `signal` aborts. The function returned stops watching; when the last
 * watcher of a signal stops, the signal is left with no listener of ours. Each callback must be a
 * function of its own (a closure per call), as every caller's is.
 */
export function onAbort(signal: AbortSignal | undefined, callback: () => void): () => void {
  if (!signal) return () => {};
  let watch = watches.get(signal);
  if (!watch) {
    const callbacks = new Set<() => void>();
    const fire = () => {
      watches.delete(signal);
      for (const run of callbacks) run();
    };
    signal.addEventListener("abort", fire, { once: true });
    watch = { callbacks, fire };
    watches.set(signal, watch);
  }
  const { callbacks, fire } = watch;
  callbacks.add(callback);
  return () => {
    // Nobody watches a signal after it aborted (callers check `aborted` first), so the entry deleted
    // here is this watch's own.
    if (callbacks.delete(callback) && callbacks.size === 0) {
      signal.removeEventListener("abort", fire);
      watches.delete(signal);
    }
  };
}
