// The Prolifi client against Prism on spec/prolifi.yaml: every request is checked for spec
// violations (test/setup/fail-on-violations.ts), so a passing test also means a conforming request.
import { describe, expect, expectTypeOf, test } from "vitest";
import { type ApiError, type CustomerUsage, createProlifiClient, type RateLimit } from "../../../src/prolifi/index";
import { EXPECTED_CLASS } from "../../helpers/error-classes";
import { CUSTOMER_ID, PUBLIC_KEY, SECRET_KEY } from "../../helpers/fixtures";
import { prismFetch, prismUrl } from "../../helpers/prism";
import { declaredResponses } from "../../helpers/spec";

function recordingClient(apiKey: string) {
  const sent: Request[] = [];
  const client = createProlifiClient({
    apiKey,
    baseUrl: prismUrl("prolifi"),
    logLevel: "off",
    fetch: (input, init) => {
      const request = new Request(input, init);
      sent.push(request);
      return prismFetch(request);
    },
  });
  return { client, sent };
}

const example200 = declaredResponses("prolifi", "getCustomerUsage").find((r) => r.status === 200)?.example;

describe("Prolifi client on Prism", () => {
  test.each([
    ["a secret key", SECRET_KEY],
    ["a public key", PUBLIC_KEY],
  ])("fetches usage with every optional parameter, with %s", async (_label, apiKey) => {
    const { client, sent } = recordingClient(apiKey);
    const usage = await client.getCustomerUsage(CUSTOMER_ID, {
      start_date: "2026-01-01",
      end_date: "2026-01-31",
      event_name: "api_call",
    });
    expectTypeOf(usage).toMatchTypeOf<CustomerUsage>();
    expect(usage).toEqual(example200);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.headers.get("authorization")).toBe(`Bearer ${apiKey}`);
    const url = new URL(sent[0]?.url ?? "");
    expect(url.pathname).toBe(`/customers/${CUSTOMER_ID}/usage`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      start_date: "2026-01-01",
      end_date: "2026-01-31",
      event_name: "api_call",
    });
  });

  test("fetches usage with no optional parameter", async () => {
    const { client, sent } = recordingClient(SECRET_KEY);
    const usage = await client.getCustomerUsage(CUSTOMER_ID);
    expect(usage.data).toHaveLength(2);
    expect(new URL(sent[0]?.url ?? "").search).toBe("");
  });

  test("hands back the rate-limit headers without changing the body", async () => {
    const { client } = recordingClient(SECRET_KEY);
    const usage = await client.getCustomerUsage(CUSTOMER_ID);
    expectTypeOf(usage.rateLimit).toEqualTypeOf<RateLimit | undefined>();
    expect(usage.rateLimit).toEqual({ limit: 1000, remaining: 999 });
    expect(JSON.parse(JSON.stringify(usage))).toEqual(example200);
    expect(Object.keys(usage)).toEqual(["data"]);
  });

  test.each(
    declaredResponses("prolifi", "getCustomerUsage")
      .filter((r) => r.status >= 400)
      .map((r) => [r.status, r] as const),
  )("maps a declared %i to its class with code set", async (status, declared) => {
    const { client, sent } = recordingClient(SECRET_KEY);
    const error = await client
      .getCustomerUsage(CUSTOMER_ID, {}, { headers: { Prefer: `code=${status}` }, maxRetries: 0 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EXPECTED_CLASS[status]);
    const apiError = error as ApiError;
    expect(apiError.status).toBe(status);
    expect(apiError.code).toBe((declared.example as { error: { type: string } }).error.type);
    expect(apiError.body).toEqual(declared.example);
    expect(apiError.provider).toBe("prolifi");
    if (status === 429) expect(apiError.retryAfterMs).toBe(30_000);
    expect(sent).toHaveLength(1);
  });

  test("raw gives openapi-fetch's { data, error, response } with auth applied", async () => {
    const { client, sent } = recordingClient(PUBLIC_KEY);
    const { data, error, response } = await client.raw.GET("/customers/{id}/usage", {
      params: { path: { id: CUSTOMER_ID } },
    });
    expect(response.status).toBe(200);
    expect(error).toBeUndefined();
    expect(data).toEqual(example200);
    expect(sent[0]?.headers.get("authorization")).toBe(`Bearer ${PUBLIC_KEY}`);
  });

  test("raw returns an error status as { error } and runs middleware", async () => {
    const { client } = recordingClient(SECRET_KEY);
    const seen: number[] = [];
    client.raw.use({ onResponse: ({ response }) => void seen.push(response.status) });
    const { data, error } = await client.raw.GET("/customers/{id}/usage", {
      params: { path: { id: CUSTOMER_ID } },
      headers: { Prefer: "code=404" },
    });
    expect(data).toBeUndefined();
    expect(error).toEqual({ error: { type: "not_found", message: "Customer not found." } });
    expect(seen).toEqual([404]);
  });
});
