// The spec itself, exercised through Prism with bare openapi-fetch and the generated types: what
// it promises comes back typed, every error it declares is reachable, and what it forbids is refused.
import createClient from "openapi-fetch";
import { describe, expect, expectTypeOf, test } from "vitest";
import type { components, paths } from "../../../generated/prolifi";
import { expectViolations, prismFetch, prismUrl } from "../../helpers/prism";
import { declaredResponses, schemaValidator } from "../../helpers/spec";

const CUSTOMER = "9b2f2c6e-3f1d-4c8e-9a57-1f0c2d3e4b5a";
const AUTH = { Authorization: "Bearer sk_test_contract" };

const client = () => createClient<paths>({ baseUrl: prismUrl("prolifi"), fetch: prismFetch, headers: AUTH });
const responses = declaredResponses("prolifi", "getCustomerUsage");

describe("spec/prolifi.yaml on Prism", () => {
  test("getCustomerUsage returns the 200 example, typed", async () => {
    const { data, error, response } = await client().GET("/customers/{id}/usage", {
      params: {
        path: { id: CUSTOMER },
        query: { start_date: "2026-01-01", end_date: "2026-01-31", event_name: "api_call" },
      },
    });
    expectTypeOf(data).toEqualTypeOf<components["schemas"]["CustomerUsageResponse"] | undefined>();
    expect(error).toBeUndefined();
    expect(response.status).toBe(200);
    expect(data).toEqual(responses.find((r) => r.status === 200)?.example);
    expect(response.headers.get("x-ratelimit-limit")).toMatch(/^\d+$/);
    expect(response.headers.get("x-ratelimit-remaining")).toMatch(/^\d+$/);
  });

  test("declares 401, 403, 404, 422, 429 and 500", () => {
    expect(responses.map((r) => r.status).sort()).toEqual([200, 401, 403, 404, 422, 429, 500]);
  });

  const validateError = schemaValidator("prolifi", "ErrorResponse");
  test.each(responses.filter((r) => r.status >= 400).map((r) => [r.status, r] as const))(
    "a %i is reachable and carries the declared ErrorResponse body",
    async (status, declared) => {
      const { data, error, response } = await client().GET("/customers/{id}/usage", {
        params: { path: { id: CUSTOMER } },
        headers: { Prefer: `code=${status}` },
      });
      expect(response.status).toBe(status);
      expect(data).toBeUndefined();
      expect(error).toEqual(declared.example);
      expect(validateError(error)).toEqual([]);
      if (status === 429) expect(response.headers.get("retry-after")).toMatch(/^\d+$/);
    },
  );

  test("a request without a key is refused with 401", async () => {
    const response = await fetch(`${prismUrl("prolifi")}/customers/${CUSTOMER}/usage`);
    expect(response.status).toBe(401);
    expect(expectViolations(response).map((v) => v.code)).toContain(401);
  });

  test("a customer id that is not a UUID is refused with 422", async () => {
    const response = await fetch(`${prismUrl("prolifi")}/customers/cust_42/usage`, { headers: AUTH });
    expect(response.status).toBe(422);
    expect(expectViolations(response)).toContainEqual(
      expect.objectContaining({ location: ["request", "path", "id"], code: "format" }),
    );
  });

  test.each(["2026-13-01", "yesterday", "2026-1-1"])("start_date %s is refused with 422", async (date) => {
    const response = await fetch(`${prismUrl("prolifi")}/customers/${CUSTOMER}/usage?start_date=${date}`, {
      headers: AUTH,
    });
    expect(response.status).toBe(422);
    expect(expectViolations(response)).toContainEqual(
      expect.objectContaining({ location: ["request", "query", "start_date"] }),
    );
  });

  // Not tested here: Prism treats an empty query value (`event_name=`) as absent, so the spec's
  // `minLength: 1` cannot be seen through it. The client enforces it (test/unit/prolifi/input.test.ts).

  test("the generated types reject a wrong path and a misspelt parameter", () => {
    const typed = createClient<paths>({ baseUrl: "http://127.0.0.1:9" });
    // Checked by `npm run typecheck`, where an @ts-expect-error that expects nothing is itself an
    // error; the calls are never run. test/integration/tooling/pack.test.ts proves the same mechanism bites.
    const noop = () => {
      // @ts-expect-error the path does not exist in the spec
      void typed.GET("/customers/{id}/usages", { params: { path: { id: CUSTOMER } } });
      // @ts-expect-error `start` is not a parameter (it is `start_date`)
      void typed.GET("/customers/{id}/usage", { params: { path: { id: CUSTOMER }, query: { start: "2026-01-01" } } });
      // @ts-expect-error the path parameter `id` is required
      void typed.GET("/customers/{id}/usage", { params: { path: {} } });
    };
    expectTypeOf(noop).toBeFunction();
  });
});
