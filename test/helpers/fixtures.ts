// Values shared across tests. The keys are recognisable on purpose: the secrets tests search
// every error and log line for them.
export const CUSTOMER_ID = "9b2f2c6e-3f1d-4c8e-9a57-1f0c2d3e4b5a";
export const SECRET_KEY = "sk_test_SECRETkey0123456789abcdef";
export const PUBLIC_KEY = "pk_test_PUBLICkey0123456789abcdef";
export const USAGE_BODY = { data: [{ event_name: "api_call", count: 3, last_reported_at: "2026-01-31T18:04:11Z" }] };

export const CLIENT_ID = "AcLIENTid0123456789";
export const CLIENT_SECRET = "EcLIENTsecret0123456789xyz";
export const ACCESS_TOKEN = "A21AAtoken0123456789abcdefTOKEN";
export const BASIC_AUTH = `Basic ${btoa(`${CLIENT_ID}:${CLIENT_SECRET}`)}`;
export const SUBSCRIPTION = { subscription_id: "sub_7" } as const;

/** A past-usage page as PayPal shapes it: `count` periods, page `current` of `total`. */
export function pastUsagePage(current: number, total: number, count = 2) {
  return {
    usage_periods: Array.from({ length: count }, (_, i) => ({
      from_datetime: "2026-01-01T00:00:00Z",
      to_datetime: "2026-01-31T23:59:59Z",
      issuing_date: "2026-01-31",
      invoice_id: `inv_${current}_${i}`,
      total_amount: { currency_code: "USD", value: 10 * current + i },
      taxes_amount: { currency_code: "USD", value: 1 },
      charges_usage: [],
    })),
    meta: { current_page: current, total_count: total * count, total_pages: total },
  };
}
