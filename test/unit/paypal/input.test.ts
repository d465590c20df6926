import { afterEach, describe, expect, expectTypeOf, test, vi } from "vitest";
import {
  createPayPalBillingClient,
  InvalidInputError,
  PAYPAL_LIVE_URL,
  PAYPAL_SANDBOX_URL,
  type PastUsagePage,
  type WithRequestId,
} from "../../../src/paypal/index";
import { ACCESS_TOKEN, CLIENT_ID, CLIENT_SECRET, pastUsagePage, SUBSCRIPTION } from "../../helpers/fixtures";
import { jsonResponse, mockFetch } from "../../helpers/mock-fetch";

function fakePayPal() {
  return mockFetch((request) =>
    new URL(request.url).pathname === "/v1/oauth2/token"
      ? jsonResponse(200, { access_token: ACCESS_TOKEN, token_type: "Bearer", expires_in: 32_400 })
      : jsonResponse(200, pastUsagePage(1, 1)),
  );
}

function clientAndRequests() {
  const mock = fakePayPal();
  const client = createPayPalBillingClient({
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    environment: "sandbox",
    fetch: mock.fetch,
    logLevel: "off",
  });
  return { client, requests: mock.requests };
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
});

describe("getPastUsage input checks", () => {
  test.each([
    [
      "an external id with a dot",
      "cust.42",
      SUBSCRIPTION,
      "external_customer_id",
      /external_customer_id must match \^\[a-zA-Z0-9_-\]\+\$/,
    ],
    ["an empty external id", "", SUBSCRIPTION, "external_customer_id", /external_customer_id must not be empty/],
    ["an external id of 65 characters", "c".repeat(65), SUBSCRIPTION, "external_customer_id", /at most 64 characters/],
    ["no subscription_id", "cust_42", {}, "subscription_id", /subscription_id is required/],
    ["a null query", "cust_42", null, "query", /^query must be an object with at least subscription_id$/],
    ["a subscription id with a slash", "cust_42", { subscription_id: "sub/7" }, "subscription_id", /must match/],
    ["page 0", "cust_42", { ...SUBSCRIPTION, page: 0 }, "page", /page must be at least 1/],
    ["a fractional page", "cust_42", { ...SUBSCRIPTION, page: 1.5 }, "page", /page must be an integer/],
    ["per_page over 100", "cust_42", { ...SUBSCRIPTION, per_page: 101 }, "per_page", /per_page must be at most 100/],
    ["per_page as a string", "cust_42", { ...SUBSCRIPTION, per_page: "20" }, "per_page", /per_page must be an integer/],
    [
      "a misspelt parameter",
      "cust_42",
      { ...SUBSCRIPTION, perPage: 20 },
      "perPage",
      /perPage is not a query parameter here; expected subscription_id, page, per_page/,
    ],
    // The path parameter inside the query would pass its own check and go out as `?external_customer_id=`.
    [
      "the path parameter in the query",
      "cust_42",
      { ...SUBSCRIPTION, external_customer_id: "cust_43" },
      "external_customer_id",
      /external_customer_id is not a query parameter here/,
    ],
  ] as const)("refuses %s before sending anything", async (_label, id, query, param, message) => {
    const { client, requests } = clientAndRequests();
    const error = await client.getPastUsage(id, query as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error).toMatchObject({ param });
    expect((error as Error).message).toMatch(message);
    expect(requests).toHaveLength(0);
  });

  test("sends valid input as the spec names it", async () => {
    const { client, requests } = clientAndRequests();
    await client.getPastUsage("Cust-42_a", { subscription_id: "SUB_1752779018503", page: 2, per_page: 100 });
    const url = new URL(requests[1]?.url ?? "");
    expect(url.origin).toBe(PAYPAL_SANDBOX_URL);
    expect(url.pathname).toBe("/v1/commerce/billing/customers/Cust-42_a/past_usage");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      subscription_id: "SUB_1752779018503",
      page: "2",
      per_page: "100",
    });
  });

  test("per-call headers go on the data request only", async () => {
    const { client, requests } = clientAndRequests();
    await client.getPastUsage("cust_42", SUBSCRIPTION, { headers: { "PayPal-Request-Id": "trace-1" } });
    expect(requests.map((r) => r.headers.get("paypal-request-id"))).toEqual([null, "trace-1"]);
  });
});

