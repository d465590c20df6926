// billing-usage/rate-limit: pace one process's calls to a vendor's rate limit. Pass the limiter as
// either client's `rateLimiter` option; for a fleet, billing-usage/redis's createRedisRateLimiter.
// Both provider entries export createRateLimiter too; this entry adds its defaults.

export { DEFAULT_RATE_LIMIT_BURST, RATE_LIMIT_EXHAUSTED_PAUSE_MS, RATE_LIMIT_PAUSE_CAP_MS } from "../core/defaults";
export type { RateLimiter } from "../core/rate-limiter";
export { createRateLimiter, type RateLimiterOptions } from "./pacer";
