// Every default of the shared transport, written once. The README's defaults table and
// test/unit/core/defaults.test.ts both pin these values.

/** Per attempt, covering the body read as well as the headers. */
export const DEFAULT_TIMEOUT_MS = 30_000;
/** Retries after the first attempt (so three attempts in all). GET only. */
export const DEFAULT_MAX_RETRIES = 2;
/** One call end to end: every attempt, every wait, a token fetch and a 401 replay. */
export const DEFAULT_DEADLINE_MS = 120_000;
/**
 * Longest response body read, in bytes, counted as decoded (so a gzip bomb is cut off too). Billing
 * answers are kilobytes; this is room for any real one and a bound on memory against a hostile server.
 */
export const DEFAULT_MAX_RESPONSE_BYTES = 33_554_432; // 32 MiB, written out: a bundler keeps an unused product
/** Statuses worth another attempt. Connection errors and timeouts are retried too. */
export const RETRYABLE_STATUSES: readonly number[] = [408, 429, 500, 502, 503, 504];
/** First backoff wait; it doubles on each retry. */
export const BACKOFF_INITIAL_MS = 500;
/** Longest backoff wait. */
export const BACKOFF_MAX_MS = 8_000;
/** Each backoff wait is cut by up to this fraction at random, so clients do not retry in step. */
export const BACKOFF_JITTER = 0.25;
/** Longest `Retry-After` honoured; a longer ask fails at once instead of sleeping. */
export const RETRY_AFTER_CAP_MS = 60_000;
/**
 * A wait before a retry this long or longer is logged as a warning, not at info: a test that
 * provokes a 429 on purpose should see why it stalls (pass `maxRetries: 0` there).
 */
export const LONG_RETRY_WAIT_MS = 5_000;
/** Log level when none is given. */
export const DEFAULT_LOG_LEVEL = "warn";
/** A rate limiter's `burst` when none is given: smooth pacing, one request per interval. */
export const DEFAULT_RATE_LIMIT_BURST = 1;
/** The longest pause a 429 or an exhausted budget imposes on a rate limiter, whatever the server asked. */
export const RATE_LIMIT_PAUSE_CAP_MS = 60_000;
/** The pause after Prolifi's `X-RateLimit-Remaining: 0` when the response names no `Retry-After`. */
export const RATE_LIMIT_EXHAUSTED_PAUSE_MS = 1_000;
