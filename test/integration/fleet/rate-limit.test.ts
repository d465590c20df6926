// One rate budget for a fleet, on Debian's redis-server: limiters with their own connections (as
// separate processes have), node-redis and ioredis mixed, pacing one budget between them; a pause
// set by one holds the others; Redis SIGKILLed or SIGSTOPped, each limiter goes on alone at its share
// with one warning, and shares again when Redis is back. Time is asserted only as a lower bound
// (pacing can only make things slower); everything else is counts.
import { Redis } from "ioredis";
import { createClient } from "redis";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { RateLimiter } from "../../../src/core/rate-limiter";
import { createProlifiClient } from "../../../src/prolifi/index";
import { RATE_LIMIT_REDIS_TIMEOUT_MS } from "../../../src/redis/index";
import { createRedisRateLimiter } from "../../../src/redis/rate-limiter";
import { CHILD_PROCESS_TEST_TIMEOUT_MS } from "../../helpers/child-process";
import { json, startFaultServer } from "../../helpers/fault-server";
import { CUSTOMER_ID, SECRET_KEY, USAGE_BODY } from "../../helpers/fixtures";
import { type RedisServer, redisCommand, redisServerPath, startRedisServer } from "../../helpers/redis-server";

let redis: RedisServer;
const clients: { close(): unknown }[] = [];

async function nodeRedis() {
  const client = createClient({ url: redis.url });
  client.on("error", () => {});
  await client.connect();
  clients.push({ close: () => client.destroy() });
  return client;
}

function ioredis() {
  const client = new Redis(redis.url, { maxRetriesPerRequest: 1 });
  client.on("error", () => {});
  clients.push({ close: () => client.disconnect() });
  return client;
}

/** `n` acquires from each limiter, all at once; resolves to the time each was granted, sorted. */
async function grants(limiters: { acquire(): unknown }[], n: number): Promise<number[]> {
  const times: number[] = [];
  await Promise.all(
    limiters.flatMap((limiter) =>
      Array.from({ length: n }, async () => {
        await limiter.acquire();
        times.push(performance.now());
      }),
    ),
  );
  return times.sort((a, b) => a - b);
}

const warnings = () => {
  const lines: string[] = [];
  return { lines, logger: { warn: (message: string) => lines.push(message) } };
};

