// msw handlers typed by the package's own path types (openapi-msw): a path the spec lacks, a body of
// the wrong shape or an undeclared status does not compile.

import { PAYPAL_SANDBOX_URL, type PayPalPaths, type UsagePeriod } from "billing-usage/paypal";
import { createOpenApiHttp } from "openapi-msw";

export const paypal = createOpenApiHttp<PayPalPaths>({ baseUrl: PAYPAL_SANDBOX_URL });
export const PAST_USAGE = "/v1/commerce/billing/customers/{external_customer_id}/past_usage";

export const tokenHandler = paypal.post("/v1/oauth2/token", ({ response }) =>
  response(200).json({ access_token: "A21AA-test-token", token_type: "Bearer", expires_in: 32_400 }),
);

export function period(month: string, value: number, currency_code = "USD"): UsagePeriod {
  return {
    from_datetime: `${month}-01T00:00:00Z`,
    to_datetime: `${month}-28T23:59:59Z`,
    issuing_date: `${month}-28`,
    total_amount: { value, currency_code },
    taxes_amount: { value: 0, currency_code },
    charges_usage: [],
  };
}

/** Serves `periods` page by page, as PayPal does: `page` and `per_page` (default 10) from the query. */
export function pastUsageHandler(periods: UsagePeriod[]) {
  return paypal.get(PAST_USAGE, ({ query, response }) => {
    const page = Number(query.get("page") ?? 1);
    const perPage = Number(query.get("per_page") ?? 10);
    const totalPages = Math.ceil(periods.length / perPage);
    return response(200).json({
      usage_periods: periods.slice((page - 1) * perPage, page * perPage),
      meta: { current_page: page, total_count: periods.length, total_pages: totalPages },
    });
  });
}

// @ts-expect-error: `usage_periods` is missing, so the spec's PastUsagePage is not what this returns.
export const wrongShape = paypal.get(PAST_USAGE, ({ response }) => response(200).json({ meta: { current_page: 1 } }));
