// One rate budget for a fleet, kept in Redis: every acquire, from any process, takes the next free
// start time in one atomic Lua script on Redis's own clock (TIME), so process clocks need not agree.
// A 429 anywhere sets a fleet-wide pause that every process waits out. Redis is help, never a
// dependency: each of its calls is bounded, and while it is away each process paces itself at its
// share of the budget (the rate divided by the fleet size it last saw), with one warning.
import { bounded } from "../core/bounded";
import { InvalidInputError } from "../core/errors";
import type { RateLimiter } from "../core/rate-limiter";
import {
  checkRateLimiterOptions,
  createRateLimiter,
  type RateLimiterOptions,
  wait as waitFor,
} from "../rate-limit/pacer";
import { commandOf, type RedisLikeClient } from "./command";

export interface RedisRateLimiterOptions extends RateLimiterOptions {
  /**
   * The budget's name in Redis; its keys are `{key}:tat`, `{key}:pause` and `{key}:members` (one hash
   * tag, so the script also runs on Redis Cluster). One key per vendor account.
   * @default "billing-usage:rate"
   */
  key?: string | undefined;
  /** Where the one warning of an outage goes. @default console */
  logger?: { warn(message: string): void } | undefined;
}

export const DEFAULT_REDIS_RATE_KEY = "billing-usage:rate";
/** How long one Redis call of the limiter may take before the process paces itself alone. */
export const RATE_LIMIT_REDIS_TIMEOUT_MS = 1_000;
/** After Redis failed, how long the process paces itself before it asks Redis again. */
export const RATE_LIMIT_REDIS_RETRY_MS = 1_000;
/** A process counts in the fleet size while it acquired within this long. */
export const RATE_LIMIT_MEMBER_TTL_MS = 10_000;

/**
 * GCRA on Redis time. KEYS: tat, pause, members. ARGV: interval ms, tolerance ms, member, member ttl.
 * Returns { wait ms, fleet size }: the caller sleeps the wait, its slot already taken.
 */
const ACQUIRE = `local t = redis.call("TIME")
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local interval = tonumber(ARGV[1])
local paused = tonumber(redis.call("GET", KEYS[2]) or "0")
local tat = tonumber(redis.call("GET", KEYS[1]) or "0")
local start = math.max(now, paused, tat - tonumber(ARGV[2]))
local due = math.max(tat, now, paused) + interval
redis.call("SET", KEYS[1], tostring(due), "PX", math.ceil(due - now) + 1000)
local ttl = tonumber(ARGV[4])
redis.call("ZADD", KEYS[3], now, ARGV[3])
redis.call("ZREMRANGEBYSCORE", KEYS[3], "-inf", now - ttl)
redis.call("PEXPIRE", KEYS[3], ttl)
return { start - now, redis.call("ZCARD", KEYS[3]) }`;

/** Moves the fleet's pause to now + ARGV[1] ms on Redis time, unless it already ends later. KEYS: pause. */
const PAUSE = `local t = redis.call("TIME")
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local ms = tonumber(ARGV[1])
if now + ms > tonumber(redis.call("GET", KEYS[1]) or "0") then
  redis.call("SET", KEYS[1], tostring(now + ms), "PX", ms)
end
return 0`;

/** `work`'s answer, or `undefined` if it fails or takes longer than RATE_LIMIT_REDIS_TIMEOUT_MS. */
const redisCall = <T>(work: () => Promise<T>): Promise<T | undefined> =>
  bounded(work, RATE_LIMIT_REDIS_TIMEOUT_MS, () => undefined);

/**
 * A rate limiter shared by every process using the same Redis and key, for either client's
 * `rateLimiter` option: `createRedisRateLimiter(redis, { requestsPerSecond: 50 })`.
 */
export function createRedisRateLimiter(
  client: RedisLikeClient,
  options: RedisRateLimiterOptions,
): Required<RateLimiter> {
  const command = commandOf(client, "createRedisRateLimiter");
  const { requestsPerSecond, burst = 1, key = DEFAULT_REDIS_RATE_KEY } = options;
  checkRateLimiterOptions({ requestsPerSecond, burst });
  if (typeof key !== "string" || key === "") throw new InvalidInputError("key", "key must be a non-empty string");
  const logger = options.logger ?? globalThis.console;
  const keys = ["tat", "pause", "members"].map((name) => `{${key}}:${name}`);
  const interval = 1000 / requestsPerSecond;
  const tolerance = (burst - 1) * interval;
  const member = globalThis.crypto.randomUUID();
  let fleetSize = 1;
  let alone: Required<RateLimiter> | undefined;
  let askRedisAfter = 0;

  /** This process's own share of the budget, made when Redis goes away. */
  function paceAlone(): Required<RateLimiter> {
    if (!alone) {
      alone = createRateLimiter({ requestsPerSecond: requestsPerSecond / fleetSize, burst: 1 });
      const share = Math.round((requestsPerSecond / fleetSize) * 100) / 100;
      logger.warn(
        `[billing-usage] createRedisRateLimiter: Redis did not answer within ${RATE_LIMIT_REDIS_TIMEOUT_MS} ms; this process paces itself at ${share}/s (1/${fleetSize} of the fleet's ${requestsPerSecond}/s) until it does`,
      );
    }
    askRedisAfter = performance.now() + RATE_LIMIT_REDIS_RETRY_MS;
    return alone;
  }

  return {
    async acquire(signal) {
      if (alone && performance.now() < askRedisAfter) return alone.acquire(signal);
      const reply = await redisCall(() =>
        command([
          "EVAL",
          ACQUIRE,
          "3",
          ...keys,
          String(interval),
          String(tolerance),
          member,
          String(RATE_LIMIT_MEMBER_TTL_MS),
        ]),
      );
      if (!Array.isArray(reply)) return paceAlone().acquire(signal);
      // Redis answers again: the fleet shares one budget once more.
      alone = undefined;
      const [wait, members] = reply.map(Number);
      fleetSize = Math.max(1, members ?? 1);
      if ((wait ?? 0) > 0) await waitFor(wait as number, signal);
    },
    async pause(ms) {
      alone?.pause(ms);
      await redisCall(() => command(["EVAL", PAUSE, "1", keys[1] as string, String(Math.ceil(ms))]));
    },
  };
}
