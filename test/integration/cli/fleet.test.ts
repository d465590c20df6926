// Shards on many machines share one PayPal token through Redis (--redis-url, with node-redis
// installed here as a user would): three shards started together make one token request.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { connectRedis } from "../../../src/cli/redis";
import { UsageError } from "../../../src/cli/usage";
import { createRedisTokenStore } from "../../../src/paypal/redis";
import { CHILD_PROCESS_TEST_TIMEOUT_MS } from "../../helpers/child-process";
import { runShards } from "../../helpers/cli";
import { type ExportServer, startExportServer } from "../../helpers/export-server";
import { type RedisServer, redisServerPath, startRedisServer } from "../../helpers/redis-server";

let redis: RedisServer | undefined;
let server: ExportServer;

describe.skipIf(!redisServerPath())(
  "export shards sharing a token (skipped without Debian's redis-server, which .ci/run installs)",
  () => {
    beforeAll(async () => {
      redis = await startRedisServer();
      server = await startExportServer({ pages: 2 });
    }, CHILD_PROCESS_TEST_TIMEOUT_MS);
    afterAll(async () => {
      await server?.close();
      await redis?.stop();
    });

    test(
      "three shards with --redis-url make one token request between them",
      async () => {
        const customers = Array.from({ length: 12 }, (_, i) => `cust_${i},sub_1`).join("\n");
        const shards = await runShards(["export", "paypal", "--base-url", server.url, "--quiet"], {
          input: customers,
          env: { REDIS_URL: redis?.url ?? "" },
        });
        for (const shard of shards) expect(shard).toMatchObject({ code: 0, stderr: "" });
        expect(shards.flatMap((s) => s.stdout.split("\r\n").filter((l) => l.startsWith("cust_")))).toHaveLength(
          12 * 2 * 2,
        );
        expect(server.tokenRequests).toBe(1);
      },
      CHILD_PROCESS_TEST_TIMEOUT_MS,
    );

    test(
      "--rate with --redis-url holds three shards together to one budget",
      async () => {
        const customers = Array.from({ length: 48 }, (_, i) => `paced_${i},sub_1`).join("\n");
        const started = performance.now();
        const shards = await runShards(["export", "paypal", "--base-url", server.url, "--rate", "80", "--quiet"], {
          input: customers,
          env: { REDIS_URL: redis?.url ?? "" },
        });
        for (const shard of shards) expect(shard).toMatchObject({ code: 0, stderr: "" });
        const times = server.dataTimes.slice(-96);
        expect(times).toHaveLength(96);
        // 96 requests at 80/s for the whole fleet: the last at least 95 intervals (1,187 ms) after the
        // shards started. Each shard alone at 80/s would be done with its 32 in under half that.
        expect((times.at(-1) as number) - started).toBeGreaterThanOrEqual(95 * 12.5 * 0.95); // timers may fire a little early
      },
      CHILD_PROCESS_TEST_TIMEOUT_MS,
    );

    test("without node-redis, the store is made with ioredis, and shares a token through the real Redis", async () => {
      const hideNodeRedis = async (name: "redis" | "ioredis") => {
        if (name === "redis")
          throw Object.assign(new Error("Cannot find package 'redis'"), { code: "ERR_MODULE_NOT_FOUND" });
        return import(name);
      };
      const connection = await connectRedis(redis?.url ?? "", hideNodeRedis);
      try {
        const store = createRedisTokenStore(connection.client);
        const token = { accessToken: "A21AA-via-ioredis-0123456789", expiresAt: Date.now() + 60_000 };
        await store.set(token);
        expect(await store.get()).toMatchObject(token);
      } finally {
        await connection.close();
      }
    });

    test("with neither client library, a UsageError says what to install", async () => {
      const none = async () => {
        throw Object.assign(new Error("not installed"), { code: "ERR_MODULE_NOT_FOUND" });
      };
      await expect(connectRedis("redis://127.0.0.1:1", none)).rejects.toThrow(
        new UsageError("--redis-url needs a Redis client beside billing-usage: npm install redis (or ioredis)"),
      );
    });
  },
);
