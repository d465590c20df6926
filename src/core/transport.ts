// The one place retries, timeouts and the deadline live: beneath openapi-fetch (as its `fetch`, since
// middleware cannot resend a request) for `raw`, and called directly by the typed methods. Each
// attempt reads the whole body inside its own timeout, up to `maxResponseBytes`, and hands back the
// response with its bytes: the typed methods parse them as they are, `raw` gets a buffered copy.

import { onAbort } from "./abort";
import {
  abortedError,
  type Call,
  checkStillWanted,
  deadlineError,
  monotonicNow,
  type NamedRequest,
  nameRequest,
  type RequestOptions,
  type ResolvedCallSettings,
  sleep,
  targetOf,
  untilCallEnds,
} from "./call";
import { LONG_RETRY_WAIT_MS, RATE_LIMIT_PAUSE_CAP_MS, RETRY_AFTER_CAP_MS } from "./defaults";
import { BillingUsageError, ConnectionError, InvalidInputError, ResponseTooLargeError, TimeoutError } from "./errors";
import type { Log } from "./log";
import type { RateLimiter } from "./rate-limiter";
import { type Redactor, redactError } from "./redact";
import { backoffMs, isRetryableResponse, retryAfterMs } from "./retry-policy";
import type { Telemetry } from "./telemetry";

export type { Call } from "./call";

export interface TransportConfig extends ResolvedCallSettings {
  fetch: typeof fetch;
  log: Log;
  redactor: Redactor;
  rateLimiter: RateLimiter | undefined;
  telemetry: Promise<Telemetry> | undefined;
}

interface SendOptions {
  /** Whether failures may be retried; GET by default. The token request opts in. */
  retry?: boolean;
  /** Whether the rate limiter paces it: every data call (raw ones too), not the token request. */
  limited?: boolean;
}

/**
 * A request as `fetch` is handed it: a URL string and a plain init, never a `Request`. Any
 * WHATWG-shaped fetch takes that (undici's own, a proxy's, a test double), while some refuse a
 * `Request` made by another implementation's class. openapi-fetch's `Request` (for `raw`) is
 * unpacked into one (`plainRequestOf`) before anything is added to it.
 */
export interface PlainRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Headers;
  /** Read once, sent by every attempt. */
  readonly body?: ArrayBuffer | string | undefined;
}

/** The final response of a call, its body already read (so `response.body` is used up). */
export interface Received {
  readonly response: Response;
  readonly body: ArrayBuffer | Uint8Array<ArrayBuffer>;
}

export interface Transport {
  startCall(settings?: RequestOptions): Call;
  /** Sends `request` with retries; resolves to the final response of any status, read whole. */
  send(request: PlainRequest, call: Call, options?: SendOptions): Promise<Received>;
  /** Holds the rate limiter's requests for `ms` (capped): the server said the budget is spent. */
  pause(ms: number): void;
}

/** Statuses `new Response()` refuses a body for (fetch never hands back a 1xx). */
const NULL_BODY_STATUSES = [204, 205, 304];

/** A response with the same head and the bytes already read as its body, for openapi-fetch to read. */
export const bufferedResponse = ({ response, body }: Received): Response =>
  Object.defineProperty(new Response(NULL_BODY_STATUSES.includes(response.status) ? null : body, response), "url", {
    value: response.url,
  });

/**
 * A `Request` as plain parts, its body read once so that every attempt can send it. Its headers are
 * copied: middleware may still hold the `Request`, and must not see the credentials added later.
 */
export async function plainRequestOf(request: Request): Promise<PlainRequest> {
  const { method, url } = request;
  return {
    method,
    url,
    headers: new Headers(request.headers),
    body: request.body ? await request.arrayBuffer() : undefined,
  };
}

/**
 * Codes Node and undici give a function that refuses its arguments, on the error a fetch throws or
 * its cause (undici's "Failed to parse URL" carries ERR_INVALID_URL there). The plain TypeErrors
 * runtimes throw for a network failure carry none of them.
 */
const ARGUMENT_ERROR = /^(ERR_INVALID_|ERR_MISSING_ARGS|UND_ERR_INVALID_ARG)/;

