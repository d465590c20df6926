// Traces and metrics with OpenTelemetry's own SDK in memory, on injected fetches: the span per SDK
// call, the span per HTTP attempt with the stable HTTP attributes, retries, the token request and its
// waiters, a walk, and failures; nothing secret anywhere in what is recorded.
import type { ReadableSpan } from "@opentelemetry/sdk-trace-base";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { pagesOf, paypalWith, prolifiWith, tokenResponse } from "../../helpers/clients";
import {
  ACCESS_TOKEN,
  BASIC_AUTH,
  CLIENT_SECRET,
  CUSTOMER_ID,
  pastUsagePage,
  SECRET_KEY,
  SUBSCRIPTION,
  USAGE_BODY,
} from "../../helpers/fixtures";
import { jsonResponse } from "../../helpers/mock-fetch";
import { type Otel, startOtel } from "../../helpers/otel";

let otel: Otel;
beforeEach(() => {
  otel = startOtel();
});
afterEach(async () => {
  await otel.close();
});

const USAGE_URL = `https://api.prolifi.co/api/v1/public/customers/${CUSTOMER_ID}/usage`;
const named = (name: string) => otel.spans().filter((s) => s.name === name);
const parentOf = (span: ReadableSpan | undefined) => span?.parentSpanContext?.spanId;
const idOf = (span: ReadableSpan | undefined) => span?.spanContext().spanId;
const prolifi = (answer: Parameters<typeof prolifiWith>[0], options = {}) =>
  prolifiWith(answer, { tracer: otel.tracer, meter: otel.meter, ...options }).client;

