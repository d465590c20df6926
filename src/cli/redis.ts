// --redis-url: one PayPal token for every shard of an export, through createRedisTokenStore and
// whichever Redis client the user installed (node-redis or ioredis, both optional peers). Redis down
// is never fatal: the store bounds each call, and a client that cannot connect keeps retrying quietly.

import type { TokenStore } from "../paypal/index";
import { createRedisTokenStore } from "../paypal/redis";
import { UsageError } from "./usage";

export interface SharedTokenStore {
  readonly store: TokenStore;
  close(): Promise<void>;
}

const notInstalled = (error: unknown) => (error as { code?: unknown })?.code === "ERR_MODULE_NOT_FOUND";

/** Loads a module by name; a test may hide one to take the other road. */
type Load = (name: "redis" | "ioredis") => Promise<unknown>;

/** A token store on `url` with the first Redis client library found; UsageError when there is none. */
export async function redisTokenStore(url: string, load: Load = (name) => import(name)): Promise<SharedTokenStore> {
  try {
    const { createClient } = (await load("redis")) as typeof import("redis");
    const client = createClient({ url });
    client.on("error", () => {});
    // Not awaited: while Redis is down the store's bounded calls carry on without it.
    void client.connect().catch(() => {});
    // node-redis 5+ closes with destroy(), 4 with disconnect().
    const closable = client as unknown as { destroy?: () => unknown; disconnect?: () => unknown };
    return {
      store: createRedisTokenStore(client),
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
      store: createRedisTokenStore(client),
      close: async () => {
        client.disconnect();
      },
    };
  } catch (error) {
    if (!notInstalled(error)) throw error;
  }
  throw new UsageError("--redis-url needs a Redis client beside billing-usage: npm install redis (or ioredis)");
}
