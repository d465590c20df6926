// The export command's figures: peak RSS of one customer's walk at 100, 10,000 and 30,000 pages (memory
// must stay flat: rows are written as pages arrive), rows/s against the loopback bench server, and
// rows/s against the mocks (Prism behind billing-usage/mock). `npm run bench:export`.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { startMocks } from "../../dist/mock.js";
import { QUICK, startServer } from "./lib.mjs";

const run = promisify(execFile);
const cli = new URL("../../dist/bin/cli.mjs", import.meta.url).pathname;
const env = {
  ...process.env,
  PROLIFI_API_KEY: "sk_test_benchExport0123456789",
  PAYPAL_CLIENT_ID: "bench-export",
  PAYPAL_CLIENT_SECRET: "bench-export-secret-0123456789",
};
// Reports, when the process exits, its peak resident set and its live heap after a full GC: the
// peak includes garbage V8 had not yet collected, the heap after GC is what the export holds.
const REPORT_MEMORY =
  'data:text/javascript,process.on("exit",()=>{globalThis.gc();process.stderr.write("maxrss-kb "+process.resourceUsage().maxRSS+" heap-bytes "+process.memoryUsage().heapUsed+"\\n")})';

async function exportOnce(args, dir) {
  const out = join(dir, `out-${Math.random().toString(36).slice(2)}.csv`);
  const started = performance.now();
  const { stderr } = await run(
    process.execPath,
    ["--expose-gc", "--import", REPORT_MEMORY, cli, ...args, "--out", out, "--quiet"],
    {
      env,
      maxBuffer: 1 << 24,
    },
  );
  const seconds = (performance.now() - started) / 1000;
  const bytes = statSync(out).size;
  const [, rssKb, heapBytes] = /maxrss-kb (\d+) heap-bytes (\d+)/.exec(stderr) ?? [];
  return { seconds, peakRssMB: Number(rssKb) / 1024, heapMB: Number(heapBytes) / 2 ** 20, bytes };
}

const dir = mkdtempSync(join(tmpdir(), "bench-export-"));
const server = await startServer();
const rows = [];
try {
  for (const pages of QUICK ? [100, 1_000] : [100, 10_000, 30_000]) {
    await server.configure({ pages });
    const { seconds, peakRssMB, heapMB, bytes } = await exportOnce(
      [
        "export",
        "paypal",
        "--customer",
        "cust_bench,sub_bench",
        "--base-url",
        server.baseUrl,
        "--max-pages",
        String(pages + 1),
      ],
      dir,
    );
    const rowCount = pages * 4;
    rows.push({
      run: `bench server, 1 customer, ${pages} pages`,
      rows: rowCount,
      "file MB": (bytes / 2 ** 20).toFixed(1),
      "peak RSS MB": peakRssMB.toFixed(1),
      "heap after GC MB": heapMB.toFixed(1),
      seconds: seconds.toFixed(1),
      "rows/s": Math.round(rowCount / seconds),
    });
  }
  const mocks = await startMocks();
  try {
    const customers = Array.from({ length: QUICK ? 10 : 50 }, (_, i) => ["--customer", `cust_${i},sub_7`]).flat();
    const { seconds, peakRssMB, heapMB } = await exportOnce(
      ["export", "paypal", ...customers, "--per-page", "2", "--base-url", mocks.paypal.baseUrl],
      dir,
    );
    const rowCount = (customers.length / 2) * 8;
    rows.push({
      run: `the mocks (Prism), ${customers.length / 2} customers × 2 pages, concurrency 4`,
      rows: rowCount,
      "file MB": "",
      "peak RSS MB": peakRssMB.toFixed(1),
      "heap after GC MB": heapMB.toFixed(1),
      seconds: seconds.toFixed(1),
      "rows/s": Math.round(rowCount / seconds),
    });
  } finally {
    await mocks.stop();
  }
} finally {
  server.stop();
  rmSync(dir, { recursive: true, force: true });
}
console.table(rows);
