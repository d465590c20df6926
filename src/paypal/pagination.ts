// Walking past usage page by page: lazy (page k+1 is asked for only when the consumer is past
// page k), never past the last page, and unable to loop on a server whose `meta` lies.
import { InvalidResponseError } from "../core/errors";
import type { Log } from "../core/log";
import type { PastUsagePage, WithRequestId } from "./types";

/** A page of past usage, with the page number it was fetched as (resume a failed walk from the next one). */
export type NumberedPage = WithRequestId<PastUsagePage> & { readonly pageNumber: number };

export interface WalkPlan {
  firstPage: number;
  maxPages: number;
  fetchPage: (pageNumber: number) => Promise<WithRequestId<PastUsagePage>>;
  log: Log;
}

/** The walk steers by these; without them a body cannot be walked (a missing total_pages only means "go on"). */
const isWalkable = (page: PastUsagePage): boolean =>
  Array.isArray(page.usage_periods) && typeof page.meta?.current_page === "number";

/** A 2xx page whose `meta` cannot be trusted to steer the walk. */
const unwalkable = (message: string): InvalidResponseError =>
  // The page itself arrived fine (a 2xx); it is what it says that cannot be trusted.
  new InvalidResponseError(message, 200, null);

/** Whether the page says there is nothing after it. */
function isLast(page: PastUsagePage): boolean {
  const { meta } = page;
  return page.usage_periods.length === 0 || meta.current_page >= meta.total_pages || meta.next_page === null;
}

export async function* walkPages({
  firstPage,
  maxPages,
  fetchPage,
  log,
}: WalkPlan): AsyncGenerator<NumberedPage, void, undefined> {
  for (let pageNumber = firstPage, fetched = 0; ; pageNumber++) {
    if (fetched === maxPages) {
      log("warn", `stopped listing past usage after maxPages (${maxPages}) pages; resume with page: ${pageNumber}`);
      return;
    }
    const page = await fetchPage(pageNumber);
    fetched += 1;
    if (!isWalkable(page)) throw unwalkable(`page ${pageNumber} of past usage lacks usage_periods or meta; stopping`);
    if (page.meta.current_page !== pageNumber) {
      throw unwalkable(
        `asked for page ${pageNumber} of past usage but the server answered with page ${page.meta.current_page}; stopping rather than looping`,
      );
    }
    // The first page is yielded even when empty, so a caller walking pages always sees `meta`.
    // Numbered in place, not spread: a spread would drop the non-enumerable requestId.
    if (page.usage_periods.length > 0 || fetched === 1) yield Object.assign(page, { pageNumber });
    if (isLast(page)) return;
  }
}
