// Testing your code with nock (15 intercepts fetch on Node 22.20+). Tip: to test timeouts use msw's
// delay(); nock's .delay() with an abort crashes undici on Node 24.

import { createPayPalBillingClient, PAYPAL_SANDBOX_URL } from "billing-usage/paypal";
import { createProlifiClient, PROLIFI_PRODUCTION_URL } from "billing-usage/prolifi";
import nock from "nock";
import { afterEach, beforeAll, expect, test } from "vitest";
import { billedPeriods, usedEvents } from "./usage";

const CUSTOMER = "9b2f2c6e-3f1d-4c8e-9a57-1f0c2d3e4b5a";
const PAST_USAGE = "/v1/commerce/billing/customers/cust_42/past_usage";

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  // Every interceptor a test set up must have been used, and none may leak into the next test.
  expect(nock.pendingMocks()).toEqual([]);
  nock.cleanAll();
});

test("a 503 is retried, and your code sees only the answer that worked", async () => {
  const api = nock(PROLIFI_PRODUCTION_URL)
    .get(`/customers/${CUSTOMER}/usage`)
    .reply(503, { error: { type: "service_unavailable", message: "try again" } }, { "retry-after-ms": "10" })
    .get(`/customers/${CUSTOMER}/usage`)
    .reply(200, {
      data: [
        { event_name: "api_call", count: 3, last_reported_at: "2026-01-31T18:04:11Z" },
        { event_name: "export", count: 0, last_reported_at: null },
      ],
    });
  const prolifi = createProlifiClient({ apiKey: "sk_test_abc123" });
  expect(await usedEvents(prolifi, CUSTOMER)).toEqual(["api_call"]);
  expect(api.isDone()).toBe(true);
});

test("every page is fetched in turn, and none past the last", async () => {
  const period = (month: string) => ({
    from_datetime: `2025-${month}-01T00:00:00Z`,
    to_datetime: `2025-${month}-28T23:59:59Z`,
    issuing_date: `2025-${month}-28`,
    total_amount: { value: 10, currency_code: "USD" },
    taxes_amount: { value: 0, currency_code: "USD" },
    charges_usage: [],
  });
  const page = (n: number, months: string[]) => ({
    usage_periods: months.map(period),
    meta: { current_page: n, total_count: 3, total_pages: 2 },
  });
  nock(PAYPAL_SANDBOX_URL)
    .post("/v1/oauth2/token", "grant_type=client_credentials")
    .reply(200, { access_token: "A21AA-test", token_type: "Bearer", expires_in: 32_400 })
    .get(PAST_USAGE)
    .query({ subscription_id: "sub_7", page: "1" })
    .reply(200, page(1, ["01", "02"]))
    .get(PAST_USAGE)
    .query({ subscription_id: "sub_7", page: "2" })
    .reply(200, page(2, ["03"]));
  const paypal = createPayPalBillingClient({ clientId: "id", clientSecret: "secret", environment: "sandbox" });
  const periods = await billedPeriods(paypal, "cust_42");
  expect(periods.map((p) => p.issuing_date)).toEqual(["2025-01-28", "2025-02-28", "2025-03-28"]);
});
