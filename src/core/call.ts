// One logical call: its deadline and its caller's signal cover every attempt, wait and token
// fetch made for it. The two ways a call ends early are worded here, once.
import { RequestAbortedError, TimeoutError } from "./errors";

/** How long and how often one call may try: client options, and overrides on every method. */
export interface CallSettings {
  /** Per attempt, covering the body read as well as the headers. @default 30000 */
  timeoutMs?: number | undefined;
  /** Retries after the first attempt (three attempts in all), for GET and the token request. @default 2 */
  maxRetries?: number | undefined;
  /** One call end to end: every attempt, every wait, a token fetch and a 401 replay. @default 120000 */
  deadlineMs?: number | undefined;
}

/** The last, optional argument of every method: the client's call settings, overridden for this call. */
export interface RequestOptions extends CallSettings {
  /** Aborts the call, including any wait between retries. */
  signal?: AbortSignal | undefined;
  /** Extra request headers for this call (on the data request only, never the token request). */
  headers?: HeadersInit | undefined;
}

/** Every call setting, with the client's value where the call gave none. */
export type ResolvedCallSettings = { readonly [K in keyof CallSettings]-?: Exclude<CallSettings[K], undefined> };

export interface Call extends ResolvedCallSettings {
  readonly startedAt: number;
  readonly deadlineAt: number;
  readonly signal: AbortSignal | undefined;
}

export const abortedError = (what: string, call: Call): RequestAbortedError =>
  new RequestAbortedError(`${what} was aborted`, { cause: call.signal?.reason });

export const deadlineError = (what: string, call: Call): TimeoutError =>
  new TimeoutError(`${what} exceeded its deadline of ${call.deadlineMs} ms`);

/** Throws if the call was aborted or is past its deadline. */
export function checkStillWanted(call: Call, what: string): void {
  if (call.signal?.aborted) throw abortedError(what, call);
  if (Date.now() >= call.deadlineAt) throw deadlineError(what, call);
}

/**
 * Waits for `work` on behalf of `call`: rejects as soon as the call is aborted or out of time,
 * without cancelling `work`, which other calls may share (a token fetch), or which is only a
 * wait (`work` of `undefined` waits `waitMs`). Leaves no timer or listener behind.
 */
export function untilCallEnds<T>(work: Promise<T>, call: Call, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(
      () => finish(() => reject(deadlineError(what, call))),
      Math.max(0, call.deadlineAt - Date.now()),
    );
    const onAbort = () => finish(() => reject(abortedError(what, call)));
    function finish(settle: () => void): void {
      clearTimeout(timer);
      call.signal?.removeEventListener("abort", onAbort);
      settle();
    }
    if (call.signal?.aborted) return onAbort();
    call.signal?.addEventListener("abort", onAbort, { once: true });
    work.then(
      (value) => finish(() => resolve(value)),
      (error: unknown) => finish(() => reject(error)),
    );
  });
}

/** Waits `ms` unless the call is aborted first. */
export const sleep = (ms: number, call: Call, what: string): Promise<void> =>
  untilCallEnds(new Promise<void>((resolve) => setTimeout(resolve, ms)), call, what);
