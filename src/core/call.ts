// One logical call: its deadline and its caller's signal cover every attempt, wait and token
// fetch made for it. The two ways a call ends early are worded here, once.
import { onAbort } from "./abort";
import { RequestAbortedError, type RequestTarget, TimeoutError } from "./errors";
import type { SpanLike } from "./telemetry";

/**
 * Now, on a clock no wall-clock step can move: every duration (timeouts, the deadline, a token's
 * refresh time) is measured on it. Epoch time stays only where a time is shared (`tokenStore`).
 */
export const monotonicNow = (): number => performance.now();

/** A request as messages and errors name it: method, origin and path, never the query. */
export interface NamedRequest extends Required<RequestTarget> {
  readonly text: string;
  /** The path alone, for log fields. */
  readonly path: string;
}

export function nameRequest(method: string, url: string): NamedRequest {
  const { origin, pathname } = new URL(url);
  const bare = `${origin}${pathname}`;
  return { method, url: bare, path: pathname, text: `${method} ${bare}` };
}

/** What a call waits on: a request, or something shared such as a token fetch. */
type Subject = string | NamedRequest;
const textOf = (what: Subject): string => (typeof what === "string" ? what : what.text);
export const targetOf = (what: Subject): RequestTarget =>
  typeof what === "string" ? {} : { method: what.method, url: what.url };

/** How long and how often one call may try: client options, and overrides on every method. */
export interface CallSettings {
  /** Per attempt, covering the body read as well as the headers. @default 30000 */
  timeoutMs?: number | undefined;
  /** Retries after the first attempt (three attempts in all), for GET and the token request. @default 2 */
  maxRetries?: number | undefined;
  /** One call end to end: every attempt, every wait, a token fetch and a 401 replay. @default 120000 */
  deadlineMs?: number | undefined;
  /**
   * Longest response body read, in bytes, counted as decoded; past it the read is cancelled and the
   * call fails with ResponseTooLargeError. @default 33554432 (32 MiB)
   */
  maxResponseBytes?: number | undefined;
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
  /** Attempts sent so far, retries and a 401 replay included: an attempt's resend count. */
  sent: number;
  /** The call's span, when traced: waits and token events are recorded on it. */
  span?: SpanLike | undefined;
  /** The route (`/customers/{id}/usage`) its requests are named by in telemetry. */
  route?: string | undefined;
}

export const abortedError = (what: Subject, call: Call): RequestAbortedError =>
  new RequestAbortedError(`${textOf(what)} was aborted`, { cause: call.signal?.reason });

export const deadlineError = (what: Subject, call: Call): TimeoutError =>
  new TimeoutError(`${textOf(what)} exceeded its deadline of ${call.deadlineMs} ms`, targetOf(what));

/** Whether the call was aborted or is past its deadline: what checkStillWanted throws for. */
export const isOver = (call: Call): boolean => call.signal?.aborted === true || monotonicNow() >= call.deadlineAt;

/** Throws if the call was aborted or is past its deadline. */
export function checkStillWanted(call: Call, what: Subject): void {
  if (!isOver(call)) return;
  if (call.signal?.aborted) throw abortedError(what, call);
  throw deadlineError(what, call);
}

/**
 * Waits for `work` on behalf of `call`: rejects as soon as the call is aborted or out of time,
 * without cancelling `work`, which other calls may share (a token fetch). Leaves no timer or
 * listener behind.
 */
export function untilCallEnds<T>(work: Promise<T>, call: Call, what: Subject): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (call.signal?.aborted) return reject(abortedError(what, call));
    const timer = setTimeout(
      () => finish(() => reject(deadlineError(what, call))),
      Math.max(0, call.deadlineAt - monotonicNow()),
    );
    const unwatch = onAbort(call.signal, () => finish(() => reject(abortedError(what, call))));
    function finish(settle: () => void): void {
      clearTimeout(timer);
      unwatch();
      settle();
    }
    work.then(
      (value) => finish(() => resolve(value)),
      (error: unknown) => finish(() => reject(error)),
    );
  });
}

/** Waits `ms` unless the call ends first; its timer goes with it, so nothing keeps a process alive. */
export function sleep(ms: number, call: Call, what: Subject): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const slept = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  return untilCallEnds(slept, call, what).finally(() => clearTimeout(timer));
}
