// The PayPal client against the mock of spec/paypal-billing.yaml (Prism behind the front that pages
// past usage), the token call included. Every request is checked for spec violations by
// test/setup/fail-on-violations.ts.
import { describe, expect, test } from "vitest";
import { pagedOperations } from "../../../generated/paypal-billing.mock";
import { sumMoney, toMoney } from "../../../src/money/index";
import { AuthenticationError, BadRequestError, createPayPalBillingClient } from "../../../src/paypal/index";
import { EXPECTED_CLASS } from "../../helpers/error-classes";
import { CLIENT_ID, CLIENT_SECRET, SUBSCRIPTION } from "../../helpers/fixtures";
import { prismFetch, prismUrl } from "../../helpers/prism";
import { declaredResponses } from "../../helpers/spec";

/**
 * A client on the mock. `tokenPrefer` picks the token endpoint's response; `pagePrefer` pins every
 * past-usage answer to one Prism example, as a server that ignores `?page=` would.
 */
function prismClient({ tokenPrefer, pagePrefer }: { tokenPrefer?: string; pagePrefer?: string } = {}) {
  const sent: Request[] = [];
  const client = createPayPalBillingClient({
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    baseUrl: prismUrl("paypal-billing"),
    logLevel: "off",
    maxRetries: 0,
    fetch: (input, init) => {
      const request = new Request(input, init);
      const url = new URL(request.url);
      if (tokenPrefer && url.pathname === "/v1/oauth2/token") request.headers.set("Prefer", tokenPrefer);
      if (pagePrefer && request.method === "GET") request.headers.set("Prefer", pagePrefer);
      sent.push(request);
      return prismFetch(request);
    },
  });
  return { client, sent };
}

const usdZero = { currency_code: "USD", value: 0 };
const page200 = declaredResponses("paypal-billing", "getPastUsage").find((r) => r.status === 200)?.example;
/** Every period of the spec's 200 examples, which the mock pages over. */
const examplePeriods = pagedOperations[0]?.items ?? [];

describe("PayPal client on Prism", () => {
  test("gets a token from Prism, then the past-usage page", async () => {
    const { client, sent } = prismClient();
    const page = await client.getPastUsage("cust_42", { ...SUBSCRIPTION, page: 1, per_page: 20 });
    expect(page).toEqual({
      usage_periods: examplePeriods,
      meta: { current_page: 1, total_count: examplePeriods.length, total_pages: 1, next_page: null, prev_page: null },
    });
    expect(sent.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual([
      "POST /v1/oauth2/token",
      "GET /v1/commerce/billing/customers/cust_42/past_usage",
    ]);
  });

  test("walks the mock's pages by per_page and asks for no more", async () => {
    const { client, sent } = prismClient();
    const pages = [];
    for await (const page of client.listPastUsage("cust_42", { ...SUBSCRIPTION, per_page: 3 }).pages())
      pages.push(page);
    expect(pages.map((p) => [p.pageNumber, p.usage_periods.length])).toEqual([
      [1, 3],
      [2, 1],
    ]);
    expect(pages.flatMap((p) => p.usage_periods)).toEqual(examplePeriods);
    expect(sent.filter((r) => r.method === "GET").map((r) => new URL(r.url).searchParams.get("page"))).toEqual([
      "1",
      "2",
    ]);
    expect(sent.filter((r) => r.method === "POST")).toHaveLength(1);
  });

  test("stops with an error when the server ignores ?page= (Prism pinned to its page-1 example)", async () => {
    const { client, sent } = prismClient({ pagePrefer: "example=page1" });
    const pages: number[] = [];
    const error = await (async () => {
      for await (const page of client.listPastUsage("cust_42", SUBSCRIPTION).pages()) pages.push(page.pageNumber);
    })().catch((e: unknown) => e);
    expect(pages).toEqual([1]);
    expect(error).toMatchObject({ name: "InvalidResponseError" });
    expect(sent.filter((r) => r.method === "GET")).toHaveLength(2);
  });

  test.each(
    declaredResponses("paypal-billing", "getPastUsage")
      .filter((r) => r.status >= 400)
      .map((r) => [r.status, r] as const),
  )("maps a declared %i to its class with code and request id", async (status, declared) => {
    const { client, sent } = prismClient();
    const error = await client
      .getPastUsage("cust_42", SUBSCRIPTION, { headers: { Prefer: `code=${status}` } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EXPECTED_CLASS[status]);
    const body = declared.example as { name: string; debug_id: string };
    expect(error).toMatchObject({
      status,
      code: body.name,
      requestId: body.debug_id,
      body: declared.example,
      provider: "paypal",
    });
    // A 401 is replayed once with a new token; nothing else is retried here (maxRetries: 0).
    expect(sent.filter((r) => r.method === "GET")).toHaveLength(status === 401 ? 2 : 1);
  });

  test.each(
    declaredResponses("paypal-billing", "createAccessToken")
      .filter((r) => r.status >= 400)
      .map((r) => [r.status, r] as const),
  )(
    "a declared %i from the token endpoint is typed by its OAuth code, with the vendor's description",
    async (status, declared) => {
      const { client, sent } = prismClient({ tokenPrefer: `code=${status}` });
      const error = await client.getPastUsage("cust_42", SUBSCRIPTION).catch((e: unknown) => e);
      const { error: code, error_description } = declared.example as { error: string; error_description: string };
      // Refused credentials are an AuthenticationError; a malformed request (unsupported_grant_type) is not.
      const refused = status === 401 || ["invalid_client", "invalid_grant", "unauthorized_client"].includes(code);
      expect(error).toBeInstanceOf(refused ? AuthenticationError : BadRequestError);
      expect(error).toMatchObject({ status, code });
      expect((error as Error).message).toContain(error_description);
      expect(sent).toHaveLength(1);
    },
  );

  test("reads amounts sent as decimal strings exactly: typed call, walk and toMoney (example page2)", async () => {
    const { client } = prismClient({ pagePrefer: "example=page2" });
    const page = await client.getPastUsage("cust_42", SUBSCRIPTION);
    const [period] = page.usage_periods;
    expect(period?.total_amount).toEqual({ currency_code: "USD", value: "82.40" });
    expect(toMoney(period?.total_amount ?? usdZero)).toEqual({
      currency: "USD",
      amount: "82.40",
      minor: 8240n,
      exponent: 2,
    });
    expect(sumMoney(period?.charges_usage.map((c) => c.amount) ?? []).amount).toBe("81.00");
    // The mock's walk: page 1's amounts are numbers, page 2's strings; the sum is exact either way.
    const walked = [];
    for await (const p of prismClient().client.listPastUsage("cust_42", { ...SUBSCRIPTION, per_page: 2 }))
      walked.push(p);
    expect(walked.map((p) => typeof p.total_amount.value)).toEqual(["number", "number", "number", "string"]);
    expect(sumMoney(walked.map((p) => p.total_amount)).amount).toBe("589.90");
    const floatSum = walked.reduce<unknown>((sum, p) => (sum as number) + (p.total_amount.value as number), 0);
    expect(floatSum).toBe("507.582.40");
  });

  test("raw gives { data, error, response } with the token applied", async () => {
    const { client, sent } = prismClient({ pagePrefer: "example=page1" });
    const { data, response } = await client.raw.GET(
      "/v1/commerce/billing/customers/{external_customer_id}/past_usage",
      {
        params: { path: { external_customer_id: "cust_42" }, query: SUBSCRIPTION },
      },
    );
    expect(response.status).toBe(200);
    expect(data).toEqual(page200);
    expect(sent[1]?.headers.get("authorization")).toMatch(/^Bearer A21AA/);
  });
});
