// Options shared by both clients, declared once: the call settings a client sets and a call may
// override, the names each options object may hold, and turning client options into the pieces a
// client is built from.
import type { Call, CallSettings, RequestOptions } from "./call";
import { checkCallSettings, checkHeaders, checkMethods, checkSignal } from "./checks";
import { DEFAULT_DEADLINE_MS, DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS } from "./defaults";
import { InvalidInputError } from "./errors";
import { createLog, type Log, type Logger, type LogLevel } from "./log";
import { checkOptionNames } from "./option-names";
import type { RateLimiter } from "./rate-limiter";
import { createRedactor, type Redactor } from "./redact";
import { loadTelemetry, type Telemetry, type TelemetryOptions } from "./telemetry";
import { createTransport, type Transport } from "./transport";

export interface CommonClientOptions extends CallSettings, TelemetryOptions {
  /** A `fetch` to send requests with (a proxy-aware one, a test double...). @default globalThis.fetch */
  fetch?: typeof fetch | undefined;
  /** Where log lines go; anything console-like. @default console */
  logger?: Logger | undefined;
  /** @default "warn" */
  logLevel?: LogLevel | undefined;
  /** Allows a secret credential in a browser. Only for trusted, internal tools. @default false */
  dangerouslyAllowBrowser?: boolean | undefined;
  /**
   * Paces every attempt of a data call (retries and `raw` calls too, never the PayPal token request)
   * and is paused by a 429. `createRateLimiter({ requestsPerSecond })` for one process,
   * billing-usage/redis's `createRedisRateLimiter` for a fleet. @default no limit
   */
  rateLimiter?: RateLimiter | undefined;
}

/** Each key of an options type, listed once; `satisfies` fails the build when the type and the list part. */
export type NameList<T> = Record<keyof Required<T>, true>;

/**
 * Every option both clients take; each client adds its own in front. The call settings are written
 * out here and below rather than spread from one table: a bundler keeps a spread it cannot prove
 * unused, in every entry's bundle (billing-usage/money's too). `satisfies` fails the build if a list
 * and its type part.
 */
export const COMMON_CLIENT_OPTIONS = {
  fetch: true,
  timeoutMs: true,
  maxRetries: true,
  deadlineMs: true,
  maxResponseBytes: true,
  logger: true,
  logLevel: true,
  dangerouslyAllowBrowser: true,
  rateLimiter: true,
  tracer: true,
  meter: true,
  attemptSpans: true,
} satisfies NameList<CommonClientOptions>;

export const REQUEST_OPTIONS = {
  signal: true,
  headers: true,
  timeoutMs: true,
  maxRetries: true,
  deadlineMs: true,
  maxResponseBytes: true,
} satisfies NameList<RequestOptions>;
const REQUEST_OPTION_NAMES = /* @__PURE__ */ Object.keys(REQUEST_OPTIONS);

export interface ClientCore {
  transport: Transport;
  redactor: Redactor;
  log: Log;
  /** Traces and metrics, loaded on first use; undefined when the client was given neither a tracer nor a meter. */
  telemetry: Promise<Telemetry> | undefined;
}

export function createClientCore(options: CommonClientOptions): ClientCore {
  checkCallSettings(options);
  checkMethods("rateLimiter", options.rateLimiter, ["acquire", "pause?"]);
  checkMethods("tracer", options.tracer, ["startActiveSpan"]);
  checkMethods("meter", options.meter, ["createHistogram", "createCounter"]);
  if (typeof (options.fetch ?? globalThis.fetch) !== "function") {
    throw new InvalidInputError("fetch", "fetch must be a function (this runtime has no global one)");
  }
  const redactor = createRedactor();
  const log = createLog(options.logger, options.logLevel, redactor);
  const telemetry = loadTelemetry(options, redactor);
  const transport = createTransport({
    // Looked up per request, not bound once: a test that swaps globalThis.fetch still reaches it.
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
    deadlineMs: options.deadlineMs ?? DEFAULT_DEADLINE_MS,
    maxResponseBytes: options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
    log,
    redactor,
    rateLimiter: options.rateLimiter,
    telemetry,
  });
  return { transport, redactor, log, telemetry };
}

/** A method's `RequestOptions`, checked: bad ones are an InvalidInputError before anything is sent. */
export interface CheckedRequest {
  settings: RequestOptions;
  headers: Headers | undefined;
}

export function checkRequestOptions(options: RequestOptions = {}): CheckedRequest {
  checkOptionNames(options, REQUEST_OPTION_NAMES);
  checkCallSettings(options);
  checkSignal(options.signal);
  return { settings: options, headers: checkHeaders(options.headers) };
}

/** Starts the call a checked `RequestOptions` describes. */
export const startCall = (core: ClientCore, { settings }: CheckedRequest): Call => core.transport.startCall(settings);
