// billing-usage/paypal/redis: a tokenStore on Redis, so a fleet of processes shares one PayPal token
// and fetches one per refresh. It takes the Redis client the application already has, connected:
// node-redis (v4 and later) or ioredis (v5), recognised by shape, so this package depends on neither.
// Atomic operations only: SET ... PX for the token (expiring with it), SET NX PX for the lease, and
// compare-and-delete scripts to release the lease and to invalidate a token, so no process can drop
// what another stored after it. The stored value holds the token and its times, never a credential.
import { InvalidInputError } from "../core/errors";
import { commandOf, type RedisLikeClient } from "../redis/command";
import type { StoredToken, TokenLease, TokenStore } from "./token-manager";

export interface RedisTokenStoreOptions {
  /**
   * The Redis key holding the token; the lease lives at `${key}:lease`. Use one key per PayPal app
   * (client id) when several share a Redis. @default "billing-usage:paypal:token"
   */
  key?: string | undefined;
}

export const DEFAULT_REDIS_TOKEN_KEY = "billing-usage:paypal:token";

/** Deletes KEYS[1] only if it still holds ARGV[1]: a lease is released only by its holder. */
const RELEASE_LEASE = `if redis.call("GET", KEYS[1]) == ARGV[1] then return redis.call("DEL", KEYS[1]) end return 0`;
/** Deletes the stored token only if it is still the one a 401 proved bad. */
const INVALIDATE_TOKEN = `local stored = redis.call("GET", KEYS[1])
if stored and cjson.decode(stored).accessToken == ARGV[1] then return redis.call("DEL", KEYS[1]) end
return 0`;

const randomId = (): string => globalThis.crypto.randomUUID();

/** A tokenStore on Redis, for `createPayPalBillingClient({ tokenStore })`. */
export function createRedisTokenStore(client: RedisLikeClient, options: RedisTokenStoreOptions = {}): TokenStore {
  const command = commandOf(client, "createRedisTokenStore");
  const key = options.key ?? DEFAULT_REDIS_TOKEN_KEY;
  if (typeof key !== "string" || key === "") throw new InvalidInputError("key", "key must be a non-empty string");
  const leaseKey = `${key}:lease`;

  return {
    async get() {
      const raw = await command(["GET", key]);
      if (typeof raw !== "string") return undefined;
      try {
        return JSON.parse(raw) as StoredToken;
      } catch {
        return undefined;
      }
    },
    async set({ accessToken, expiresAt, refreshAt }) {
      const ttl = Math.floor(expiresAt - Date.now());
      if (!(ttl > 0)) return;
      await command(["SET", key, JSON.stringify({ accessToken, expiresAt, refreshAt }), "PX", String(ttl)]);
    },
    async lease(ttlMs): Promise<TokenLease | undefined> {
      const holder = randomId();
      const granted = await command(["SET", leaseKey, holder, "NX", "PX", String(Math.ceil(ttlMs))]);
      if (granted !== "OK") return undefined;
      return { release: async () => void (await command(["EVAL", RELEASE_LEASE, "1", leaseKey, holder])) };
    },
    async invalidate(accessToken) {
      await command(["EVAL", INVALIDATE_TOKEN, "1", key, accessToken]);
    },
  };
}

export * from "../core/public";
export type { IORedisLikeClient, NodeRedisLikeClient, RedisLikeClient } from "../redis/command";
export type { StoredToken, TokenLease, TokenStore } from "./token-manager";
