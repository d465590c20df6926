// The Worker under workerd (Cloudflare's runtime) through miniflare, offline (`cf: false`), against
// the package's mocks. Its outbound requests pass through `outboundService`, which counts them.

import { type Mocks, startMocks } from "billing-usage/mock";
import { build } from "esbuild";
import { Miniflare, fetch as nodeFetch, type Request as OutboundRequest } from "miniflare";
import { afterAll, beforeAll, expect, test } from "vitest";

let mocks: Mocks;
let worker: Miniflare;
const sent: string[] = [];

beforeAll(async () => {
  mocks = await startMocks();
  // Bundled as wrangler would: workerd's export conditions, ESM, browser-like platform.
  const bundle = await build({
    entryPoints: [new URL("./worker.ts", import.meta.url).pathname],
    bundle: true,
    format: "esm",
    platform: "browser",
    conditions: ["workerd", "worker", "browser"],
    write: false,
  });
  worker = new Miniflare({
    modules: true,
    script: bundle.outputFiles[0]?.text ?? "",
    compatibilityDate: "2026-01-01",
    cf: false,
    bindings: {
      PROLIFI_API_KEY: "pk_test_workers",
      PROLIFI_BASE_URL: mocks.prolifi.baseUrl,
      PAYPAL_CLIENT_ID: "workers-id",
      PAYPAL_CLIENT_SECRET: "workers-secret",
      PAYPAL_BASE_URL: mocks.paypal.baseUrl,
    },
    outboundService: (request: OutboundRequest) => {
      sent.push(`${request.method} ${new URL(request.url).pathname}`);
      return nodeFetch(request);
    },
  });
}, 120_000);

afterAll(async () => {
  await worker?.dispose();
  await mocks?.stop();
});

const call = async (path: string) => {
  const response = await worker.dispatchFetch(`http://worker${path}`);
  return { status: response.status, body: await response.json() };
};
const tokenRequests = () => sent.filter((line) => line === "POST /v1/oauth2/token").length;

test("runs in workerd", async () => {
  expect(await call("/runtime")).toEqual({ status: 200, body: "Cloudflare-Workers" });
});

test("a Prolifi call", async () => {
  expect(await call("/prolifi")).toEqual({ status: 200, body: ["api_call", "storage_gb_hour"] });
});

test("a PayPal walk over every page", async () => {
  const before = tokenRequests();
  expect(await call("/paypal/walk?tenant=walk")).toEqual({
    status: 200,
    body: [
      ["2023-12-31", "2023-11-30"],
      ["2023-10-31", "2023-09-30"],
    ],
  });
  expect(tokenRequests() - before).toBe(1);
});

test("billing-usage/money adds the walk's amounts exactly in workerd", async () => {
  expect(await call("/paypal/total?tenant=money")).toEqual({
    status: 200,
    body: { amount: "589.90", minor: "58990", shown: "$589.90" },
  });
});

test("50 concurrent requests on one cold client make one token request", async () => {
  const before = tokenRequests();
  const pagesBefore = sent.filter((line) => line.endsWith("/past_usage")).length;
  const results = await Promise.all(Array.from({ length: 50 }, () => call("/paypal/page?tenant=cold")));
  expect(results.filter((r) => r.status === 200 && r.body === 1)).toHaveLength(50);
  expect(sent.filter((line) => line.endsWith("/past_usage")).length - pagesBefore).toBe(50);
  expect(tokenRequests() - before).toBe(1);
});
