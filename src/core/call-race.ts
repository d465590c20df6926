import { RequestAbortedError, TimeoutError } from "./errors";
import type { Call } from "./transport";

/**
 * Waits for `work` on behalf of one call: rejects at once if that call's signal aborts or its
 * deadline passes, without cancelling `work`, which other calls may share (a token fetch).
 */
export function untilCallEnds<T>(work: Promise<T>, call: Call, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => finish(() => reject(new RequestAbortedError(`${what} was aborted`, { cause: call.signal?.reason })));
    const timer = setTimeout(
      () => finish(() => reject(new TimeoutError(`${what} exceeded its deadline of ${call.deadlineMs} ms`))),
      Math.max(0, call.deadlineAt - Date.now()),
    );
    function finish(settle: () => void): void {
      clearTimeout(timer);
      call.signal?.removeEventListener("abort", onAbort);
      settle();
    }
    if (call.signal?.aborted) {
      onAbort();
      return;
    }
    call.signal?.addEventListener("abort", onAbort, { once: true });
    work.then(
      (value) => finish(() => resolve(value)),
      (error: unknown) => finish(() => reject(error)),
    );
  });
}
