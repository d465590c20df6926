// The mock's pages of PayPal past usage: every example period exactly once across the pages, in
// order, each page valid against the spec's PastUsagePage schema, and a `meta` a walk can trust.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { operations } from "../../../generated/paypal-billing.meta";
import { pagedOperations } from "../../../generated/paypal-billing.mock";
import { pageBody, pagedOperationFor } from "../../../src/mock/paging";
import { CASES_PER_PROPERTY } from "../../helpers/fuzz";
import { schemaValidator } from "../../helpers/spec";

const pastUsage = pagedOperations[0];
if (!pastUsage) throw new Error("generated/paypal-billing.mock.ts lists no paginated operation");
const validPage = schemaValidator("paypal-billing", "PastUsagePage");
const query = (page: number, perPage?: number) =>
  new URLSearchParams({ page: String(page), ...(perPage !== undefined && { per_page: String(perPage) }) });

describe("the mock's paging of past usage", () => {
  test("is generated for exactly the past-usage operation, over both examples' periods", () => {
    expect(pagedOperations.map((op) => `${op.method} ${op.path}`)).toEqual([
      `${operations.getPastUsage.method} ${operations.getPastUsage.path}`,
    ]);
    expect(pastUsage.items).toHaveLength(4);
    expect(pastUsage.defaultPerPage).toBe(10);
  });

  test("finds the operation by method and a concrete path, and nothing else", () => {
    const path = "/v1/commerce/billing/customers/cust_42/past_usage";
    expect(pagedOperationFor(pagedOperations, "GET", path)).toBe(pastUsage);
    expect(pagedOperationFor(pagedOperations, "POST", path)).toBeUndefined();
    expect(pagedOperationFor(pagedOperations, "GET", `${path}/x`)).toBeUndefined();
    expect(pagedOperationFor(pagedOperations, "GET", "/v1/commerce/billing/customers//past_usage")).toBeUndefined();
  });

  test("any per_page: the pages hold every period once, in order, each valid and truthful", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100 }), (perPage) => {
        const totalPages = Math.ceil(pastUsage.items.length / perPage);
        const seen: unknown[] = [];
        for (let page = 1; page <= totalPages + 1; page++) {
          const body = pageBody(pastUsage, query(page, perPage));
          expect(validPage(body)).toEqual([]);
          expect(body.meta).toEqual({
            current_page: page,
            total_count: pastUsage.items.length,
            total_pages: totalPages,
            next_page: page < totalPages ? page + 1 : null,
            prev_page: page > 1 ? page - 1 : null,
          });
          seen.push(...(body.usage_periods as unknown[]));
        }
        expect(seen).toEqual(pastUsage.items);
      }),
      { numRuns: Math.min(CASES_PER_PROPERTY, 100) },
    );
  });

  test("without per_page, the spec's default page size; past the end, an empty page", () => {
    expect(pageBody(pastUsage, new URLSearchParams()).usage_periods).toEqual(pastUsage.items);
    expect(pageBody(pastUsage, query(2)).usage_periods).toEqual([]);
  });
});
