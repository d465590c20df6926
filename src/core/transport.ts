// The `fetch` handed to openapi-fetch: the one place retries, timeouts and the deadline live.
// Middleware cannot resend a request, so the loop sits beneath it. Each attempt reads the whole
// body inside its own timeout and hands openapi-fetch a complete, buffered Response.
import {
  abortedError,
  type Call,
  checkStillWanted,
  deadlineError,
  type RequestOptions,
  type ResolvedCallSettings,
  sleep,
} from "./call";
import { RETRY_AFTER_CAP_MS } from "./defaults";
import { ConnectionError, TimeoutError } from "./errors";
import type { Log } from "./log";
import { describeRequest } from "./response";
import { backoffMs, isRetryableResponse, retryAfterMs } from "./retry-policy";

export type { Call } from "./call";

export interface TransportConfig extends ResolvedCallSettings {
  fetch: typeof fetch;
  log: Log;
}

interface SendOptions {
  /** Whether failures may be retried; GET by default. The token request opts in. */
  retry?: boolean;
}

export interface Transport {
  startCall(settings?: RequestOptions): Call;
  /** Sends `request` with retries; resolves to the final (buffered) response of any status. */
  send(request: Request, call: Call, options?: SendOptions): Promise<Response>;
}

/** Statuses `new Response()` refuses a body for (fetch never hands back a 1xx). */
const NULL_BODY_STATUSES = [204, 205, 304];

/** The part of a fetch failure worth a message: `ECONNREFUSED` rather than "fetch failed". */
function causeText(cause: unknown): string {
  const code = (cause as { cause?: { code?: unknown } } | undefined)?.cause?.code;
  return typeof code === "string" ? code : String((cause as Error | undefined)?.message ?? cause);
}

export function createTransport(config: TransportConfig): Transport {
  const { log } = config;

  async function attempt(request: Request, call: Call, what: string, n: number): Promise<Response> {
    const left = call.deadlineAt - Date.now();
    const limit = Math.max(0, Math.min(call.timeoutMs, left));
    const controller = new AbortController();
    let stoppedBy: "timeout" | "caller" | undefined;
    const stop = (by: typeof stoppedBy) => () => {
      stoppedBy = by;
      controller.abort();
    };
    const timer = setTimeout(stop("timeout"), limit);
    const onCallerAbort = stop("caller");
    call.signal?.addEventListener("abort", onCallerAbort, { once: true });
    try {
      // A body can be read once, so each attempt sends a clone; a bodiless GET needs no copy.
      const response = await config.fetch(request.body ? request.clone() : request, { signal: controller.signal });
      const body = await response.arrayBuffer();
      const copy = new Response(NULL_BODY_STATUSES.includes(response.status) ? null : body, response);
      return Object.defineProperty(copy, "url", { value: response.url || request.url });
    } catch (cause) {
      if (stoppedBy === "caller") throw abortedError(what, call);
      if (stoppedBy === "timeout")
        throw left <= call.timeoutMs
          ? deadlineError(what, call)
          : new TimeoutError(`${what} timed out after ${limit} ms (attempt ${n})`);
      throw new ConnectionError(`${what} failed: ${causeText(cause)}`, { cause });
    } finally {
      clearTimeout(timer);
      call.signal?.removeEventListener("abort", onCallerAbort);
    }
  }

  async function send(
    request: Request,
    call: Call,
    { retry = request.method === "GET" }: SendOptions = {},
  ): Promise<Response> {
    const what = describeRequest(request.method, request.url);
    const path = new URL(request.url).pathname;
    const fields = (extra: object) => ({
      method: request.method,
      path,
      ...extra,
      elapsedMs: Date.now() - call.startedAt,
    });
    for (let n = 1; ; n++) {
      checkStillWanted(call, what);
      let response: Response | undefined;
      let failure: ConnectionError | undefined;
      try {
        response = await attempt(request, call, what, n);
        log("debug", `${what} → ${response.status}`, fields({ status: response.status, attempt: n }));
        if (!isRetryableResponse(response)) return response;
      } catch (error) {
        // Aborts, and a deadline that has passed, end the call; other connection failures may be retried.
        if (!(error instanceof ConnectionError) || Date.now() >= call.deadlineAt) throw error;
        failure = error;
      }
      const giveUp = (): Response => {
        if (response) return response;
        throw failure;
      };
      if (!retry || n > call.maxRetries) return giveUp();

      const timeLeft = call.deadlineAt - Date.now();
      const asked = response && retryAfterMs(response.headers);
      if (asked !== undefined && (asked > RETRY_AFTER_CAP_MS || asked >= timeLeft)) {
        log(
          "warn",
          `${what}: not retrying; the server asked to wait ${asked} ms, over the ${Math.min(RETRY_AFTER_CAP_MS, timeLeft)} ms allowed`,
          fields({ status: response?.status, attempt: n, waitMs: asked }),
        );
        return giveUp();
      }
      const wait = asked ?? backoffMs(n);
      if (wait >= timeLeft) return giveUp();
      log(
        "info",
        `${what}: retrying after ${response?.status ?? failure?.name} in ${wait} ms (retry ${n} of ${call.maxRetries})`,
        fields({ status: response?.status, attempt: n, waitMs: wait }),
      );
      await sleep(wait, call, `${what} (waiting to retry)`);
    }
  }

  function startCall(settings: RequestOptions = {}): Call {
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

  return { startCall, send };
}
