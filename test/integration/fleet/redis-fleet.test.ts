// A fleet of four processes (two on node-redis, two on ioredis) sharing one PayPal token through a
// real Redis: one token request per cold start and per refresh for the whole fleet, a revoked token
// dropped fleet-wide, and Redis dying mid-run costing each call at most the store bound, never the call.
import { type ChildProcess, fork } from "node:child_process";
import type { ServerResponse } from "node:http";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { TOKEN_STORE_TIMEOUT_MS } from "../../../src/paypal/index";
import { DEFAULT_REDIS_TOKEN_KEY } from "../../../src/paypal/redis";
import { CHILD_PROCESS_TEST_TIMEOUT_MS } from "../../helpers/child-process";
import { json } from "../../helpers/fault-server";
import { ACCESS_TOKEN, BASIC_AUTH, CLIENT_ID, CLIENT_SECRET, pastUsagePage } from "../../helpers/fixtures";
import { issueToken, type ScriptedPayPal, startScriptedPayPal } from "../../helpers/paypal-server";
import { type RedisServer, redisCommand, redisServerPath, startRedisServer } from "../../helpers/redis-server";

const PROCESSES = ["redis", "redis", "ioredis", "ioredis"] as const;
const CALLS_PER_PROCESS = 50;
/** The token endpoint answers after this long, so cold calls really do pile up on it. */
const TOKEN_DELAY_MS = 100;
/** Short-lived tokens for the refresh tests: replaced halfway through their life, after 0.5 s. */
const SHORT_LIFETIME_S = 1;
/** Long enough for every process's short-lived token to be due. */
const UNTIL_DUE_MS = 600;

interface CallResult {
  ok: boolean;
  ms: number;
  error?: string;
}

let redis: RedisServer;
let paypal: ScriptedPayPal;
let workers: ChildProcess[] = [];
/** How the token endpoint answers now; tests swap it. */
let tokenLifetimeS = 32_400;
const revoked = new Set<string>();

function reply(child: ChildProcess, type: string): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    const listener = (message: { type: string }) => {
      if (message.type !== type) return;
      child.off("message", listener);
      resolve(message as Record<string, unknown>);
    };
    child.on("message", listener);
  });
}

/** Every process makes CALLS_PER_PROCESS concurrent calls (with a new, cold client when `fresh`). */
async function fleetCalls(fresh: boolean): Promise<{ results: CallResult[]; warnings: string[] }> {
  const replies = workers.map((child) => reply(child, "done"));
  for (const child of workers) child.send({ type: "calls", count: CALLS_PER_PROCESS, fresh });
  const done = await Promise.all(replies);
  return {
    results: done.flatMap((d) => d.results as CallResult[]),
    warnings: done.flatMap((d) => d.warnings as string[]),
  };
}

async function flushRedis(): Promise<void> {
  await redisCommand(redis.port, "FLUSHDB");
}

