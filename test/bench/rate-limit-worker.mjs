// One process of the rate-limit benchmark's fleet: `calls` Prolifi calls, `concurrency` at a time, on
// one client, paced by nothing or by the fleet's Redis limiter. Prints one JSON line of what happened.
import { createClient } from "redis";
import { createProlifiClient } from "../../dist/prolifi.js";
import { createRedisRateLimiter } from "../../dist/redis.js";

const { baseUrl, redisUrl, calls, concurrency, rate } = JSON.parse(process.argv[2]);
const warnings = [];
let redis;
let rateLimiter;
if (redisUrl) {
  redis = createClient({ url: redisUrl });
  redis.on("error", () => {});
  await redis.connect();
  rateLimiter = createRedisRateLimiter(redis, {
    requestsPerSecond: rate,
    key: "bench",
    logger: { warn: (message) => warnings.push(message) },
  });
}
const prolifi = createProlifiClient({
  apiKey: "sk_test_benchRateLimit0123456789",
  baseUrl,
  rateLimiter,
  logLevel: "off",
});
let ok = 0;
let failed = 0;
let next = 0;
async function worker() {
  while (next < calls) {
    next += 1;
    try {
      await prolifi.getCustomerUsage("9b2f2c6e-3f1d-4c8e-9a57-1f0c2d3e4b5a");
      ok += 1;
    } catch {
      failed += 1;
    }
  }
}
process.send?.("ready");
await new Promise((resolve) => process.once("message", resolve));
await Promise.all(Array.from({ length: concurrency }, worker));
console.log(JSON.stringify({ ok, failed, warnings: warnings.length }));
await redis?.destroy();
process.disconnect?.();
