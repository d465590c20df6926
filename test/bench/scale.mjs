#!/usr/bin/env node
// listPastUsage over many pages (one period a page): time per page and heap growth as the walk
// lengthens. The walk keeps nothing, so the heap after it, garbage collected, should be where it
// started; time should grow in step with pages. Needs --expose-gc (run.mjs passes it).
import { createPayPalBillingClient } from "../../dist/paypal.js";
import { median, QUICK, runAlone } from "./lib.mjs";

const PAGE_COUNTS = QUICK ? [10, 100, 1000] : [10, 100, 1000, 10_000];
const WARMUP_PAGES = QUICK ? 300 : 5_000;
/** Pages walked at each length at least, in repeated walks (one walk for the longest). */
const WALK_PAGES = QUICK ? 100 : 1_000;

function heapAfterGc() {
  globalThis.gc?.();
  globalThis.gc?.();
  return process.memoryUsage().heapUsed;
}

export async function measureScale(server) {
  if (!globalThis.gc) throw new Error("scale.mjs needs node --expose-gc");
  const client = createPayPalBillingClient({
    clientId: "bench",
    clientSecret: "bench",
    baseUrl: server.baseUrl,
    logLevel: "off",
  });
  // One long walk first: the JIT's code and the connection pool's state are made once (about 4 MB
  // of heap on the first long walk, none on later ones), before anything is timed or weighed.
  await server.configure({ pages: WARMUP_PAGES });
  for await (const _period of client.listPastUsage("cust_42", { subscription_id: "sub_7", per_page: 1 })) {
    // nothing kept
  }
  const walk = async (pages) => {
    const before = heapAfterGc();
    let peak = before;
    let periods = 0;
    const started = performance.now();
    for await (const _period of client.listPastUsage("cust_42", { subscription_id: "sub_7", per_page: 1 })) {
      periods += 1;
      if (periods % 500 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
    const ms = performance.now() - started;
    const after = heapAfterGc();
    if (periods !== pages) throw new Error(`walked ${periods} periods over ${pages} pages`);
    return { ms, growth: after - before, peakGrowth: peak - before };
  };
  const rows = [];
  for (const pages of PAGE_COUNTS) {
    await server.configure({ pages });
    await client.getPastUsage("cust_42", { subscription_id: "sub_7", per_page: 1 }); // a warm token
    // Short walks are repeated and the median kept: one stray pause is most of a 10-page walk.
    const walks = [];
    for (let i = 0; i < Math.max(1, Math.round(WALK_PAGES / pages)); i++) walks.push(await walk(pages));
    const ms = median(walks.map((w) => w.ms));
    rows.push({
      pages,
      walks: walks.length,
      totalMs: ms,
      usPerPage: (ms * 1000) / pages,
      heapGrowthKiB: median(walks.map((w) => w.growth)) / 1024,
      heapPeakGrowthKiB: Math.max(...walks.map((w) => w.peakGrowth)) / 1024,
    });
  }
  return { rows };
}

export function printScale({ rows }) {
  console.log("\nlistPastUsage over N pages, one period each (heap after a full GC, against before the walk):");
  console.table(
    rows.map((r) => ({
      pages: r.pages,
      walks: r.walks,
      "total ms": Math.round(r.totalMs),
      "µs/page": Math.round(r.usPerPage),
      "heap growth KiB": Math.round(r.heapGrowthKiB),
      "heap peak growth KiB": Math.round(r.heapPeakGrowthKiB),
    })),
  );
}

await runAlone(import.meta.url, measureScale, printScale);
