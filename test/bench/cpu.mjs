#!/usr/bin/env node
// Client CPU alone: no network, a stub `fetch` answering every request with the same ~2 KB JSON in a
// fresh Response. Calls per second for bare openapi-fetch and for each of our typed methods, each
// given the same stub, alternating in rounds; the ratio is paired per round.
import createClient from "openapi-fetch";
import { createPayPalBillingClient } from "../../dist/paypal.js";
import { createProlifiClient } from "../../dist/prolifi.js";
import { median, QUICK } from "./lib.mjs";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? (QUICK ? 5 : 15));
const ROUND_MS = QUICK ? 150 : 400;
const CUSTOMER = "9b2f2c6e-3f1d-4c8e-9a57-1f0c2d3e4b5a";
const BASE = "http://127.0.0.1:1";
const usage = JSON.stringify({
  data: Array.from({ length: 24 }, (_, i) => ({ event_name: `event_${i}`, count: i, last_reported_at: null })),
});
const page = JSON.stringify({ usage_periods: [], meta: { current_page: 1, total_count: 0, total_pages: 1 } });
const token = JSON.stringify({ access_token: "A21AA-stub", token_type: "Bearer", expires_in: 32_400 });
const headers = { "content-type": "application/json", "content-length": String(usage.length) };
const stub = (input) => {
  const url = typeof input === "string" ? input : input.url;
  const body = url.includes("/oauth2/") ? token : url.includes("past_usage") ? page : usage;
  return Promise.resolve(
    new Response(body, { status: 200, headers: { ...headers, "content-length": String(body.length) } }),
  );
};

export async function measureCpu() {
  const bare = createClient({ baseUrl: BASE, fetch: stub });
  const prolifi = createProlifiClient({ apiKey: "sk_test_benchmark123", baseUrl: BASE, fetch: stub, logLevel: "off" });
  const paypal = createPayPalBillingClient({
    clientId: "a",
    clientSecret: "b",
    baseUrl: BASE,
    fetch: stub,
    logLevel: "off",
  });
  const contenders = {
    "openapi-fetch": () => bare.GET("/customers/{id}/usage", { params: { path: { id: CUSTOMER } } }),
    "billing-usage Prolifi": () => prolifi.getCustomerUsage(CUSTOMER),
    "billing-usage PayPal": () => paypal.getPastUsage("cust_42", { subscription_id: "sub_7" }),
  };
  const names = Object.keys(contenders);
  const opsPerSecond = Object.fromEntries(names.map((n) => [n, []]));
  for (const call of Object.values(contenders)) for (let i = 0; i < 2_000; i++) await call();
  for (let r = 0; r < ROUNDS; r++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(k + r) % names.length];
      const call = contenders[name];
      let n = 0;
      const started = performance.now();
      while (performance.now() - started < ROUND_MS) {
        for (let i = 0; i < 50; i++) await call();
        n += 50;
      }
      opsPerSecond[name].push((n * 1000) / (performance.now() - started));
    }
  }
  const base = opsPerSecond["openapi-fetch"];
  return names.map((name) => ({
    contender: name,
    opsPerSecond: median(opsPerSecond[name]),
    vsOpenapiFetch: median(opsPerSecond[name].map((ops, r) => ops / base[r])),
  }));
}

export function printCpu(rows) {
  console.log("\nClient CPU alone (stub fetch, no network), calls per second, medians; ratio paired per round:");
  console.table(
    rows.map((row) => ({
      contender: row.contender,
      "calls/s": Math.round(row.opsPerSecond),
      "× openapi-fetch": row.vsOpenapiFetch.toFixed(2),
    })),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) printCpu(await measureCpu());