describe("traces", () => {
  test("a call is an INTERNAL span under the caller's, with one CLIENT span per attempt carrying the HTTP attributes", async () => {
    const client = prolifi(() => jsonResponse(200, USAGE_BODY));
    await otel.tracer.startActiveSpan("user request", async (span) => {
      await client.getCustomerUsage(CUSTOMER_ID, { start_date: "2026-01-01" });
      span.end();
    });
    const [user] = named("user request");
    const [call] = named("prolifi getCustomerUsage");
    const [attempt] = named("GET /customers/{id}/usage");
    expect(call?.kind).toBe(0);
    expect(parentOf(call)).toBe(idOf(user));
    expect(call?.attributes).toEqual({
      "billing_usage.provider": "prolifi",
      "billing_usage.operation": "getCustomerUsage",
    });
    expect(attempt?.kind).toBe(2);
    expect(parentOf(attempt)).toBe(idOf(call));
    expect(attempt?.attributes).toEqual({
      "http.request.method": "GET",
      "server.address": "api.prolifi.co",
      "server.port": 443,
      "url.full": `${USAGE_URL}?start_date=2026-01-01`,
      "url.template": "/customers/{id}/usage",
      "http.response.status_code": 200,
    });
    expect(call?.status.code).toBe(0);
  });

  test("a call retried twice after 503s has three attempt spans, resend counts 1 and 2, and the waits as events", async () => {
    const client = prolifi((_r, n) =>
      n < 3 ? jsonResponse(503, {}, { "retry-after-ms": "1" }) : jsonResponse(200, USAGE_BODY),
    );
    await client.getCustomerUsage(CUSTOMER_ID);
    const attempts = named("GET /customers/{id}/usage");
    expect(attempts.map((s) => s.attributes["http.request.resend_count"])).toEqual([undefined, 1, 2]);
    expect(attempts.map((s) => s.attributes["error.type"])).toEqual(["503", "503", undefined]);
    expect(attempts.map((s) => s.status.code)).toEqual([2, 2, 0]);
    const [call] = named("prolifi getCustomerUsage");
    expect(call?.events.map((e) => [e.name, e.attributes])).toEqual([
      ["billing_usage.retry_wait", { "billing_usage.wait_ms": 1, "billing_usage.reason": "503" }],
      ["billing_usage.retry_wait", { "billing_usage.wait_ms": 1, "billing_usage.reason": "503" }],
    ]);
    const metrics = await otel.metrics();
    expect(metrics["billing_usage.retries"]?.[0]?.value).toBe(2);
    const durations = metrics["http.client.request.duration"] ?? [];
    expect(
      durations.map((d) => [
        d.attributes["http.response.status_code"],
        d.attributes["error.type"],
        (d.value as { count: number }).count,
      ]),
    ).toEqual([
      [503, "503", 2],
      [200, undefined, 1],
    ]);
  });

  test("a 429 that fails fast: one attempt span, and the call span names the RateLimitError", async () => {
    const client = prolifi(() => jsonResponse(429, {}, { "retry-after": "600" }));
    await expect(client.getCustomerUsage(CUSTOMER_ID)).rejects.toThrow();
    expect(named("GET /customers/{id}/usage").map((s) => s.attributes["error.type"])).toEqual(["429"]);
    const [call] = named("prolifi getCustomerUsage");
    expect([call?.attributes["error.type"], call?.status.code]).toEqual(["RateLimitError", 2]);
  });

  test("20 concurrent calls on a cold PayPal client: one token span under the first call, 19 waits as events", async () => {
    const paypal = paypalWith(
      undefined,
      { tracer: otel.tracer, meter: otel.meter },
      () => new Promise((resolve) => setTimeout(() => resolve(tokenResponse()), 5)),
    );
    await Promise.all(Array.from({ length: 20 }, () => paypal.client.getPastUsage("cust_42", SUBSCRIPTION)));
    const tokens = named("POST /v1/oauth2/token");
    expect(tokens).toHaveLength(1);
    expect(tokens[0]?.kind).toBe(2);
    const calls = named("paypal getPastUsage");
    expect(calls.map(idOf)).toContain(parentOf(tokens[0]));
    expect(calls.flatMap((s) => s.events.map((e) => e.name))).toEqual(Array(19).fill("billing_usage.token.wait"));
    expect((await otel.metrics())["billing_usage.token.requests"]?.[0]?.value).toBe(1);
  });

  test("a token taken from the tokenStore is an event on the call, and no token span", async () => {
    const store = {
      get: async () => ({ accessToken: "A21AA-from-the-store-01234", expiresAt: Date.now() + 3_600_000 }),
      set: async () => {},
    };
    const paypal = paypalWith(undefined, { tracer: otel.tracer, tokenStore: store });
    await paypal.client.getPastUsage("cust_42", SUBSCRIPTION);
    expect(paypal.tokenRequests).toBe(0);
    expect(named("POST /v1/oauth2/token")).toHaveLength(0);
    expect(named("paypal getPastUsage")[0]?.events.map((e) => e.name)).toEqual(["billing_usage.token.from_store"]);
  });

  test("a 401 replay is a second attempt span with resend count 1, after a second token span", async () => {
    const paypal = paypalWith((_r, n) => (n === 1 ? jsonResponse(401, {}) : jsonResponse(200, pastUsagePage(1, 1))), {
      tracer: otel.tracer,
    });
    await paypal.client.getPastUsage("cust_42", SUBSCRIPTION);
    const attempts = named("GET /v1/commerce/billing/customers/{external_customer_id}/past_usage");
    expect(
      attempts.map((s) => [s.attributes["http.response.status_code"], s.attributes["http.request.resend_count"]]),
    ).toEqual([
      [401, undefined],
      [200, 1],
    ]);
    expect(named("POST /v1/oauth2/token")).toHaveLength(2);
  });

  test("a walk of 5 pages broken off after 3 is one span, its 3 page calls nested, and says how it ended", async () => {
    const paypal = paypalWith(pagesOf(5), { tracer: otel.tracer });
    let seen = 0;
    for await (const _page of paypal.client.listPastUsage("cust_42", SUBSCRIPTION).pages()) {
      if (++seen === 3) break;
    }
    const [walk] = named("paypal listPastUsage");
    expect(walk?.attributes).toMatchObject({ "billing_usage.pages": 3, "billing_usage.walk.end": "broken_off" });
    const pages = named("paypal getPastUsage");
    expect(pages).toHaveLength(3);
    for (const page of pages) expect(parentOf(page)).toBe(idOf(walk));
  });

  test("a walk stopped by maxPages says so", async () => {
    const paypal = paypalWith(pagesOf(5), { tracer: otel.tracer, logLevel: "off" });
    for await (const _period of paypal.client.listPastUsage("cust_42", SUBSCRIPTION, { maxPages: 2 })) {
      // every period of two pages
    }
    expect(named("paypal listPastUsage")[0]?.attributes).toMatchObject({
      "billing_usage.pages": 2,
      "billing_usage.walk.end": "max_pages",
    });
  });

  test("tracing adds no header to the requests the vendors get", async () => {
    const headersOf = async (options: object) => {
      const { client, mock } = prolifiWith(() => jsonResponse(200, USAGE_BODY), options);
      await client.getCustomerUsage(CUSTOMER_ID);
      return [...(mock.requests[0]?.headers.keys() ?? [])].sort();
    };
    expect(await headersOf({ tracer: otel.tracer, meter: otel.meter })).toEqual(await headersOf({}));
  });

  test("a walk to its end says completed", async () => {
    const paypal = paypalWith(pagesOf(2), { tracer: otel.tracer });
    for await (const _period of paypal.client.listPastUsage("cust_42", SUBSCRIPTION)) {
      // every period
    }
    expect(named("paypal listPastUsage")[0]?.attributes).toMatchObject({
      "billing_usage.pages": 2,
      "billing_usage.walk.end": "completed",
    });
  });

  test.each([
    ["aborted", { signal: AbortSignal.abort() }, "RequestAbortedError"],
    ["timed out", { timeoutMs: 20, maxRetries: 0 }, "TimeoutError"],
  ])("a call %s: its span names the error class", async (_case, options, type) => {
    const client = prolifi(
      (request) =>
        new Promise<Response>((_, reject) =>
          request.signal.addEventListener("abort", () => reject(request.signal.reason)),
        ),
    );
    await expect(client.getCustomerUsage(CUSTOMER_ID, {}, options)).rejects.toThrow();
    const [call] = named("prolifi getCustomerUsage");
    expect([call?.attributes["error.type"], call?.status.code]).toEqual([type, 2]);
  });

  test("nothing secret in any span name, attribute or event, nor in any metric attribute", async () => {
    const paypal = paypalWith((_r, n) => (n === 1 ? jsonResponse(401, {}) : jsonResponse(200, pastUsagePage(1, 1))), {
      tracer: otel.tracer,
      meter: otel.meter,
    });
    await paypal.client.getPastUsage("cust_42", SUBSCRIPTION);
    const client = prolifi(() => jsonResponse(500, { echoed: SECRET_KEY }), { maxRetries: 1 });
    await expect(client.getCustomerUsage(CUSTOMER_ID)).rejects.toThrow();
    const recorded = JSON.stringify([otel.spans().map((s) => [s.name, s.attributes, s.events]), await otel.metrics()]);
    let scanned = 0;
    for (const secret of [
      SECRET_KEY,
      CLIENT_SECRET,
      BASIC_AUTH,
      btoa(`${"AcLIENTid0123456789"}:${CLIENT_SECRET}`),
      `${ACCESS_TOKEN}`,
    ]) {
      expect(recorded).not.toContain(secret);
      scanned += 1;
    }
    expect(scanned).toBe(5);
    expect(otel.spans().length).toBeGreaterThanOrEqual(6);
  });
});

describe("the tracer and meter options", () => {
  test.each([
    [{ tracer: {} }, "tracer must be an object with the methods startActiveSpan"],
    [{ meter: { createHistogram() {} } }, "meter must be an object with the methods createHistogram, createCounter"],
  ])("refuses %o", (options, message) => {
    expect(() => prolifiWith(() => jsonResponse(200, USAGE_BODY), options as never)).toThrow(message);
  });
});

describe("without a tracer or a meter", () => {
  test("nothing is recorded and the call is what it always was", async () => {
    const { client } = prolifiWith(() => jsonResponse(200, USAGE_BODY));
    expect(await client.getCustomerUsage(CUSTOMER_ID)).toEqual(USAGE_BODY);
    expect(otel.spans()).toEqual([]);
  });
});