const isArgumentError = (failure: unknown): boolean => {
  const { code, cause } = (failure ?? {}) as { code?: unknown; cause?: { code?: unknown } };
  return ARGUMENT_ERROR.test(`${code}`) || ARGUMENT_ERROR.test(`${cause?.code}`);
};

/**
 * The most telling reason in a fetch failure's cause chain: the deepest error code (`ECONNREFUSED`,
 * not "fetch failed"), with the deepest message beside it when it says more.
 */
function reasonOf(failure: unknown): string {
  let code: string | undefined;
  let message: string | undefined;
  for (let at = failure, depth = 0; at !== undefined && at !== null && depth < 8; depth++) {
    const { code: c, message: m, cause } = at as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof c === "string") code = c;
    if (typeof m === "string" && m !== "") message = m;
    at = cause;
  }
  if (code && message && message !== code) return `${code} (${message})`;
  return code ?? message ?? String(failure);
}

/** The body, read whole but never past `limit` bytes as decoded; a longer one is cancelled. */
async function readLimited(response: Response, limit: number, tooLarge: () => ResponseTooLargeError) {
  const declared = Number(response.headers.get("content-length") ?? Number.NaN);
  const encoded = (response.headers.get("content-encoding") ?? "identity") !== "identity";
  if (declared > limit && !encoded) {
    void response.body?.cancel().catch(() => {});
    throw tooLarge();
  }
  // A plain body whose declared length fits cannot grow past it: fetch ends it there.
  if (!response.body || (declared <= limit && !encoded)) return response.arrayBuffer();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      void reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

export function createTransport(config: TransportConfig): Transport {
  const { log, redactor, rateLimiter, telemetry } = config;

  async function attempt(request: PlainRequest, call: Call, what: NamedRequest, n: number): Promise<Received> {
    const left = call.deadlineAt - monotonicNow();
    const limit = Math.max(0, Math.min(call.timeoutMs, left));
    const controller = new AbortController();
    let stoppedBy: "timeout" | "caller" | undefined;
    const stop = (by: typeof stoppedBy) => () => {
      stoppedBy = by;
      controller.abort();
    };
    const timer = setTimeout(stop("timeout"), limit);
    const unwatch = onAbort(call.signal, stop("caller"));
    try {
      const init: RequestInit = { method: request.method, headers: request.headers, signal: controller.signal };
      if (request.body !== undefined) init.body = request.body;
      const response = await config.fetch(request.url, init);
      const body = await readLimited(response, call.maxResponseBytes, () => {
        const type = response.headers.get("content-type");
        const message = `${what.text} returned more than ${call.maxResponseBytes} bytes (maxResponseBytes); stopped reading`;
        return new ResponseTooLargeError(message, response.status, type, call.maxResponseBytes);
      });
      // A test double's Response has no URL; messages name the one asked for.
      if (!response.url) Object.defineProperty(response, "url", { value: request.url });
      return { response, body };
    } catch (cause) {
      if (stoppedBy === "caller") throw abortedError(what, call);
      if (stoppedBy === "timeout") {
        if (left <= call.timeoutMs) throw deadlineError(what, call);
        throw new TimeoutError(`${what.text} timed out after ${limit} ms (attempt ${n})`, targetOf(what));
      }
      if (cause instanceof BillingUsageError) throw cause;
      // A custom fetch or a proxy may quote the request's headers in its error: nothing leaves unredacted.
      const message = redactor.redact(`${what.text} failed: ${reasonOf(cause)}`);
      const redacted = { cause: redactError(cause, redactor) };
      // A fetch that refused its arguments was misused: a usage error, and no retry can help.
      if (isArgumentError(cause))
        throw new InvalidInputError("fetch", `fetch refused its arguments: ${message}`, redacted);
      throw new ConnectionError(message, { ...targetOf(what), ...redacted });
    } finally {
      clearTimeout(timer);
      unwatch();
    }
  }

  async function send(
    request: PlainRequest,
    call: Call,
    { retry = request.method === "GET", limited = true }: SendOptions = {},
  ): Promise<Received> {
    const what = nameRequest(request.method, request.url);
    const fields = (extra: object) => ({
      method: request.method,
      path: what.path,
      ...extra,
      elapsedMs: Math.round(monotonicNow() - call.startedAt),
    });
    for (let n = 1; ; n++) {
      checkStillWanted(call, what);
      // Every attempt waits its turn, inside the call's deadline and signal.
      if (rateLimiter && limited) await acquire(rateLimiter, call, what);
      let received: Received | undefined;
      let failure: ConnectionError | undefined;
      try {
        const resends = call.sent++;
        received = await (telemetry
          ? (await telemetry).attempt(request.method, request.url, call.route, resends, () =>
              attempt(request, call, what, n),
            )
          : attempt(request, call, what, n));
        const { status } = received.response;
        // Retried or not, a 429 holds everyone sharing the budget for the wait it asked for.
        if (status === 429) pause(retryAfterMs(received.response.headers) ?? backoffMs(n));
        if (log.debugging) log("debug", `${what.text} → ${status}`, fields({ status, attempt: n }));
        if (!isRetryableResponse(received.response)) return received;
      } catch (error) {
        // Aborts, and a deadline that has passed, end the call; other connection failures may be retried.
        if (!(error instanceof ConnectionError) || monotonicNow() >= call.deadlineAt) throw error;
        failure = error;
      }
      const response = received?.response;
      const giveUp = (): Received => {
        if (received) return received;
        throw failure;
      };
      if (!retry || n > call.maxRetries) return giveUp();

      const timeLeft = call.deadlineAt - monotonicNow();
      const asked = response && retryAfterMs(response.headers);
      if (asked !== undefined && (asked > RETRY_AFTER_CAP_MS || asked >= timeLeft)) {
        const allowed = Math.round(Math.min(RETRY_AFTER_CAP_MS, timeLeft));
        log(
          "warn",
          `${what.text}: not retrying; the server asked to wait ${asked} ms, over the ${allowed} ms allowed`,
          fields({ status: response?.status, attempt: n, waitMs: asked }),
        );
        return giveUp();
      }
      const wait = asked ?? backoffMs(n);
      if (wait >= timeLeft) return giveUp();
      log(
        wait >= LONG_RETRY_WAIT_MS ? "warn" : "info",
        `${what.text}: retrying after ${response?.status ?? failure?.name} in ${wait} ms (retry ${n} of ${call.maxRetries})`,
        fields({ status: response?.status, attempt: n, waitMs: wait }),
      );
      void telemetry?.then((t) => t.retried(call.span, wait, String(response?.status ?? failure?.name)));
      await sleep(wait, call, `${what.text} (waiting to retry)`);
    }
  }

  /**
   * Waits the limiter's turn inside the call's deadline and signal. The limiter gets a signal that
   * ends with the call, its deadline included, so its own wait leaves no timer behind. Its failure
   * never fails a call: it is logged, and the call goes on unpaced.
   */
  async function acquire(limiter: RateLimiter, call: Call, what: NamedRequest): Promise<void> {
    const ended = new AbortController();
    const unwatch = onAbort(call.signal, () => ended.abort(call.signal?.reason));
    const turn = Promise.resolve()
      .then(() => limiter.acquire(ended.signal))
      .catch((error: unknown) => {
        if (!ended.signal.aborted) log("warn", `rateLimiter.acquire() failed (${reasonOf(error)}); sending unpaced`);
      });
    try {
      await untilCallEnds(turn, call, what);
    } finally {
      unwatch();
      ended.abort();
    }
  }

  function pause(ms: number): void {
    Promise.resolve()
      .then(() => rateLimiter?.pause?.(Math.min(ms, RATE_LIMIT_PAUSE_CAP_MS)))
      .catch(() => {});
  }

  function startCall(settings: RequestOptions = {}): Call {
    const startedAt = monotonicNow();
    const deadlineMs = settings.deadlineMs ?? config.deadlineMs;
    return {
      startedAt,
      deadlineAt: startedAt + deadlineMs,
      deadlineMs,
      timeoutMs: settings.timeoutMs ?? config.timeoutMs,
      maxRetries: settings.maxRetries ?? config.maxRetries,
      maxResponseBytes: settings.maxResponseBytes ?? config.maxResponseBytes,
      signal: settings.signal,
      sent: 0,
    };
  }

  return { startCall, send, pause };
}
