// Options shared by both clients, and turning them into the pieces a client is built from.

import { checkCounts, checkHeaders, checkSignal } from "./checks";
import { DEFAULT_DEADLINE_MS, DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS } from "./defaults";
import { InvalidInputError } from "./errors";
import { createLog, type Log, type Logger, type LogLevel } from "./log";
import { createRedactor, type Redactor } from "./redact";
import { type Call, createTransport, type Transport } from "./transport";

/** The last, optional argument of every method. */
export interface RequestOptions {
  /** Aborts the call, including any wait between retries. */
  signal?: AbortSignal | undefined;
  /** Per attempt, covering the body read. @default 30000 */
  timeoutMs?: number | undefined;
  /** Retries after the first attempt. @default 2 */
  maxRetries?: number | undefined;
  /** The whole call, retries included. @default 120000 */
  deadlineMs?: number | undefined;
  /** Extra request headers for this call. */
  headers?: HeadersInit | undefined;
}

export interface CommonClientOptions {
  /** A `fetch` to send requests with (a proxy-aware one, a test double...). @default globalThis.fetch */
  fetch?: typeof fetch | undefined;
  /** Per attempt, covering the body read. @default 30000 */
  timeoutMs?: number | undefined;
  /** Retries after the first attempt, for GET requests. @default 2 */
  maxRetries?: number | undefined;
  /** One call end to end, retries included. @default 120000 */
  deadlineMs?: number | undefined;
  /** Where log lines go; anything console-like. @default console */
  logger?: Logger | undefined;
  /** @default "warn" */
  logLevel?: LogLevel | undefined;
  /** Allows a secret credential in a browser. Only for trusted, internal tools. @default false */
  dangerouslyAllowBrowser?: boolean | undefined;
}

export interface ClientCore {
  transport: Transport;
  redactor: Redactor;
  log: Log;
}

export function createClientCore(options: CommonClientOptions): ClientCore {
  checkCounts(options);
  if (typeof (options.fetch ?? globalThis.fetch) !== "function")
    throw new InvalidInputError("fetch", "fetch must be a function (this runtime has no global one)");
  const redactor = createRedactor();
  const log = createLog(options.logger, options.logLevel, redactor);
  const transport = createTransport({
    // Looked up per request, not bound once: a test that swaps globalThis.fetch still reaches it.
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
    deadlineMs: options.deadlineMs ?? DEFAULT_DEADLINE_MS,
    log,
  });
  return { transport, redactor, log };
}

/** Checks a method's `RequestOptions` (and a list's `maxPages`); returns its headers as `Headers`. */
export function checkRequestOptions(
  options: RequestOptions & { maxPages?: number | undefined } = {},
): Headers | undefined {
  checkCounts(options);
  checkSignal(options.signal);
  return checkHeaders(options.headers);
}

/** Checks a method's `RequestOptions` and starts the call they describe. */
export function startCheckedCall(
  core: ClientCore,
  options: RequestOptions = {},
): { call: Call; headers: Headers | undefined } {
  const headers = checkRequestOptions(options);
  return { call: core.transport.startCall(options), headers };
}
