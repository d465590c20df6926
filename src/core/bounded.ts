// A call to something that helps but must never hold a request up (a shared token store, a shared
// rate budget): its answer if it gives one in time, else the caller's fallback. The timer goes with
// the call.

/**
 * `work()`, given `ms` to settle; if it throws, rejects or is late, `fallback(why)`, where `why` says
 * so for a log line: "failed" or "did not answer within 1000 ms".
 */
export function bounded<T, F>(work: () => T | Promise<T>, ms: number, fallback: (why: string) => F): Promise<T | F> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(fallback(`did not answer within ${ms} ms`)), ms);
    Promise.resolve()
      .then(work)
      .then(resolve, () => resolve(fallback("failed")))
      .finally(() => clearTimeout(timer));
  });
}
