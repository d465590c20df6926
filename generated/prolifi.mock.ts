/**
 * This file was auto-generated from spec/prolifi.yaml by scripts/generate.mjs.
 * Do not make direct changes to the file.
 */

/** A paginated operation, and every item of its 200 examples in order. */
export interface PagedOperation {
  method: string;
  /** OpenAPI path template, such as `/customers/{id}/items`. */
  path: string;
  pageParam: string;
  perPageParam: string;
  defaultPerPage: number;
  /** The 200 example Prism is asked for. */
  example: string;
  itemsKey: string;
  items: readonly unknown[];
}

export const spec = "spec/prolifi.yaml";

export const pagedOperations: readonly PagedOperation[] = [];
