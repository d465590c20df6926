#!/usr/bin/env node
// Client CPU alone: no network, a stub `fetch` answering every request with a ~2 KB JSON body in a
// fresh Response. Calls per second for each of our typed methods and for bare openapi-fetch on the
// same route with the same stub, alternating in rounds; each ratio is paired per round.
import createClient from "openapi-fetch";
import { createPayPalBillingClient } from "../../dist/paypal.js";
import { createProlifiClient } from "../../dist/prolifi.js";
import { isMain, median, QUICK } from "./lib.mjs";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? (QUICK ? 5 : 15));
const ROUND_MS = QUICK ? 150 : 400;
const CUSTOMER = "9b2f2c6e-3f1d-4c8e-9a57-1f0c2d3e4b5a";
const BASE = "http://127.0.0.1:1";
const usage = JSON.stringify({
  data: Array.from({ length: 24 }, (_, i) => ({ event_name: `event_${i}`, count: i, last_reported_at: null })),
});
const period = {
  from_datetime: "2026-01-01T00:00:00Z",
  to_datetime: "2026-01-31T23:59:59Z",
  issuing_date: "2026-01-31",
  total_amount: { currency_code: "USD", value: 250 },
  taxes_amount: { currency_code: "USD", value: 3.25 },
  charges_usage: [{ units: "200.0", events_count: 200, amount: { currency_code: "USD", value: 100 } }],
};
const page = JSON.stringify({
  usage_periods: Array.from({ length: 6 }, () => period),
  meta: { current_page: 1, total_count: 6, total_pages: 1 },
});
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
  const query = { subscription_id: "sub_7" };
  const contenders = {
    "openapi-fetch (usage)": () => bare.GET("/customers/{id}/usage", { params: { path: { id: CUSTOMER } } }),
    "billing-usage Prolifi": () => prolifi.getCustomerUsage(CUSTOMER),
    "openapi-fetch (past usage)": () =>
      bare.GET("/v1/commerce/billing/customers/{external_customer_id}/past_usage", {
        params: { path: { external_customer_id: "cust_42" }, query },
      }),
    "billing-usage PayPal": () => paypal.getPastUsage("cust_42", query),
  };
  /** Each of ours against bare openapi-fetch on its route. */
  const baselineOf = {
    "billing-usage Prolifi": "openapi-fetch (usage)",
    "billing-usage PayPal": "openapi-fetch (past usage)",
  };
  const names = Object.keys(contenders);
  const opsPerSecond = Object.fromEntries(names.map((n) => [n, []]));
  for (const call of Object.values(contenders)) for (let i = 0; i < 2_000; i++) await call();
  for (let r = 0; r < ROUNDS; r++) {
    for (let k = 0; k < names.length; k++) {
      // Each contender's round starts with no one else's garbage to collect (with --expose-gc).
      globalThis.gc?.();
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
  return names.map((name) => {
    const base = opsPerSecond[baselineOf[name] ?? name];
    return {
      contender: name,
      opsPerSecond: median(opsPerSecond[name]),
      vsOpenapiFetch: median(opsPerSecond[name].map((ops, r) => ops / base[r])),
    };
  });
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

if (isMain(import.meta.url)) printCpu(await measureCpu());
