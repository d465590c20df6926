// billing-usage/prolifi: the Prolifi client and everything a caller needs beside it.
export {
  createProlifiClient,
  PROLIFI_PRODUCTION_URL,
  PROLIFI_SANDBOX_URL,
  type CustomerUsage,
  type CustomerUsageQuery,
  type ProlifiClient,
  type ProlifiClientOptions,
  type ProlifiPaths,
  type UsageSummary,
} from "./client";
export { PROLIFI_API_KEY_ENV } from "./api-key";
export type { RateLimit, WithRateLimit } from "./rate-limit";
export * from "../core/public";
