#!/usr/bin/env node
// Per-call cost on loopback, sequential calls, ~2 KB JSON bodies from a server in its own process.
// Contenders run in rounds, in a rotating order, so machine noise hits them alike; each round gives
// each contender's mean per call, and its ratio to raw fetch and to bare openapi-fetch on the same
// route *in that round* (paired ratios, which cancel most of the drift between rounds). Figures are
// medians over rounds, plus the p99 of single calls. Prints JSON for run.mjs with --json.
import createClient from "openapi-fetch";
import { createPayPalBillingClient } from "../../dist/paypal.js";
import { createProlifiClient } from "../../dist/prolifi.js";
import { loadCompetitors } from "./competitors.mjs";
import { median, QUICK, quantile, runAlone } from "./lib.mjs";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? (QUICK ? 5 : 25));
const CALLS_PER_ROUND = Number(process.env.BENCH_CALLS ?? (QUICK ? 100 : 300));
const WARMUP_CALLS = QUICK ? 100 : 500;
const CUSTOMER = "9b2f2c6e-3f1d-4c8e-9a57-1f0c2d3e4b5a";
const KEY = "sk_test_benchmark123";
const PAST_USAGE = "/v1/commerce/billing/customers/{external_customer_id}/past_usage";

export async function measureCalls(server) {
  const { baseUrl } = server;
  const bare = createClient({ baseUrl });
  const prolifi = createProlifiClient({ apiKey: KEY, baseUrl, logLevel: "off" });
  const paypal = createPayPalBillingClient({ clientId: "bench", clientSecret: "bench", baseUrl, logLevel: "off" });
  const auth = { Authorization: `Bearer ${KEY}` };
  const query = { subscription_id: "sub_7" };

  /** Each contender: its name, the route it calls (ratios compare within a route) and one call. */
  const contenders = [
    {
      name: "raw fetch + json()",
      route: "usage",
      call: async () => (await fetch(`${baseUrl}/customers/${CUSTOMER}/usage`, { headers: auth })).json(),
    },
    {
      name: "openapi-fetch",
      route: "usage",
      call: () => bare.GET("/customers/{id}/usage", { params: { path: { id: CUSTOMER } }, headers: auth }),
    },
    {
      name: "billing-usage Prolifi getCustomerUsage",
      route: "usage",
      ours: true,
      call: () => prolifi.getCustomerUsage(CUSTOMER),
    },
    {
      name: "raw fetch + json()",
      route: "past usage",
      call: async () =>
        (
          await fetch(`${baseUrl}/v1/commerce/billing/customers/cust_42/past_usage?subscription_id=sub_7`, {
            headers: auth,
          })
        ).json(),
    },
    {
      name: "openapi-fetch",
      route: "past usage",
      call: () => bare.GET(PAST_USAGE, { params: { path: { external_customer_id: "cust_42" }, query }, headers: auth }),
    },
    {
      name: "billing-usage PayPal getPastUsage (warm token)",
      route: "past usage",
      ours: true,
      call: () => paypal.getPastUsage("cust_42", query),
    },
    ...(await loadCompetitors(baseUrl, { customer: CUSTOMER, key: KEY })),
  ];

  for (const c of contenders) for (let i = 0; i < WARMUP_CALLS; i++) await c.call();
  const rounds = contenders.map(() => []);
  const singles = contenders.map(() => []);
  for (let r = 0; r < ROUNDS; r++) {
    for (let k = 0; k < contenders.length; k++) {
      // Each contender's round starts with no one else's garbage to collect (with --expose-gc).
      globalThis.gc?.();
      const i = (k + r) % contenders.length;
      const { call } = contenders[i];
      const started = performance.now();
      for (let n = 0; n < CALLS_PER_ROUND; n++) {
        const t = performance.now();
        await call();
        singles[i].push(performance.now() - t);
      }
      rounds[i].push(((performance.now() - started) * 1000) / CALLS_PER_ROUND);
    }
  }
  const baseline = (route, name) => contenders.findIndex((c) => c.route === route && c.name === name);
  const pairedRatio = (i, j) => median(rounds[i].map((us, r) => us / rounds[j][r]));
  const rows = contenders.map((c, i) => {
    const raw = baseline(c.route, "raw fetch + json()");
    const bareIndex = baseline(c.route, "openapi-fetch");
    return {
      contender: c.name,
      route: c.route,
      ours: c.ours === true,
      medianUs: median(rounds[i]),
      p99Us: quantile(singles[i], 0.99) * 1000,
      vsRawFetch: pairedRatio(i, raw),
      vsOpenapiFetch: pairedRatio(i, bareIndex),
      vsOpenapiFetchRange: [
        Math.min(...rounds[i].map((us, r) => us / rounds[bareIndex][r])),
        Math.max(...rounds[i].map((us, r) => us / rounds[bareIndex][r])),
      ],
    };
  });
  return { rounds: ROUNDS, callsPerRound: CALLS_PER_ROUND, rows };
}

export function printCalls({ rounds, callsPerRound, rows }) {
  console.log(`\nPer call, ${rounds} rounds × ${callsPerRound} sequential calls (medians; ratios paired per round):`);
  console.table(
    rows.map((row) => ({
      contender: row.contender,
      route: row.route,
      "µs/call": Math.round(row.medianUs),
      "p99 µs": Math.round(row.p99Us),
      "× raw fetch": row.vsRawFetch.toFixed(2),
      "× openapi-fetch": row.vsOpenapiFetch.toFixed(2),
    })),
  );
}

await runAlone(import.meta.url, measureCalls, printCalls);
