// One process of a fleet, for test/integration/fleet/redis-fleet.test.ts: a PayPal client sharing its
// token through Redis, with node-redis or ioredis as the parent says. It makes calls when told to and
// reports each call's outcome and latency, and what it logged.
import { Redis } from "ioredis";
import { createClient } from "redis";
import { createPayPalBillingClient } from "../../../dist/paypal.js";
import { createRedisTokenStore } from "../../../dist/paypal-redis.js";

// `store`: "redis" (the default), "get-set" (the same store without lease and invalidate, as a plain
// shared cache would be) or "none" (every process on its own), to compare them.
const { library, redisUrl, paypalUrl, clientId, clientSecret, store = "redis" } = JSON.parse(process.argv[2]);

async function connect() {
  if (library === "ioredis") return new Redis(redisUrl, { lazyConnect: false });
  const client = createClient({ url: redisUrl });
  client.on("error", () => {}); // reconnects by itself; an outage is what some tests are about
  await client.connect();
  return client;
}

const redis = await connect();
if (library === "ioredis") redis.on("error", () => {});
const warnings = [];
let paypal;

function tokenStore() {
  if (store === "none") return undefined;
  const shared = createRedisTokenStore(redis);
  return store === "get-set" ? { get: shared.get, set: shared.set } : shared;
}

function freshClient() {
  paypal = createPayPalBillingClient({
    clientId,
    clientSecret,
    baseUrl: paypalUrl,
    tokenStore: tokenStore(),
    logger: { error() {}, warn: (message) => warnings.push(message), info() {}, debug() {} },
  });
}

async function timedCall() {
  const started = performance.now();
  try {
    await paypal.getPastUsage("cust_42", { subscription_id: "sub_7" });
    return { ok: true, ms: performance.now() - started };
  } catch (error) {
    return { ok: false, ms: performance.now() - started, error: `${error.name}: ${error.message}` };
  }
}

process.on("message", async (message) => {
  if (message.type === "calls") {
    if (message.fresh) freshClient();
    const results = await Promise.all(Array.from({ length: message.count }, timedCall));
    process.send({ type: "done", results, warnings: warnings.splice(0) });
  } else if (message.type === "ping") {
    const answer = await Promise.race([
      redis.ping().catch(() => "down"),
      new Promise((resolve) => setTimeout(() => resolve("down"), 200)),
    ]);
    process.send({ type: "pong", up: answer === "PONG" });
  } else if (message.type === "exit") {
    process.exit(0);
  }
});
process.send({ type: "ready" });
