// billing-usage/prolifi: the Prolifi client and everything a caller needs beside it.

export * from "../core/public";
export { createRateLimiter, type RateLimiterOptions } from "../rate-limit/pacer";
export { PROLIFI_API_KEY_ENV } from "./api-key";
export {
  type CustomerUsage,
  type CustomerUsageQuery,
  createProlifiClient,
  PROLIFI_PRODUCTION_URL,
  PROLIFI_SANDBOX_URL,
  type ProlifiClient,
  type ProlifiClientOptions,
  type ProlifiComponents,
  type ProlifiOperations,
  type ProlifiPaths,
  type UsageSummary,
} from "./client";
export type { RateLimit, WithRateLimit } from "./rate-limit";
