// A process that makes one Prolifi call, aborts it while it waits out a 429's `Retry-After: 30`, and
// then does nothing: it should exit at once, with no timer or socket of the client's left behind.
// For test/integration/faults/shutdown.test.ts, which reads the JSON line it prints.
import { createProlifiClient } from "../../../dist/prolifi.js";

const baseline = process.getActiveResourcesInfo();
const controller = new AbortController();
let abortedAt = 0;
const client = createProlifiClient({
  apiKey: "sk_test_SECRETkey0123456789abcdef",
  baseUrl: process.env.BASE_URL,
  // Aborts the moment the client says it is waiting to retry: no guessing at timing.
  logger: {
    error() {},
    warn(message) {
      if (!message.includes("retrying after 429")) return;
      abortedAt = performance.now();
      controller.abort();
    },
    info() {},
    debug() {},
  },
});
const error = await client
  .getCustomerUsage("9b2f2c6e-3f1d-4c8e-9a57-1f0c2d3e4b5a", {}, { signal: controller.signal })
  .catch((e) => e);
const settledMs = performance.now() - abortedAt;
const left = process.getActiveResourcesInfo();
process.on("exit", () => {
  const exitMs = performance.now() - abortedAt;
  console.log(JSON.stringify({ error: error?.name, baseline, left, settledMs, exitMs }));
});
