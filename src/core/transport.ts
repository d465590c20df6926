// The `fetch` handed to openapi-fetch: the one place retries, timeouts and the deadline live.
// Middleware cannot resend a request, so the loop sits beneath it. Each attempt reads the whole
// body inside its own timeout and hands openapi-fetch a complete, buffered Response.
import { RETRY_AFTER_CAP_MS } from "./defaults";
import { type BillingUsageError, ConnectionError, RequestAbortedError, TimeoutError } from "./errors";
import type { Log } from "./log";
import { describeRequest } from "./response";
import { backoffMs, isRetryableResponse, retryAfterMs } from "./retry-policy";
import { sleep } from "./sleep";

/** Per-call settings; each falls back to the client's. */
export interface CallSettings {
  signal?: AbortSignal | undefined;
  timeoutMs?: number | undefined;
  maxRetries?: number | undefined;
  deadlineMs?: number | undefined;
}

export interface TransportConfig {
  fetch: typeof fetch;
  timeoutMs: number;
  maxRetries: number;
  deadlineMs: number;
  log: Log;
  /** Jitter source; tests pin it. */
  random?: () => number;
}

/** One logical call: its deadline and caller signal cover every attempt made for it. */
export interface Call {
  readonly startedAt: number;
  readonly deadlineAt: number;
  readonly deadlineMs: number;
  readonly timeoutMs: number;
  readonly maxRetries: number;
  readonly signal: AbortSignal | undefined;
}

export interface SendOptions {
  /** Whether failures may be retried; GET by default. The token request opts in. */
  retry?: boolean;
}

export interface Transport {
  startCall(settings?: CallSettings): Call;
  /** Sends `request` with retries; resolves to the final (buffered) response of any status. */
  send(request: Request, call: Call, options?: SendOptions): Promise<Response>;
}

const NULL_BODY_STATUSES = [101, 204, 205, 304];

function buffered(response: Response, body: ArrayBuffer, requestUrl: string): Response {
  const copy = new Response(NULL_BODY_STATUSES.includes(response.status) ? null : body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
  Object.defineProperty(copy, "url", { value: response.url || requestUrl });
  return copy;
}

function causeText(cause: unknown): string {
  const inner = (cause as { cause?: { code?: unknown; message?: unknown } } | undefined)?.cause;
  if (typeof inner?.code === "string") return inner.code;
  if (cause instanceof Error) return cause.message;
  return String(cause);
}

export function createTransport(config: TransportConfig): Transport {
  const { log } = config;

  function startCall(settings: CallSettings = {}): Call {
    const startedAt = Date.now();
    const deadlineMs = settings.deadlineMs ?? config.deadlineMs;
    return {
      startedAt,
      deadlineAt: startedAt + deadlineMs,
      deadlineMs,
      timeoutMs: settings.timeoutMs ?? config.timeoutMs,
      maxRetries: settings.maxRetries ?? config.maxRetries,
      signal: settings.signal,
    };
  }

  function checkStillWanted(call: Call, what: string): void {
    if (call.signal?.aborted) throw new RequestAbortedError(`${what} was aborted`, { cause: call.signal.reason });
    if (Date.now() >= call.deadlineAt) throw new TimeoutError(`${what} exceeded its deadline of ${call.deadlineMs} ms`);
  }

  async function attempt(request: Request, call: Call, what: string, n: number): Promise<Response> {
    const left = call.deadlineAt - Date.now();
    const byDeadline = left <= call.timeoutMs;
    const limit = Math.max(0, Math.min(call.timeoutMs, left));
    const controller = new AbortController();
    let stoppedBy: "timeout" | "caller" | undefined;
    const timer = setTimeout(() => {
      stoppedBy = "timeout";
      controller.abort();
    }, limit);
    const onCallerAbort = () => {
      stoppedBy = "caller";
      controller.abort();
    };
    call.signal?.addEventListener("abort", onCallerAbort, { once: true });
    try {
      const response = await config.fetch(new Request(request.clone(), { signal: controller.signal }));
      const body = await response.arrayBuffer();
      return buffered(response, body, request.url);
    } catch (cause) {
      if (stoppedBy === "caller") throw new RequestAbortedError(`${what} was aborted`, { cause: call.signal?.reason });
      if (stoppedBy === "timeout") {
        throw new TimeoutError(
          byDeadline ? `${what} exceeded its deadline of ${call.deadlineMs} ms` : `${what} timed out after ${limit} ms (attempt ${n})`,
        );
      }
      throw new ConnectionError(`${what} failed: ${causeText(cause)}`, { cause });
    } finally {
      clearTimeout(timer);
      call.signal?.removeEventListener("abort", onCallerAbort);
    }
  }

  async function send(request: Request, call: Call, options: SendOptions = {}): Promise<Response> {
    const retry = options.retry ?? request.method === "GET";
    const what = describeRequest(request.method, request.url);
    const where = { method: request.method, path: new URL(request.url).pathname };
    for (let n = 1; ; n++) {
      checkStillWanted(call, what);
      let response: Response | undefined;
      let failure: BillingUsageError | undefined;
      try {
        response = await attempt(request, call, what, n);
        log("debug", `${what} → ${response.status}`, { ...where, status: response.status, attempt: n, elapsedMs: Date.now() - call.startedAt });
      } catch (error) {
        if (!(error instanceof ConnectionError) || Date.now() >= call.deadlineAt) throw error;
        failure = error;
      }
      if (response && !isRetryableResponse(response)) return response;
      const retriesLeft = retry ? call.maxRetries - (n - 1) : 0;
      const giveUp = (): Response => {
        if (response) return response;
        throw failure;
      };
      if (retriesLeft <= 0) return giveUp();

      const timeLeft = call.deadlineAt - Date.now();
      let wait = backoffMs(n, config.random);
      const asked = response ? retryAfterMs(response.headers) : undefined;
      if (asked !== undefined) {
        if (asked > RETRY_AFTER_CAP_MS || asked >= timeLeft) {
          log("warn", `${what}: the server asked to wait ${asked} ms before retrying, more than the ${Math.min(RETRY_AFTER_CAP_MS, timeLeft)} ms allowed; not retrying`, { ...where, status: response?.status, attempt: n, waitMs: asked });
          return giveUp();
        }
        wait = asked;
      }
      if (wait >= timeLeft) return giveUp();
      log("info", `${what}: retrying after ${response ? response.status : failure?.name} in ${wait} ms (retry ${n} of ${call.maxRetries})`, { ...where, status: response?.status, attempt: n, waitMs: wait, elapsedMs: Date.now() - call.startedAt });
      await sleep(wait, call.signal, what);
    }
  }

  return { startCall, send };
}
