// Inputs a type checker would not stop (plain JavaScript, `any`, data from elsewhere): each is
// refused with an InvalidInputError naming the problem, and nothing is sent.
import { afterEach, describe, expect, test } from "vitest";
import { InvalidInputError } from "../../../src/index";
import { createPayPalBillingClient } from "../../../src/paypal/index";
import { createProlifiClient } from "../../../src/prolifi/index";
import { paypalWith, prolifiWith } from "../../helpers/clients";
import { CUSTOMER_ID, pastUsagePage, SECRET_KEY, SUBSCRIPTION, USAGE_BODY } from "../../helpers/fixtures";
import { jsonResponse } from "../../helpers/mock-fetch";

/** Runs `call`, expecting an InvalidInputError whose message matches; returns it. */
async function refusal(call: () => unknown, message: RegExp): Promise<InvalidInputError> {
  try {
    await call();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as Error).message).toMatch(message);
    return error as InvalidInputError;
  }
  throw new Error("expected an InvalidInputError");
}

// biome-ignore lint/suspicious/noExplicitAny: these tests pass what the types would refuse
type Loose = any;

describe("query objects", () => {
  const prolifi = () => prolifiWith(() => jsonResponse(200, USAGE_BODY));

  test.each(["constructor", "toString", "hasOwnProperty", "__proto__[x]", "valueOf"])(
    "a key named like an Object.prototype member (%s) is refused",
    async (key) => {
      const { client, mock } = prolifi();
      const query = JSON.parse(`{${JSON.stringify(key)}: "x"}`);
      await refusal(() => client.getCustomerUsage(CUSTOMER_ID, query), /is not a query parameter here/);
      expect(mock.requests).toHaveLength(0);
    },
  );

  test.each([
    ["a URLSearchParams", () => new URLSearchParams({ start_date: "2026-01-01" })],
    ["a Map", () => new Map([["start_date", "2026-01-01"]])],
    ["an object with an inherited filter", () => Object.create({ start_date: "2026-01-01" })],
    ["an array", () => ["2026-01-01"]],
    ["a class instance", () => new (class Filter {})()],
  ])("%s is refused: only plain objects", async (_name, make) => {
    const { client, mock } = prolifi();
    await refusal(() => client.getCustomerUsage(CUSTOMER_ID, make() as Loose), /query must be a plain object/);
    expect(mock.requests).toHaveLength(0);
  });

  test("an object without a prototype is a plain object", async () => {
    const { client, mock } = prolifi();
    const query = Object.assign(Object.create(null), { start_date: "2026-01-01" });
    await client.getCustomerUsage(CUSTOMER_ID, query);
    expect(new URL(mock.requests[0]?.url ?? "").search).toBe("?start_date=2026-01-01");
  });

  describe("with Object.prototype polluted", () => {
    afterEach(() => {
      delete (Object.prototype as Loose).event_name;
    });

    test("an inherited property is never sent", async () => {
      (Object.prototype as Loose).event_name = "polluted";
      const { client, mock } = prolifi();
      await client.getCustomerUsage(CUSTOMER_ID, { start_date: "2026-01-01" });
      expect(new URL(mock.requests[0]?.url ?? "").search).toBe("?start_date=2026-01-01");
    });
  });
});

describe("integers", () => {
  test.each([1e21, 2 ** 53 + 2, 2 ** 53])("page %d is refused: not a safe integer", async (page) => {
    const paypal = paypalWith();
    await refusal(() => paypal.client.getPastUsage("cust_42", { ...SUBSCRIPTION, page }), /page must be an integer/);
    expect(paypal.mock.requests).toHaveLength(0);
  });

  test.each([
    ["maxRetries", 2 ** 53 + 2],
    ["maxPages", 1e21],
  ])("%s of %d is refused", async (name, value) => {
    const paypal = paypalWith();
    await refusal(
      () => paypal.client.listPastUsage("cust_42", SUBSCRIPTION, { [name]: value }),
      new RegExp(`${name} must be a whole number`),
    );
  });
});

describe("raw path values", () => {
  test.each([".", ".."])("%s as a Prolifi id is refused: it would re-target the request", async (id) => {
    const { client, mock } = prolifiWith(() => jsonResponse(200, USAGE_BODY));
    const error = await refusal(
      () => client.raw.GET("/customers/{id}/usage", { params: { path: { id } } }),
      /path parameter id must not be "\.+"/,
    );
    expect(error.param).toBe("id");
    expect(mock.requests).toHaveLength(0);
  });

  test("'..' as a PayPal customer id is refused, and no token is fetched", async () => {
    const paypal = paypalWith();
    await refusal(
      () =>
        paypal.client.raw.GET("/v1/commerce/billing/customers/{external_customer_id}/past_usage", {
          params: { path: { external_customer_id: ".." }, query: SUBSCRIPTION },
        }),
      /external_customer_id must not be "\.\."/,
    );
    expect(paypal.mock.requests).toHaveLength(0);
  });

  test("dots inside a value are fine", async () => {
    const { client, mock } = prolifiWith(() => jsonResponse(200, USAGE_BODY));
    await client.raw.GET("/customers/{id}/usage", { params: { path: { id: "a..b" } } });
    expect(new URL(mock.requests[0]?.url ?? "").pathname).toBe("/api/v1/public/customers/a..b/usage");
  });
});

describe("unknown options", () => {
  test.each([
    ["baseURL", "baseUrl"],
    ["apikey", "apiKey"],
    ["timeout", "timeoutMs"],
    ["retries", "maxRetries"],
  ])("createProlifiClient refuses %s, suggesting %s", async (typo, known) => {
    const error = await refusal(
      () => createProlifiClient({ apiKey: SECRET_KEY, [typo]: "https://example.test" } as Loose),
      new RegExp(`unknown option ${typo}; did you mean ${known}\\?`),
    );
    expect(error.param).toBe(typo);
  });

  test("createPayPalBillingClient refuses an unknown option, suggesting the nearest", async () => {
    await refusal(
      () =>
        createPayPalBillingClient({ environment: "sandbox", accessToken: "tok_0123456789", tokenstore: {} } as Loose),
      /unknown option tokenstore; did you mean tokenStore\?/,
    );
  });

  test("an option nothing is near is refused with the list of known ones", async () => {
    await refusal(
      () => createProlifiClient({ apiKey: SECRET_KEY, colour: "blue" } as Loose),
      /unknown option colour; known options: apiKey, baseUrl, /,
    );
  });

  test("request options are checked the same way, per call and for a walk", async () => {
    const { client, mock } = prolifiWith(() => jsonResponse(200, USAGE_BODY));
    await refusal(() => client.getCustomerUsage(CUSTOMER_ID, {}, { timeout: 5 } as Loose), /did you mean timeoutMs\?/);
    expect(mock.requests).toHaveLength(0);
    const paypal = paypalWith(() => jsonResponse(200, pastUsagePage(1, 1)));
    await refusal(
      () => paypal.client.listPastUsage("cust_42", SUBSCRIPTION, { maxPage: 3 } as Loose),
      /did you mean maxPages\?/,
    );
    await refusal(
      () => paypal.client.getPastUsage("cust_42", SUBSCRIPTION, { maxPages: 3 } as Loose),
      /unknown option maxPages/,
    );
  });

  test("an explicit undefined is not an unknown option's problem: known names only", () => {
    expect(() => createProlifiClient({ apiKey: SECRET_KEY, baseUrl: undefined, logger: undefined })).not.toThrow();
  });
});
