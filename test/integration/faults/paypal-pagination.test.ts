// Walking past usage against a scripted PayPal: lazy, bounded, and unable to loop.
import { afterEach, describe, expect, expectTypeOf, test } from "vitest";
import {
  createPayPalBillingClient,
  InvalidInputError,
  InvalidResponseError,
  NotFoundError,
  type NumberedPage,
  RequestAbortedError,
  type UsagePeriod,
} from "../../../src/paypal/index";
import { json, waitFor } from "../../helpers/fault-server";
import { CLIENT_ID, CLIENT_SECRET, pastUsagePage, SUBSCRIPTION } from "../../helpers/fixtures";
import { captureLogger } from "../../helpers/logger";
import { type Script, type ScriptedPayPal, startScriptedPayPal } from "../../helpers/paypal-server";

let paypal: ScriptedPayPal | undefined;
afterEach(async () => {
  await paypal?.close();
  paypal = undefined;
});

async function clientFor(data: NonNullable<Script["data"]>, logger = captureLogger().logger) {
  paypal = await startScriptedPayPal({ data });
  return createPayPalBillingClient({
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    baseUrl: paypal.url,
    logger,
    logLevel: "warn",
  });
}

const pagesOf =
  (total: number, perPage = 2): NonNullable<Script["data"]> =>
  (res, _n, page) =>
    json(res, 200, pastUsagePage(page, total, perPage));

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

