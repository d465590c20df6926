// Contract tests of your code against the specs: real HTTP to the mocks the global setup started.
import { createPayPalBillingClient, InvalidInputError } from "billing-usage/paypal";
import { createProlifiClient, NotFoundError } from "billing-usage/prolifi";
import { expect, inject, test } from "vitest";
import { eventNames, periodLines } from "./report";

const paypal = createPayPalBillingClient({ clientId: "mock", clientSecret: "mock", baseUrl: inject("paypalBaseUrl") });
const prolifi = createProlifiClient({ apiKey: "pk_test_mock", baseUrl: inject("prolifiBaseUrl") });
const CUSTOMER = "9b2f2c6e-3f1d-4c8e-9a57-1f0c2d3e4b5a";

test("periodLines walks every page of the mock's example periods", async () => {
  expect(await periodLines(paypal, "cust_42", "sub_7")).toEqual([
    "2023-12: 250.00 USD",
    "2023-11: 150.00 USD",
    "2023-10: 107.50 USD",
    "2023-09: 82.40 USD",
  ]);
});

test("eventNames reads the usage summary", async () => {
  expect(await eventNames(prolifi, CUSTOMER)).toEqual(["api_call", "storage_gb_hour"]);
});

test("an error status the spec declares, picked with Prism's Prefer header (maxRetries: 0: no waiting)", async () => {
  const error = await prolifi
    .getCustomerUsage(CUSTOMER, {}, { headers: { Prefer: "code=404" }, maxRetries: 0 })
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(NotFoundError);
});

test("input the spec refuses is refused before any request", async () => {
  await expect(periodLines(paypal, "cust 42", "sub_7")).rejects.toBeInstanceOf(InvalidInputError);
});