async function untilEveryWorkerReachesRedis(): Promise<void> {
  for (;;) {
    const pongs = await Promise.all(
      workers.map((child) => {
        const answer = reply(child, "pong");
        child.send({ type: "ping" });
        return answer;
      }),
    );
    if (pongs.every((pong) => pong.up)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Room for a loaded machine in the one latency bound below, far under what waiting on Redis would take. */
const LOAD_SLACK_MS = 4_000;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Skipped, and named so, where Debian's redis-server is not on PATH; .ci/run installs it.
describe.skipIf(!redisServerPath())(
  "a fleet sharing one PayPal token through Redis (needs redis-server on PATH)",
  { timeout: CHILD_PROCESS_TEST_TIMEOUT_MS },
  () => {
    beforeAll(async () => {
      redis = await startRedisServer();
      paypal = await startScriptedPayPal({
        token: (res: ServerResponse, n: number) => setTimeout(() => issueToken(res, n, tokenLifetimeS), TOKEN_DELAY_MS),
        data: (res, _n, page, req) => {
          const token = (req.headers.authorization ?? "").replace("Bearer ", "");
          if (revoked.has(token))
            return json(res, 401, { name: "AUTHENTICATION_FAILURE", message: "revoked", debug_id: "d" });
          return json(res, 200, pastUsagePage(page, 1));
        },
      });
      const config = { redisUrl: redis.url, paypalUrl: paypal.url, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET };
      workers = PROCESSES.map((library) =>
        fork(new URL("./fleet-worker.mjs", import.meta.url), [JSON.stringify({ ...config, library })], {
          stdio: "ignore",
        }),
      );
      await Promise.all(workers.map((child) => reply(child, "ready")));
    }, CHILD_PROCESS_TEST_TIMEOUT_MS);

    afterAll(async () => {
      for (const child of workers) if (child.exitCode === null) child.kill("SIGKILL");
      await paypal?.close();
      await redis?.stop();
    });

    test("4 processes × 50 cold concurrent calls make exactly one token request, 10 runs in a row", async () => {
      const perRun: number[] = [];
      for (let run = 0; run < 10; run++) {
        await flushRedis();
        const before = paypal.tokenRequests;
        const { results } = await fleetCalls(true);
        expect(results.filter((r) => !r.ok)).toEqual([]);
        perRun.push(paypal.tokenRequests - before);
      }
      expect(perRun).toEqual(Array(10).fill(1));
    });

    test("Redis holds the token and its times only: no client secret, no Basic credentials", async () => {
      const keys = (await redisCommand(redis.port, "KEYS", "*")) as string[];
      const values = await Promise.all(keys.map((key) => redisCommand(redis.port, "GET", key) as Promise<string>));
      expect(keys).toContain(DEFAULT_REDIS_TOKEN_KEY);
      for (const value of values) {
        expect(value).not.toContain(CLIENT_SECRET);
        expect(value).not.toContain(BASIC_AUTH.slice("Basic ".length));
      }
      const stored = JSON.parse(values[keys.indexOf(DEFAULT_REDIS_TOKEN_KEY)] ?? "{}") as Record<string, unknown>;
      expect(Object.keys(stored).sort()).toEqual(["accessToken", "expiresAt", "refreshAt"]);
      expect(stored.accessToken).toMatch(new RegExp(`^${ACCESS_TOKEN}-\\d+$`));
    });

    test("each forced expiry costs the fleet exactly one token request", async () => {
      await flushRedis();
      tokenLifetimeS = SHORT_LIFETIME_S;
      try {
        const before = paypal.tokenRequests;
        const counts: number[] = [];
        for (let phase = 0; phase < 3; phase++) {
          if (phase > 0) await pause(UNTIL_DUE_MS);
          const { results } = await fleetCalls(phase === 0);
          expect(results.filter((r) => !r.ok)).toEqual([]);
          counts.push(paypal.tokenRequests - before);
        }
        expect(counts).toEqual([1, 2, 3]);
      } finally {
        tokenLifetimeS = 32_400;
      }
    });

    test("a token revoked server-side is dropped fleet-wide at its first 401: one new token in all", async () => {
      await flushRedis();
      await fleetCalls(true);
      const before = paypal.tokenRequests;
      revoked.add(`${ACCESS_TOKEN}-${before}`);
      const { results } = await fleetCalls(false);
      expect(results.filter((r) => !r.ok)).toEqual([]);
      expect(paypal.tokenRequests - before).toBe(1);
    });

    test("Redis killed mid-run: every call succeeds within the store bound, and sharing resumes when it is back", async () => {
      await flushRedis();
      tokenLifetimeS = SHORT_LIFETIME_S;
      try {
        await fleetCalls(true);
        await redis.kill();
        await pause(UNTIL_DUE_MS);
        const before = paypal.tokenRequests;
        const outage = await fleetCalls(false);
        expect(outage.results.filter((r) => !r.ok)).toEqual([]);
        // A refresh during the outage waits out the store bound once, then fetches its own token.
        const slowest = Math.max(...outage.results.map((r) => r.ms));
        // Waiting on Redis instead would last until it is back (node-redis) or tens of seconds (ioredis).
        expect(slowest).toBeLessThan(TOKEN_STORE_TIMEOUT_MS + TOKEN_DELAY_MS + LOAD_SLACK_MS);
        expect(paypal.tokenRequests - before).toBe(PROCESSES.length);
        // One warning per process for the outage, not one per call.
        expect(outage.warnings.filter((w) => w.includes("tokenStore"))).toHaveLength(PROCESSES.length);

        await redis.start();
        await untilEveryWorkerReachesRedis();
        await pause(UNTIL_DUE_MS); // the private tokens fetched during the outage are due
        const resumed = paypal.tokenRequests;
        const after = await fleetCalls(false);
        expect(after.results.filter((r) => !r.ok)).toEqual([]);
        expect(paypal.tokenRequests - resumed).toBe(1);
      } finally {
        tokenLifetimeS = 32_400;
      }
    });
  },
);
