// The PayPal spec through Prism with bare openapi-fetch: both operations (the token endpoint too),
// every declared error status, and the requests the spec must refuse.
import createClient from "openapi-fetch";
import { describe, expect, expectTypeOf, test } from "vitest";
import type { components, paths } from "../../../generated/paypal-billing";
import { expectViolations, prismFetch, prismUrl } from "../../helpers/prism";
import { declaredResponses, schemaValidator } from "../../helpers/spec";

const PAST_USAGE = "/v1/commerce/billing/customers/{external_customer_id}/past_usage";
const BEARER = { Authorization: "Bearer contract-token" };
const BASIC = { Authorization: `Basic ${btoa("client-id:client-secret")}` };

const client = () => createClient<paths>({ baseUrl: prismUrl("paypal-billing"), fetch: prismFetch });
const pastUsage = declaredResponses("paypal-billing", "getPastUsage");
const token = declaredResponses("paypal-billing", "createAccessToken");

describe("spec/paypal-billing.yaml on Prism", () => {
  test("createAccessToken returns the token example, typed", async () => {
    const { data, response } = await client().POST("/v1/oauth2/token", {
      body: { grant_type: "client_credentials" },
      bodySerializer: (body) => new URLSearchParams(body).toString(),
      headers: { ...BASIC, "Content-Type": "application/x-www-form-urlencoded" },
    });
    expectTypeOf(data).toEqualTypeOf<components["schemas"]["AccessToken"] | undefined>();
    expect(response.status).toBe(200);
    expect(data).toEqual(token.find((r) => r.status === 200)?.example);
  });

  test.each(token.filter((r) => r.status >= 400).map((r) => [r.status, r] as const))(
    "createAccessToken: a %i carries the OAuth error body",
    async (status, declared) => {
      const { error, response } = await client().POST("/v1/oauth2/token", {
        body: { grant_type: "client_credentials" },
        bodySerializer: (body) => new URLSearchParams(body).toString(),
        headers: { ...BASIC, "Content-Type": "application/x-www-form-urlencoded", Prefer: `code=${status}` },
      });
      expect(response.status).toBe(status);
      expect(error).toEqual(declared.example);
    },
  );

  test("getPastUsage returns the vendor's example page, typed", async () => {
    const { data, response } = await client().GET(PAST_USAGE, {
      params: { path: { external_customer_id: "cust_42" }, query: { subscription_id: "sub_7", page: 1, per_page: 20 } },
      // Prism's own example, not the mock's page of all examples' periods.
      headers: { ...BEARER, Prefer: "example=page1" },
    });
    expectTypeOf(data).toEqualTypeOf<components["schemas"]["PastUsagePage"] | undefined>();
    expect(response.status).toBe(200);
    expect(data).toEqual(pastUsage.find((r) => r.status === 200)?.example);
  });

  test("getPastUsage declares 400, 401, 403, 404, 422, 429, 500 and 503", () => {
    expect(pastUsage.map((r) => r.status).sort()).toEqual([200, 400, 401, 403, 404, 422, 429, 500, 503]);
  });

  const validateError = schemaValidator("paypal-billing", "Error");
  test.each(pastUsage.filter((r) => r.status >= 400).map((r) => [r.status, r] as const))(
    "getPastUsage: a %i is reachable and carries PayPal's error body",
    async (status, declared) => {
      const { error, response } = await client().GET(PAST_USAGE, {
        params: { path: { external_customer_id: "cust_42" }, query: { subscription_id: "sub_7" } },
        headers: { ...BEARER, Prefer: `code=${status}` },
      });
      expect(response.status).toBe(status);
      expect(error).toEqual(declared.example);
      expect(validateError(error)).toEqual([]);
    },
  );

  const base = () => `${prismUrl("paypal-billing")}/v1/commerce/billing/customers`;

  test("a data request without a bearer token is refused with 401", async () => {
    const response = await fetch(`${base()}/cust_42/past_usage?subscription_id=sub_7`);
    expect(response.status).toBe(401);
    expect(expectViolations(response).map((v) => v.code)).toContain(401);
  });

  test("a token request without Basic auth is refused with 401", async () => {
    const response = await fetch(`${prismUrl("paypal-billing")}/v1/oauth2/token`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "grant_type=client_credentials",
    });
    expect(response.status).toBe(401);
    expectViolations(response);
  });

  test("a missing subscription_id is refused", async () => {
    const response = await fetch(`${base()}/cust_42/past_usage`, { headers: BEARER });
    expect(response.status).toBe(422);
    expect(expectViolations(response)).toContainEqual(expect.objectContaining({ code: "required" }));
  });

  test.each([
    ["page=0", "page"],
    ["per_page=101", "per_page"],
    [`subscription_id=${"s".repeat(65)}`, "subscription_id"],
    ["subscription_id=a%2Fb", "subscription_id"],
  ])("%s is refused", async (query, param) => {
    const q = query.startsWith("subscription_id") ? query : `subscription_id=sub_7&${query}`;
    const response = await fetch(`${base()}/cust_42/past_usage?${q}`, { headers: BEARER });
    expect(response.status).toBe(422);
    expect(expectViolations(response)).toContainEqual(
      expect.objectContaining({ location: ["request", "query", param] }),
    );
  });

  test("an external customer id outside [A-Za-z0-9_-] is refused", async () => {
    const response = await fetch(`${base()}/cust.42/past_usage?subscription_id=sub_7`, { headers: BEARER });
    expect(response.status).toBe(422);
    expect(expectViolations(response)).toContainEqual(
      expect.objectContaining({ location: ["request", "path", "external_customer_id"] }),
    );
  });

  test("subscription_id is required by the generated types", () => {
    const typed = createClient<paths>({ baseUrl: "http://127.0.0.1:9" });
    // Checked by `npm run typecheck` (an unneeded @ts-expect-error fails it); never run.
    const noop = () => {
      // @ts-expect-error subscription_id is required
      void typed.GET(PAST_USAGE, { params: { path: { external_customer_id: "c" }, query: { page: 1 } } });
    };
    expectTypeOf(noop).toBeFunction();
  });
});
