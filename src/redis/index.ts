// billing-usage/redis: what a fleet shares through Redis, with the application's own node-redis or
// ioredis client: one PayPal token (createRedisTokenStore) and one rate budget (createRedisRateLimiter).
// billing-usage/paypal/redis stays as the token store's first home, an alias.

export * from "../core/public";
export {
  createRedisTokenStore,
  DEFAULT_REDIS_TOKEN_KEY,
  type RedisTokenStoreOptions,
} from "../paypal/redis";
export type { StoredToken, TokenLease, TokenStore } from "../paypal/token-manager";
export type { RateLimiterOptions } from "../rate-limit/pacer";
export type { IORedisLikeClient, NodeRedisLikeClient, RedisLikeClient } from "./command";
export {
  createRedisRateLimiter,
  DEFAULT_REDIS_RATE_KEY,
  RATE_LIMIT_MEMBER_TTL_MS,
  RATE_LIMIT_REDIS_RETRY_MS,
  RATE_LIMIT_REDIS_TIMEOUT_MS,
  type RedisRateLimiterOptions,
} from "./rate-limiter";
