// A rate budget a client keeps to: `acquire` before every attempt of a data call (retries too),
// `pause` when the server says the budget is spent. The shape is all a client needs, so a fleet's
// shared limiter (billing-usage/redis) and one process's own (billing-usage/rate-limit) plug in
// alike, and a client that is given none carries none of their code.

/**
 * Paces a client's requests. `acquire` resolves when a request may go (it may be waited for: the
 * call's signal and deadline still end the call at once); `pause` holds every request for `ms`.
 */
export interface RateLimiter {
  acquire(signal?: AbortSignal): void | Promise<void>;
  pause?(ms: number): void | Promise<void>;
}
