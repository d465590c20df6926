// --redis-url: what the shards of an export share through Redis (one PayPal token, one rate budget),
// with whichever Redis client the user installed (node-redis or ioredis, both optional peers). Redis
// down is never fatal: each shared piece bounds its calls, and a client that cannot connect keeps
// retrying quietly.
import type { RedisLikeClient } from "../redis/command";
import { UsageError } from "./usage";

export interface RedisConnection {
  readonly client: RedisLikeClient;
  close(): Promise<void>;
}

const notInstalled = (error: unknown) => (error as { code?: unknown })?.code === "ERR_MODULE_NOT_FOUND";

/** Loads a module by name; a test may hide one to take the other road. */
type Load = (name: "redis" | "ioredis") => Promise<unknown>;

/** A client for `url` from the first Redis library found; UsageError when there is none. */
export async function connectRedis(url: string, load: Load = (name) => import(name)): Promise<RedisConnection> {
  try {
    const { createClient } = (await load("redis")) as typeof import("redis");
    const client = createClient({ url });
    client.on("error", () => {});
    // Not awaited: while Redis is down, the shared pieces' bounded calls carry on without it.
    void client.connect().catch(() => {});
    // node-redis 5+ closes with destroy(), 4 with disconnect().
    const closable = client as unknown as { destroy?: () => unknown; disconnect?: () => unknown };
    return {
      client,
      close: async () => {
        await (closable.destroy ?? closable.disconnect)?.call(client);
      },
    };
  } catch (error) {
    if (!notInstalled(error)) throw error;
  }
  try {
    const { Redis } = (await load("ioredis")) as typeof import("ioredis");
    const client = new Redis(url, { maxRetriesPerRequest: 1 });
    client.on("error", () => {});
    return {
      client,
      close: async () => {
        client.disconnect();
      },
    };
  } catch (error) {
    if (!notInstalled(error)) throw error;
  }
  throw new UsageError("--redis-url needs a Redis client beside billing-usage: npm install redis (or ioredis)");
}
