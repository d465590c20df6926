// Testing your code with msw intercepting fetch: no server, no network.

import { createPayPalBillingClient, RateLimitError, TimeoutError } from "billing-usage/paypal";
import { delay, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, expect, test } from "vitest";
import { billedTotals } from "./billing";
import { PAST_USAGE, pastUsageHandler, paypal, period, tokenHandler } from "./handlers";

const server = setupServer(tokenHandler);
// To fail on a request no handler takes: msw 2 `{ onUnhandledRequest: "error" }`, msw 3 `{ onUnhandledFrame: "error" }`.
beforeAll(() => server.listen());
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const client = (options = {}) =>
  createPayPalBillingClient({ clientId: "id", clientSecret: "secret", environment: "sandbox", ...options });

test("billedTotals adds up every period across pages", async () => {
  const periods = Array.from({ length: 23 }, (_, i) => period(`2025-${String((i % 12) + 1).padStart(2, "0")}`, 10));
  periods.push(period("2026-01", 5, "EUR"));
  server.use(pastUsageHandler(periods));
  expect(await billedTotals(client(), "cust_42", "sub_7")).toEqual({ USD: "230.00", EUR: "5.00" });
});

test("a 429 is a RateLimitError with the wait the server asked for (maxRetries: 0 stops the client retrying)", async () => {
  server.use(
    paypal.get(PAST_USAGE, ({ response }) =>
      response(429).json(
        { name: "RATE_LIMIT_REACHED", message: "Too many requests.", debug_id: "f00d" },
        { headers: { "Retry-After": "30" } },
      ),
    ),
  );
  const error = await billedTotals(client({ maxRetries: 0 }), "cust_42", "sub_7").catch((e: unknown) => e);
  expect(error).toBeInstanceOf(RateLimitError);
  expect(error).toMatchObject({ status: 429, code: "RATE_LIMIT_REACHED", requestId: "f00d", retryAfterMs: 30_000 });
});

test("a slow server is a TimeoutError after timeoutMs (msw's delay, not a real wait)", async () => {
  server.use(
    paypal.untyped.get(`*${"/past_usage"}`, async () => {
      await delay(1_000);
      return HttpResponse.json({});
    }),
  );
  const error = await billedTotals(client({ timeoutMs: 50, maxRetries: 0 }), "cust_42", "sub_7").catch(
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TimeoutError);
});
