// The PayPal client against Prism on spec/paypal-billing.yaml, the token call included. Every
// request is checked for spec violations by test/setup/fail-on-violations.ts.
import { describe, expect, test } from "vitest";
import { AuthenticationError, createPayPalBillingClient } from "../../../src/paypal/index";
import { EXPECTED_CLASS } from "../../helpers/error-classes";
import { CLIENT_ID, CLIENT_SECRET, SUBSCRIPTION } from "../../helpers/fixtures";
import { prismFetch, prismUrl } from "../../helpers/prism";
import { declaredResponses } from "../../helpers/spec";

/**
 * A client on Prism. `tokenPrefer` picks the token endpoint's response; `pageExamples` asks Prism
 * for the spec's `pageN` example matching each request's `page`, so a walk sees real pages.
 */
function prismClient({ tokenPrefer, pageExamples = false }: { tokenPrefer?: string; pageExamples?: boolean } = {}) {
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
      if (pageExamples && request.method === "GET")
        request.headers.set("Prefer", `example=page${url.searchParams.get("page") ?? "1"}`);
      sent.push(request);
      return prismFetch(request);
    },
  });
  return { client, sent };
}

const page200 = declaredResponses("paypal-billing", "getPastUsage").find((r) => r.status === 200)?.example;

describe("PayPal client on Prism", () => {
  test("gets a token from Prism, then the past-usage page", async () => {
    const { client, sent } = prismClient();
    const page = await client.getPastUsage("cust_42", { ...SUBSCRIPTION, page: 1, per_page: 20 });
    expect(page).toEqual(page200);
    expect(sent.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual([
      "POST /v1/oauth2/token",
      "GET /v1/commerce/billing/customers/cust_42/past_usage",
    ]);
  });

  test("walks both of Prism's pages and asks for no third", async () => {
    const { client, sent } = prismClient({ pageExamples: true });
    const pages = [];
    for await (const page of client.listPastUsage("cust_42", SUBSCRIPTION).pages()) pages.push(page);
    expect(pages.map((p) => [p.pageNumber, p.usage_periods.length])).toEqual([
      [1, 3],
      [2, 1],
    ]);
    expect(sent.filter((r) => r.method === "GET").map((r) => new URL(r.url).searchParams.get("page"))).toEqual([
      "1",
      "2",
    ]);
    expect(sent.filter((r) => r.method === "POST")).toHaveLength(1);
  });

  test("stops with an error when the server ignores ?page= (Prism's default example is always page 1)", async () => {
    const { client, sent } = prismClient();
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
  )("a declared %i from the token endpoint is an AuthenticationError with the OAuth code", async (status, declared) => {
    const { client, sent } = prismClient({ tokenPrefer: `code=${status}` });
    const error = await client.getPastUsage("cust_42", SUBSCRIPTION).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ status, code: (declared.example as { error: string }).error });
    expect(sent).toHaveLength(1);
  });

  test("raw gives { data, error, response } with the token applied", async () => {
    const { client, sent } = prismClient();
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
