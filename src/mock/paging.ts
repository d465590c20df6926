// What the mock answers for a page of a paginated list: the items of all the spec's examples, cut
// by `page`/`per_page` as the API does, with a `meta` that tells the truth about them.
import type { PagedOperation } from "../../generated/paypal-billing.mock";

export type { PagedOperation };

/** `{param}` segments of an OpenAPI path template match any one non-empty path segment. */
function templateToRegExp(template: string): RegExp {
  const pattern = template
    .split(/\{[^}]+\}/)
    .map((literal) => literal.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join("[^/]+");
  return new RegExp(`^${pattern}$`);
}

/** Finds the paginated operation a request is for, if any. */
export function pagedOperationFor(
  operations: readonly PagedOperation[],
  method: string,
  pathname: string,
): PagedOperation | undefined {
  return operations.find((op) => op.method === method && templateToRegExp(op.path).test(pathname));
}

/** A whole number query parameter, or the fallback when it is absent (Prism has refused bad ones already). */
function wholeNumber(query: URLSearchParams, name: string, fallback: number): number {
  const value = Number(query.get(name) ?? fallback);
  return Number.isSafeInteger(value) && value >= 1 ? value : fallback;
}

/**
 * The body for one page: past the last page, an empty list with the true totals. `next_page` and
 * `prev_page` are null at the ends, as the spec's own last-page example has them.
 */
export function pageBody(op: PagedOperation, query: URLSearchParams): Record<string, unknown> {
  const page = wholeNumber(query, op.pageParam, 1);
  const perPage = wholeNumber(query, op.perPageParam, op.defaultPerPage);
  const totalCount = op.items.length;
  const totalPages = Math.ceil(totalCount / perPage);
  return {
    [op.itemsKey]: op.items.slice((page - 1) * perPage, page * perPage),
    meta: {
      current_page: page,
      total_count: totalCount,
      total_pages: totalPages,
      next_page: page < totalPages ? page + 1 : null,
      prev_page: page > 1 ? page - 1 : null,
    },
  };
}
