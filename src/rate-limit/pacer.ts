// One process's rate budget: a token bucket run as GCRA on the monotonic clock. Its own entry point
// (billing-usage/rate-limit), so a client that is not paced carries none of it; billing-usage/redis's
// fleet limiter falls back to it while Redis is away.
import { monotonicNow } from "../core/call";
import { DEFAULT_RATE_LIMIT_BURST } from "../core/defaults";
import { InvalidInputError } from "../core/errors";
import type { RateLimiter } from "../core/rate-limiter";

export interface RateLimiterOptions {
  /** The sustained rate. */
  requestsPerSecond: number;
  /** Requests allowed at once after a quiet spell; 1 paces them evenly. @default 1 */
  burst?: number | undefined;
}

export function checkRateLimiterOptions({ requestsPerSecond, burst }: RateLimiterOptions): void {
  if (!(typeof requestsPerSecond === "number" && requestsPerSecond > 0 && Number.isFinite(requestsPerSecond))) {
    throw new InvalidInputError(
      "requestsPerSecond",
      `requestsPerSecond must be a number above 0 (got ${requestsPerSecond})`,
    );
  }
  if (burst !== undefined && !(Number.isSafeInteger(burst) && burst >= 1)) {
    throw new InvalidInputError("burst", `burst must be a whole number ≥ 1 (got ${burst})`);
  }
}

/** Waits `ms`, or rejects with the signal's reason when it aborts first; leaves nothing behind. */
export function wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", aborted);
    };
    const aborted = () => {
      done();
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      done();
      resolve();
    }, ms);
    signal?.addEventListener("abort", aborted, { once: true });
  });
}

/** The clock and the wait a pacer runs on: the real ones, or a test's. */
export interface PacerClock {
  now(): number;
  wait(ms: number, signal: AbortSignal | undefined): void | Promise<void>;
}

/**
 * A token bucket as GCRA: each request is given the next free start time in FIFO order, so waiters
 * neither stampede nor starve, and a pause moves every start past its end.
 */
export function createPacer(options: RateLimiterOptions, clock: PacerClock): Required<RateLimiter> {
  checkRateLimiterOptions(options);
  const interval = 1000 / options.requestsPerSecond;
  const tolerance = ((options.burst ?? DEFAULT_RATE_LIMIT_BURST) - 1) * interval;
  /** When the request after all reserved ones would be due at the sustained rate. */
  let due = Number.NEGATIVE_INFINITY;
  let pausedUntil = Number.NEGATIVE_INFINITY;
  return {
    acquire(signal) {
      const now = clock.now();
      const start = Math.max(now, pausedUntil, due - tolerance);
      due = Math.max(due, now, pausedUntil) + interval;
      return start > now ? clock.wait(start - now, signal) : undefined;
    },
    pause(ms) {
      pausedUntil = Math.max(pausedUntil, clock.now() + ms);
    },
  };
}

/**
 * A rate limiter for one process: `createRateLimiter({ requestsPerSecond: 10 })` paces requests 100 ms
 * apart, whatever number of calls share the client. For a fleet, use billing-usage/redis's
 * createRedisRateLimiter, which shares one budget.
 */
export const createRateLimiter = (options: RateLimiterOptions): Required<RateLimiter> =>
  createPacer(options, { now: monotonicNow, wait });
