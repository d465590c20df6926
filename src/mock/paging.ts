// What the mock answers for a page of a paginated list: the items of all the spec's examples, cut
// by `page`/`per_page` as the API does, with a `meta` that tells the truth about them.
/** A paginated operation, and every item of its 200 examples in order (generated/*.mock.ts lists them). */
export interface PagedOperation {
  readonly method: string;
  /** OpenAPI path template, such as `/customers/{id}/items`. */
  readonly path: string;
  readonly pageParam: string;
  readonly perPageParam: string;
  readonly defaultPerPage: number;
  /** The 200 example Prism is asked for, so it still checks the request and the status. */
  readonly example: string;
  readonly itemsKey: string;
  readonly items: readonly unknown[];
}

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
