// When to try again and how long to wait first. Pure functions: the transport owns the loop.
import { BACKOFF_INITIAL_MS, BACKOFF_JITTER, BACKOFF_MAX_MS, RETRYABLE_STATUSES } from "./defaults";

/**
 * Whether a response is worth another attempt. A success never is; otherwise the server's
 * `x-should-retry` wins over the status (a 2xx that asked would otherwise be fetched three times).
 */
export function isRetryableResponse(response: Response): boolean {
  if (response.ok) return false;
  const hint = response.headers.get("x-should-retry");
  if (hint === "true") return true;
  if (hint === "false") return false;
  return RETRYABLE_STATUSES.includes(response.status);
}

/**
 * The backoff before retry number `retry` (1-based): 0.5 s doubling to at most 8 s, cut by up to
 * 25 % at random. `random` is injectable so tests can pin the jitter.
 */
export function backoffMs(retry: number, random: () => number = Math.random): number {
  const nominal = Math.min(BACKOFF_INITIAL_MS * 2 ** (retry - 1), BACKOFF_MAX_MS);
  return Math.round(nominal * (1 - random() * BACKOFF_JITTER));
}

/**
 * How long the server asked us to wait, in ms: `retry-after-ms` first (OpenAI-style), then
 * `Retry-After` as seconds or as an HTTP date. `undefined` when absent or unreadable.
 */
export function retryAfterMs(headers: Headers, now: number = Date.now()): number | undefined {
  const ms = headers.get("retry-after-ms");
  if (ms !== null && ms.trim() !== "") {
    const value = Number(ms);
    if (Number.isFinite(value) && value >= 0) return Math.ceil(value);
  }
  const header = headers.get("retry-after");
  if (header === null || header.trim() === "") return undefined;
  if (/^\s*\d+(\.\d+)?\s*$/.test(header)) return Math.ceil(Number(header) * 1000);
  // An HTTP date always names a day and a month; this keeps "-5" from parsing as a year.
  const date = /[a-z]{3}/i.test(header) ? Date.parse(header) : Number.NaN;
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}
