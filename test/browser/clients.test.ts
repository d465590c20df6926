// The built package in real headless Chromium: a public key fetches usage cross-origin from Prism,
// and the guards refuse secrets, as they must where anyone can read the page's code.
import { describe, expect, inject, test } from "vitest";
import { formatMoney, MoneyError, sumMoney, toMoney } from "../../dist/money.js";
import { createPayPalBillingClient } from "../../dist/paypal.js";
import { createProlifiClient, InvalidInputError, NotFoundError } from "../../dist/prolifi.js";

const CUSTOMER = "9b2f2c6e-3f1d-4c8e-9a57-1f0c2d3e4b5a";
const prolifiUrl = () => inject("prismUrls").prolifi ?? "";

describe("in Chromium", () => {
  test("runs in a real browser page, on another origin than Prism", () => {
    expect(navigator.userAgent).toMatch(/Chrome/);
    expect(new URL(prolifiUrl()).origin).not.toBe(location.origin);
  });

  test("a pk_ key fetches a customer's usage cross-origin", async () => {
    const prolifi = createProlifiClient({ apiKey: "pk_test_browser123", baseUrl: prolifiUrl() });
    const usage = await prolifi.getCustomerUsage(CUSTOMER, { start_date: "2026-01-01", end_date: "2026-01-31" });
    expect(usage.data.map((row) => row.event_name)).toEqual(["api_call", "storage_gb_hour"]);
    expect(usage.rateLimit).toEqual({ limit: 1000, remaining: 999 });
  });

  test("an error status is a typed error here too", async () => {
    const prolifi = createProlifiClient({ apiKey: "pk_test_browser123", baseUrl: prolifiUrl(), maxRetries: 0 });
    const error = await prolifi
      .getCustomerUsage(CUSTOMER, {}, { headers: { Prefer: "code=404" } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).code).toBe("not_found");
  });

  test("an sk_ key is refused", () => {
    expect(() => createProlifiClient({ apiKey: "sk_test_browser123", baseUrl: prolifiUrl() })).toThrow(
      InvalidInputError,
    );
    expect(() => createProlifiClient({ apiKey: "sk_test_browser123", baseUrl: prolifiUrl() })).toThrow(
      /secret key \(sk_\) in a browser/,
    );
  });

  test("an sk_ key is allowed with dangerouslyAllowBrowser", () => {
    expect(() =>
      createProlifiClient({ apiKey: "sk_test_browser123", baseUrl: prolifiUrl(), dangerouslyAllowBrowser: true }),
    ).not.toThrow();
  });

  test("a PayPal client secret is refused, a server-issued token is not", () => {
    const baseUrl = inject("prismUrls")["paypal-billing"] ?? "";
    expect(() =>
      createPayPalBillingClient({ clientId: "browser-id", clientSecret: "browser-secret", baseUrl }),
    ).toThrow(/client secret in a browser/);
    expect(() => createPayPalBillingClient({ accessToken: "server-issued-token", baseUrl })).not.toThrow();
  });

  test("billing-usage/money reads, adds and formats amounts exactly in the browser", () => {
    const amounts = Array.from({ length: 1000 }, () => ({ currency_code: "USD", value: 19.99 }));
    expect(sumMoney(amounts).amount).toBe("19990.00");
    expect(toMoney({ currency_code: "USD", value: "90071992547409.93" }).minor).toBe(9007199254740993n);
    expect(formatMoney({ currency_code: "USD", value: "90071992547409.93" }, "en-US")).toBe("$90,071,992,547,409.93");
    expect(() => toMoney({ currency_code: "JPY", value: 1.5 })).toThrow(MoneyError);
  });
});
