// Making the package's errors yourself, to test how your code handles them without any HTTP at all.
import type { PayPalBillingClient } from "billing-usage/paypal";
import { NotFoundError, RateLimitError } from "billing-usage/paypal";
import { expect, test } from "vitest";
import { billedTotals } from "./billing";

/** A client whose walk fails with `error`: all billedTotals uses of it. */
const failingClient = (error: Error) =>
  ({
    listPastUsage: () => ({
      [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(error) }),
    }),
  }) as unknown as PayPalBillingClient;

test("the error your code sees is the one the client threw", async () => {
  const url = "https://api-m.sandbox.paypal.com/v1/commerce/billing/customers/cust_42/past_usage";
  const tooFast = new RateLimitError("slow down", {
    provider: "paypal",
    method: "GET",
    url,
    status: 429,
    retryAfterMs: 2_000,
  });
  await expect(billedTotals(failingClient(tooFast), "cust_42", "sub_7")).rejects.toMatchObject({ retryAfterMs: 2_000 });

  const missing = new NotFoundError("no such customer", {
    provider: "paypal",
    method: "GET",
    url,
    status: 404,
    code: "RESOURCE_NOT_FOUND",
  });
  await expect(billedTotals(failingClient(missing), "cust_42", "sub_7")).rejects.toBeInstanceOf(NotFoundError);
});
