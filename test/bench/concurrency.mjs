#!/usr/bin/env node
// Cold PayPal calls at once: a new client, then N getPastUsage calls started together, against a
// token endpoint that answers in TOKEN_DELAY_MS. Calls per second, and how many token requests the
// server saw: one for this package at any N (single-flight); PayPal's own SDK beside it.
import { createPayPalBillingClient } from "../../dist/paypal.js";
import { paypalSdkClient } from "./competitors.mjs";
import { median, QUICK, runAlone } from "./lib.mjs";

const LEVELS = QUICK ? [1, 10, 100] : [1, 10, 100, 1000];
const TOKEN_DELAY_MS = 50;
const REPEATS = QUICK ? 1 : 3;

async function burst(server, makeCall, n) {
  const seconds = [];
  let tokens = 0;
  for (let r = 0; r < REPEATS; r++) {
    await server.configure({ tokenDelayMs: TOKEN_DELAY_MS });
    const call = await makeCall();
    const started = performance.now();
    await Promise.all(Array.from({ length: n }, () => call()));
    seconds.push((performance.now() - started) / 1000);
    tokens = Math.max(tokens, (await server.stats()).tokenRequests);
  }
  return { callsPerSecond: n / median(seconds), tokenRequests: tokens };
}

export async function measureConcurrency(server) {
  const ours = async () => {
    const client = createPayPalBillingClient({
      clientId: "bench",
      clientSecret: "bench",
      baseUrl: server.baseUrl,
      logLevel: "off",
    });
    return () => client.getPastUsage("cust_42", { subscription_id: "sub_7" });
  };
  const sdkAvailable = (await paypalSdkClient(server.baseUrl)) !== undefined;
  const rows = [];
  for (const n of LEVELS) {
    rows.push({ concurrent: n, contender: "billing-usage getPastUsage", ...(await burst(server, ours, n)) });
    if (sdkAvailable)
      rows.push({
        concurrent: n,
        contender: "@paypal/paypal-server-sdk getOrder",
        ...(await burst(server, () => paypalSdkClient(server.baseUrl), n)),
      });
  }
  return { tokenDelayMs: TOKEN_DELAY_MS, rows };
}

export function printConcurrency({ tokenDelayMs, rows }) {
  console.log(`\nCold PayPal calls started together on a new client (token endpoint answers in ${tokenDelayMs} ms):`);
  console.table(rows.map((r) => ({ ...r, callsPerSecond: Math.round(r.callsPerSecond) })));
}

await runAlone(import.meta.url, measureConcurrency, printConcurrency);