describe("createPayPalBillingClient options", () => {
  test("with no environment or baseUrl, says how to set one", () => {
    vi.stubEnv("PAYPAL_ENVIRONMENT", "");
    expect(() => createPayPalBillingClient({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET })).toThrow(
      new InvalidInputError(
        "environment",
        'PayPal needs an explicit environment: pass environment: "sandbox" or "live" (or set PAYPAL_ENVIRONMENT), or a baseUrl.',
      ),
    );
  });

  test("refuses an unknown environment", () => {
    expect(() =>
      createPayPalBillingClient({
        clientId: CLIENT_ID,
        clientSecret: CLIENT_SECRET,
        environment: "production" as never,
      }),
    ).toThrow(/environment must be "sandbox" or "live"/);
  });

  test("refuses an environment and a baseUrl that disagree", () => {
    expect(() =>
      createPayPalBillingClient({
        clientId: CLIENT_ID,
        clientSecret: CLIENT_SECRET,
        environment: "live",
        baseUrl: PAYPAL_SANDBOX_URL,
      }),
    ).toThrow(/Ambiguous PayPal host/);
  });

  test("takes everything from the environment variables", async () => {
    vi.stubEnv("PAYPAL_CLIENT_ID", CLIENT_ID);
    vi.stubEnv("PAYPAL_CLIENT_SECRET", CLIENT_SECRET);
    vi.stubEnv("PAYPAL_ENVIRONMENT", "live");
    const mock = fakePayPal();
    await createPayPalBillingClient({ fetch: mock.fetch }).getPastUsage("cust_42", SUBSCRIPTION);
    expect(mock.requests.map((r) => new URL(r.url).origin)).toEqual([PAYPAL_LIVE_URL, PAYPAL_LIVE_URL]);
    expect(mock.requests[0]?.headers.get("authorization")).toBe(`Basic ${btoa(`${CLIENT_ID}:${CLIENT_SECRET}`)}`);
  });

  test("an explicit baseUrl wins over PAYPAL_ENVIRONMENT", () => {
    vi.stubEnv("PAYPAL_ENVIRONMENT", "live");
    expect(() =>
      createPayPalBillingClient({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, baseUrl: "http://127.0.0.1:4010" }),
    ).not.toThrow();
  });

  test.each([
    [
      "clientId",
      { clientSecret: CLIENT_SECRET },
      /No PayPal clientId: pass the clientId option \(or accessToken\) to createPayPalBillingClient, or set the PAYPAL_CLIENT_ID environment variable\./,
    ],
    ["clientSecret", { clientId: CLIENT_ID }, /No PayPal clientSecret: .* PAYPAL_CLIENT_SECRET environment variable\./],
  ])("a missing %s names the option and the environment variable", (param, options, message) => {
    vi.stubEnv("PAYPAL_CLIENT_ID", "");
    vi.stubEnv("PAYPAL_CLIENT_SECRET", "");
    const attempt = () => createPayPalBillingClient({ environment: "sandbox", ...options });
    expect(attempt).toThrow(message);
    expect(attempt).toThrow(expect.objectContaining({ param }));
  });

  test("refuses accessToken together with client credentials", () => {
    expect(() =>
      createPayPalBillingClient({ environment: "sandbox", accessToken: ACCESS_TOKEN, clientId: CLIENT_ID }),
    ).toThrow(/either accessToken or clientId and clientSecret/);
  });

  test("refuses a tokenStore without get() and set()", () => {
    const attempt = () =>
      createPayPalBillingClient({
        environment: "sandbox",
        clientId: CLIENT_ID,
        clientSecret: CLIENT_SECRET,
        tokenStore: { get: () => undefined } as never,
      });
    expect(attempt).toThrow(/tokenStore must have get\(\) and set\(\) methods/);
    expect(attempt).toThrow(expect.objectContaining({ param: "tokenStore" }));
  });

  test("refuses a tokenStore beside accessToken, where it would never be used", () => {
    const tokenStore = { get: () => undefined, set: () => {} };
    expect(() => createPayPalBillingClient({ environment: "sandbox", accessToken: ACCESS_TOKEN, tokenStore })).toThrow(
      /tokenStore only holds tokens fetched with clientId and clientSecret; with accessToken it is never used/,
    );
  });

  test("refuses a client secret with a space, without showing it", () => {
    const attempt = () =>
      createPayPalBillingClient({ environment: "sandbox", clientId: CLIENT_ID, clientSecret: "secret with spaces" });
    expect(attempt).toThrow(/clientSecret must be visible ASCII without spaces \(the value given is not shown\)/);
  });

  test("refuses a client secret in a browser unless dangerouslyAllowBrowser", () => {
    vi.stubGlobal("window", { document: {} });
    vi.stubGlobal("navigator", {});
    expect(() =>
      createPayPalBillingClient({ environment: "sandbox", clientId: CLIENT_ID, clientSecret: CLIENT_SECRET }),
    ).toThrow(/client secret in a browser is readable by anyone/);
    expect(() =>
      createPayPalBillingClient({
        environment: "sandbox",
        clientId: CLIENT_ID,
        clientSecret: CLIENT_SECRET,
        dangerouslyAllowBrowser: true,
      }),
    ).not.toThrow();
    expect(() => createPayPalBillingClient({ environment: "sandbox", accessToken: ACCESS_TOKEN })).not.toThrow();
  });
});

describe("PayPal types", () => {
  test("subscription_id is required at compile time and results are typed", () => {
    const { client } = clientAndRequests();
    // Checked by `npm run typecheck` (an unneeded @ts-expect-error fails it); never run.
    const typeOnly = async () => {
      const page = await client.getPastUsage("cust_42", SUBSCRIPTION);
      expectTypeOf(page).toEqualTypeOf<WithRequestId<PastUsagePage>>();
      expectTypeOf(page.requestId).toEqualTypeOf<string | undefined>();
      expectTypeOf(page.usage_periods[0]?.charges_usage[0]?.units).toEqualTypeOf<string | undefined>();
      // A number or a decimal string (spec Money): adding it with + must not type-check as a sum.
      expectTypeOf(page.usage_periods[0]?.total_amount.value).toEqualTypeOf<number | string | undefined>();
      // @ts-expect-error subscription_id is required
      await client.getPastUsage("cust_42", { page: 1 });
      // @ts-expect-error the query is required
      await client.getPastUsage("cust_42");
      // @ts-expect-error per_page is a number
      await client.getPastUsage("cust_42", { ...SUBSCRIPTION, per_page: "20" });
      for await (const period of client.listPastUsage("cust_42", SUBSCRIPTION)) {
        expectTypeOf(period.issuing_date).toEqualTypeOf<string>();
        expectTypeOf(period.invoice_id).toEqualTypeOf<string | undefined>();
      }
      // @ts-expect-error listPastUsage needs subscription_id too
      client.listPastUsage("cust_42", {});
      // @ts-expect-error environment is "sandbox" or "live"
      createPayPalBillingClient({ environment: "production" });
    };
    expectTypeOf(typeOnly).toBeFunction();
  });
});