describe("listPastUsage", () => {
  test("a walk of 5 pages makes exactly 5 data requests and yields every period in order", async () => {
    const client = await clientFor(pagesOf(5));
    const periods = await collect(client.listPastUsage("cust_42", SUBSCRIPTION));
    expectTypeOf(periods).toEqualTypeOf<UsagePeriod[]>();
    expect(periods.map((p) => p.invoice_id)).toEqual([
      "inv_1_0",
      "inv_1_1",
      "inv_2_0",
      "inv_2_1",
      "inv_3_0",
      "inv_3_1",
      "inv_4_0",
      "inv_4_1",
      "inv_5_0",
      "inv_5_1",
    ]);
    expect(paypal?.pagesAsked).toEqual([1, 2, 3, 4, 5]);
    expect(paypal?.tokenRequests).toBe(1);
  });

  test(".pages() yields each page with its number", async () => {
    const client = await clientFor(pagesOf(3));
    const pages = await collect(client.listPastUsage("cust_42", SUBSCRIPTION).pages());
    expectTypeOf(pages).toEqualTypeOf<NumberedPage[]>();
    expect(pages.map((p) => [p.pageNumber, p.meta.current_page, p.usage_periods.length])).toEqual([
      [1, 1, 2],
      [2, 2, 2],
      [3, 3, 2],
    ]);
  });

  test("is lazy: page k+1 is asked for only when the consumer is past page k", async () => {
    const client = await clientFor(pagesOf(4));
    const iterator = client.listPastUsage("cust_42", SUBSCRIPTION)[Symbol.asyncIterator]();
    expect(paypal?.dataRequests).toBe(0);
    await iterator.next();
    await iterator.next();
    expect(paypal?.pagesAsked).toEqual([1]);
    await iterator.next();
    expect(paypal?.pagesAsked).toEqual([1, 2]);
    await iterator.return?.();
    expect(paypal?.pagesAsked).toEqual([1, 2]);
  });

  test("stops at an empty page when total_pages overstates", async () => {
    const client = await clientFor((res, _n, page) => json(res, 200, pastUsagePage(page, 10, page >= 3 ? 0 : 2)));
    const pages = await collect(client.listPastUsage("cust_42", SUBSCRIPTION).pages());
    expect(pages.map((p) => p.pageNumber)).toEqual([1, 2]);
    expect(paypal?.pagesAsked).toEqual([1, 2, 3]);
  });

  test("stops when next_page is null", async () => {
    const client = await clientFor((res, _n, page) =>
      json(res, 200, {
        ...pastUsagePage(page, 10),
        meta: { ...pastUsagePage(page, 10).meta, next_page: page === 2 ? null : page + 1 },
      }),
    );
    await collect(client.listPastUsage("cust_42", SUBSCRIPTION));
    expect(paypal?.pagesAsked).toEqual([1, 2]);
  });

  test("yields page 1 even when it is empty, and asks for nothing more", async () => {
    const client = await clientFor((res) =>
      json(res, 200, { usage_periods: [], meta: { current_page: 1, total_count: 0, total_pages: 0 } }),
    );
    const pages = await collect(client.listPastUsage("cust_42", SUBSCRIPTION).pages());
    expect(pages).toEqual([
      { usage_periods: [], meta: { current_page: 1, total_count: 0, total_pages: 0 }, pageNumber: 1 },
    ]);
    expect(await collect(client.listPastUsage("cust_42", SUBSCRIPTION))).toEqual([]);
    expect(paypal?.pagesAsked).toEqual([1, 1]);
  });

  test("a page that does not advance ends the walk with an error instead of looping", async () => {
    const client = await clientFor((res) => json(res, 200, pastUsagePage(1, 5)));
    const error = await collect(client.listPastUsage("cust_42", SUBSCRIPTION)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as Error).message).toMatch(/asked for page 2 of past usage but the server answered with page 1/);
    expect(paypal?.pagesAsked).toEqual([1, 2]);
  });

  test.each([
    ["no meta", { usage_periods: [] }],
    ["no usage_periods", { meta: { current_page: 1, total_pages: 3 } }],
    ["a current_page that is not a number", { usage_periods: [], meta: { current_page: "1", total_pages: 3 } }],
    ["an empty object", {}],
  ])("a page with %s ends the walk with InvalidResponseError, not a TypeError", async (_label, body) => {
    const client = await clientFor((res) => json(res, 200, body));
    const error = await collect(client.listPastUsage("cust_42", SUBSCRIPTION)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as Error).message).toMatch(/page 1 of past usage lacks usage_periods or meta; stopping/);
    expect(paypal?.pagesAsked).toEqual([1]);
  });

  test("maxPages stops the walk and says where to resume", async () => {
    const capture = captureLogger();
    const client = await clientFor(pagesOf(100), capture.logger);
    const pages = await collect(client.listPastUsage("cust_42", SUBSCRIPTION, { maxPages: 3 }).pages());
    expect(pages).toHaveLength(3);
    expect(paypal?.pagesAsked).toEqual([1, 2, 3]);
    expect(capture.lines[0]?.args[0]).toMatch(
      /stopped listing past usage after maxPages \(3\) pages; resume with page: 4/,
    );
  });

  test("query.page resumes a walk from that page", async () => {
    const client = await clientFor(pagesOf(5));
    const pages = await collect(client.listPastUsage("cust_42", { ...SUBSCRIPTION, page: 4, per_page: 2 }).pages());
    expect(pages.map((p) => p.pageNumber)).toEqual([4, 5]);
    expect(
      paypal?.server.requests
        .filter((r) => r.method === "GET")
        .map((r) => new URL(r.url, "http://x").searchParams.get("per_page")),
    ).toEqual(["2", "2"]);
  });

  test("an error mid-walk surfaces after the pages before it", async () => {
    const client = await clientFor((res, _n, page) =>
      page === 3
        ? json(res, 404, { name: "RESOURCE_NOT_FOUND", message: "gone", debug_id: "d404" })
        : json(res, 200, pastUsagePage(page, 5)),
    );
    const seen: number[] = [];
    const error = await (async () => {
      for await (const page of client.listPastUsage("cust_42", SUBSCRIPTION).pages()) seen.push(page.pageNumber);
    })().catch((e: unknown) => e);
    expect(seen).toEqual([1, 2]);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ requestId: "d404", code: "RESOURCE_NOT_FOUND" });
  });

  test("one signal aborts the walk at once", async () => {
    const client = await clientFor((res, _n, page) =>
      page === 2 ? undefined : json(res, 200, pastUsagePage(page, 5)),
    );
    const controller = new AbortController();
    const seen: number[] = [];
    const walk = (async () => {
      for await (const page of client.listPastUsage("cust_42", SUBSCRIPTION, { signal: controller.signal }).pages())
        seen.push(page.pageNumber);
    })();
    await waitFor(() => paypal?.pagesAsked.length === 2); // page 2 is asked for, and stalls
    const abortedAt = performance.now();
    controller.abort();
    await expect(walk).rejects.toBeInstanceOf(RequestAbortedError);
    // The stalled page would otherwise run to the 30 s timeout; the margin is timer lateness only.
    expect(performance.now() - abortedAt).toBeLessThan(1_000);
    expect(seen).toEqual([1]);
    expect(paypal?.pagesAsked).toEqual([1, 2]);
  });

  test("checks its input when called, before any request", async () => {
    const client = await clientFor(pagesOf(1));
    expect(() => client.listPastUsage("cust 42", SUBSCRIPTION)).toThrow(InvalidInputError);
    expect(() => client.listPastUsage("cust_42", SUBSCRIPTION, { maxPages: 0 })).toThrow(
      /maxPages must be a whole number ≥ 1/,
    );
    expect(() => client.listPastUsage("cust_42", SUBSCRIPTION, { timeoutMs: 0 })).toThrow(
      /timeoutMs must be a whole number/,
    );
    expect(() => client.listPastUsage("cust_42", SUBSCRIPTION, { signal: {} as AbortSignal })).toThrow(
      /signal must be an AbortSignal/,
    );
    expect(paypal?.dataRequests).toBe(0);
  });
});