describe.skipIf(!redisServerPath())(
  "a fleet's rate budget on Redis (skipped without Debian's redis-server, which .ci/run installs)",
  () => {
    beforeAll(async () => {
      redis = await startRedisServer();
    }, CHILD_PROCESS_TEST_TIMEOUT_MS);
    afterAll(async () => {
      for (const client of clients) await client.close();
      await redis?.stop();
    });

    test("three limiters on node-redis and ioredis share one budget of 50/s", async () => {
      const options = { requestsPerSecond: 50, key: "shared-budget" };
      const limiters = [
        createRedisRateLimiter(await nodeRedis(), options),
        createRedisRateLimiter(ioredis(), options),
        createRedisRateLimiter(await nodeRedis(), options),
      ];
      const started = performance.now();
      const times = await grants(limiters, 10);
      expect(times).toHaveLength(30);
      // 30 grants at 50/s, burst 1: the last comes at least 29 intervals (580 ms) after the asking began.
      // Counted from the start, not from the first grant, which a busy machine may hand out late.
      expect((times.at(-1) as number) - started).toBeGreaterThanOrEqual(29 * 20 * 0.95); // timers may fire a little early
    });

    test("two clients paced by one Redis budget meet no 429 from a vendor allowing that rate; unpaced, they meet 429s", async () => {
      // A vendor allowing 40 requests/s: a token bucket holding 40; beyond it 429 with Retry-After: 1.
      let tokens = 40;
      let at = performance.now();
      let refused = 0;
      const vendor = await startFaultServer((_req, res) => {
        const now = performance.now();
        tokens = Math.min(40, tokens + ((now - at) * 40) / 1000);
        at = now;
        if (tokens < 1) {
          refused += 1;
          return json(res, 429, {}, { "retry-after": "1" });
        }
        tokens -= 1;
        json(res, 200, USAGE_BODY);
      });
      try {
        const calls = async (rateLimiter: RateLimiter | undefined) => {
          const client = createProlifiClient({
            apiKey: SECRET_KEY,
            baseUrl: vendor.url,
            rateLimiter,
            maxRetries: 0,
            logLevel: "off",
          });
          return Promise.allSettled(Array.from({ length: 30 }, () => client.getCustomerUsage(CUSTOMER_ID)));
        };
        const options = { requestsPerSecond: 40, key: "vendor-budget" };
        const paced = await Promise.all([
          calls(createRedisRateLimiter(await nodeRedis(), options)),
          calls(createRedisRateLimiter(ioredis(), options)),
        ]);
        expect(paced.flat().filter((r) => r.status === "rejected")).toHaveLength(0);
        expect(refused).toBe(0);
        // The same 60 calls unpaced, against a bucket holding 10: 429s however slowly the machine runs them
        // (they would have to spread over more than a second to avoid one).
        tokens = 10;
        const unpaced = await Promise.all([calls(undefined), calls(undefined)]);
        expect(unpaced.flat().filter((r) => r.status === "rejected").length).toBeGreaterThan(0);
        expect(refused).toBeGreaterThan(0);
      } finally {
        await vendor.close();
      }
    });

    test("a pause set through one limiter holds the others", async () => {
      const options = { requestsPerSecond: 100, key: "paused-budget" };
      const [a, b] = [createRedisRateLimiter(await nodeRedis(), options), createRedisRateLimiter(ioredis(), options)];
      await a.acquire();
      await a.pause(400);
      const started = performance.now();
      await b.acquire();
      expect(performance.now() - started).toBeGreaterThanOrEqual(350);
    });

    test.each(["SIGKILL", "SIGSTOP"] as const)(
      "Redis %s mid-run: every acquire still returns, at the process's share, with one warning each; sharing resumes after",
      async (signal) => {
        const options = { requestsPerSecond: 40, key: `outage-${signal}` };
        const [one, two] = [warnings(), warnings()];
        const limiters = [
          createRedisRateLimiter(await nodeRedis(), { ...options, logger: one.logger }),
          createRedisRateLimiter(ioredis(), { ...options, logger: two.logger }),
        ];
        // Taking turns, so each has seen the other in the fleet: each one's share is 20/s.
        for (let turn = 0; turn < 2; turn++) for (const limiter of limiters) await limiter.acquire();
        if (signal === "SIGKILL") await redis.kill();
        else process.kill(redis.pid as number, "SIGSTOP");
        try {
          const started = performance.now();
          const times = await grants(limiters, 6);
          expect(times).toHaveLength(12);
          // Alone at 20/s each: six grants apiece take at least five intervals (250 ms) after the first wait.
          expect(performance.now() - started).toBeGreaterThanOrEqual(225); // 250 less timer slop
          expect([one.lines, two.lines]).toEqual([
            [
              expect.stringMatching(
                /Redis did not answer within 1000 ms; this process paces itself at 20\/s \(1\/2 of the fleet's 40\/s\)/,
              ),
            ],
            [expect.stringMatching(/Redis did not answer within 1000 ms; this process paces itself at 20\/s/)],
          ]);
        } finally {
          if (signal === "SIGKILL") await redis.start();
          else process.kill(redis.pid as number, "SIGCONT");
        }
        // Back: once the retry interval passed, the limiters ask Redis again and share one budget.
        await new Promise((resolve) => setTimeout(resolve, RATE_LIMIT_REDIS_TIMEOUT_MS + 200));
        const times = await grants(limiters, 5);
        expect(times).toHaveLength(10);
        expect(one.lines).toHaveLength(1);
        // The budget lives in Redis again: its members are both limiters (after SIGKILL, Redis started empty).
        expect(Number(await redisCommand(redis.port, "ZCARD", `{${options.key}}:members`))).toBe(2);
      },
      CHILD_PROCESS_TEST_TIMEOUT_MS,
    );
  },
);
