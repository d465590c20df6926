// The soak: N PayPal calls against the loopback bench server, the token rotating every 1,000 calls
// (the server answers 401 to a token's 1,001st request), all calls sharing one AbortSignal, 20 at a
// time. At the start and every 10,000 calls it prints, after a full GC: heap used, how many distinct
// access tokens are still alive anywhere in the heap (from a heap snapshot, so the count does not
// trust the code it checks), the active handles and the signal's abort listeners.
//
//   npm run soak                        100,000 calls against dist/
//   SOAK_CALLS=20000 npm run soak       a shorter run (CI's)
//   npm run soak -- --write             and write RESULTS.md's "## Soak" section
//   node --expose-gc test/bench/soak.mjs path/to/other/dist   the same soak against another build
import { getEventListeners } from "node:events";
import { readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { writeHeapSnapshot } from "node:v8";
import { SOAK_HEADING, startServer, writeSection } from "./lib.mjs";

const CALLS = Number(process.env.SOAK_CALLS ?? 100_000);
const ROTATE_EVERY = 1_000;
const SAMPLE_EVERY = 10_000;
const CONCURRENCY = 20;
const TOKEN = /A21AA-bench-\d+/g;

if (typeof globalThis.gc !== "function") throw new Error("run with node --expose-gc (npm run soak does)");
const args = process.argv.slice(2);
const write = args.includes("--write");
const dist = resolve(args.find((a) => a !== "--write") ?? new URL("../../dist", import.meta.url).pathname);
const { createPayPalBillingClient } = await import(pathToFileURL(join(dist, "paypal.js")).href);

/** Distinct access tokens in any live string of the heap. */
function tokensAlive() {
  const file = join(tmpdir(), `soak-${process.pid}.heapsnapshot`);
  writeHeapSnapshot(file);
  try {
    const { strings } = JSON.parse(readFileSync(file, "utf8"));
    return new Set(strings.flatMap((s) => s.match(TOKEN) ?? [])).size;
  } finally {
    rmSync(file, { force: true });
  }
}

function handles() {
  const counts = {};
  for (const kind of process.getActiveResourcesInfo()) counts[kind] = (counts[kind] ?? 0) + 1;
  return Object.entries(counts)
    .map(([kind, n]) => `${kind} ${n}`)
    .join(", ");
}

const server = await startServer();
try {
  await server.configure({ rotateEvery: ROTATE_EVERY });
  const paypal = createPayPalBillingClient({
    clientId: "soak-client-id",
    clientSecret: "soak-client-secret-0123456789",
    baseUrl: server.baseUrl,
    logLevel: "off",
  });
  const { signal } = new AbortController();
  const rows = [];
  const sample = (calls) => {
    globalThis.gc();
    globalThis.gc();
    const heapMB = process.memoryUsage().heapUsed / 2 ** 20;
    rows.push({
      calls,
      "heap used after GC (MB)": Number(heapMB.toFixed(2)),
      "tokens alive": tokensAlive(),
      "active handles": handles(),
      "abort listeners": getEventListeners(signal, "abort").length,
    });
  };
  sample(0);
  const started = performance.now();
  for (let done = 0; done < CALLS; done += CONCURRENCY) {
    await Promise.all(
      Array.from({ length: CONCURRENCY }, () =>
        paypal.getPastUsage("cust_soak", { subscription_id: "sub_soak" }, { signal }),
      ),
    );
    if ((done + CONCURRENCY) % SAMPLE_EVERY === 0) sample(done + CONCURRENCY);
  }
  const seconds = (performance.now() - started) / 1000;
  const { tokenRequests, dataRequests } = await server.stats();
  console.log(`soak: ${CALLS} calls in ${seconds.toFixed(1)} s against ${dist}`);
  console.log(`soak: ${tokenRequests} token requests, ${dataRequests} data requests (each rotation costs one 401)`);
  console.table(rows);
  const first = rows.find((r) => r.calls === SAMPLE_EVERY) ?? rows[0];
  const last = rows[rows.length - 1];
  const growth = last["heap used after GC (MB)"] - first["heap used after GC (MB)"];
  const summary =
    `heap after GC grew ${growth.toFixed(2)} MB from ${first.calls} to ${last.calls} calls; ` +
    `tokens alive at the end: ${last["tokens alive"]}; abort listeners: ${last["abort listeners"]}`;
  console.log(`soak: ${summary}`);
  if (write) writeSoakSection({ seconds, tokenRequests, dataRequests, rows, summary });
} finally {
  server.stop();
}

/** Replaces RESULTS.md's soak section with this run's figures. */
function writeSoakSection({ seconds, tokenRequests, dataRequests, rows, summary }) {
  const columns = Object.keys(rows[0]);
  writeSection(SOAK_HEADING, [
    `\`npm run soak -- --write\` on ${new Date().toISOString().slice(0, 10)}, Node ${process.version}: ${CALLS} PayPal calls,`,
    `${CONCURRENCY} at a time on one AbortSignal, the token rotating every ${ROTATE_EVERY} calls (${tokenRequests} token`,
    `requests, ${dataRequests} data requests), ${seconds.toFixed(0)} s. "Tokens alive" counts distinct access tokens in a`,
    "heap snapshot: the redactor's window of 5 and the token manager's memory of the last 8 rejected tokens.",
    "",
    `| ${columns.join(" | ")} |`,
    `|${columns.map(() => "---").join("|")}|`,
    ...rows.map((row) => `| ${columns.map((c) => row[c]).join(" | ")} |`),
    "",
    `${summary[0].toUpperCase()}${summary.slice(1)}.`,
  ]);
}
