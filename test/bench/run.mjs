#!/usr/bin/env node
// `npm run bench`: every benchmark in one run against one loopback server (per-call cost beside what
// users would pick instead, client CPU alone, cold concurrency, a long walk, cold import), printed as
// tables. `--write` also writes RESULTS.md and scale.svg here. BENCH_QUICK=1 is CI's short run: figures
// for the log, never a gate. Needs --expose-gc for the walk's heap figures (the npm script passes it).
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { measureCalls, printCalls } from "./calls.mjs";
import { scaleChart } from "./chart.mjs";
import { measureConcurrency, printConcurrency } from "./concurrency.mjs";
import { measureCpu, printCpu } from "./cpu.mjs";
import { installCompetitors } from "./deps.mjs";
import { measureImports, printImports } from "./import.mjs";
import { KEPT_SECTIONS, QUICK, readSection, startServer } from "./lib.mjs";
import { measureScale, printScale } from "./scale.mjs";

const write = process.argv.includes("--write");
const startedAt = performance.now();
installCompetitors();
const server = await startServer();
let results;
try {
  const calls = await measureCalls(server);
  printCalls(calls);
  const cpu = await measureCpu();
  printCpu(cpu);
  // The walk before the bursts: a thousand-call burst leaves a thousand pooled sockets, whose
  // closing would land in the walk's heap figures.
  const scale = await measureScale(server);
  printScale(scale);
  const concurrency = await measureConcurrency(server);
  printConcurrency(concurrency);
  const imports = measureImports();
  printImports(imports);
  results = { calls, cpu, concurrency, scale, imports };
} finally {
  server.stop();
}
const seconds = (performance.now() - startedAt) / 1000;
console.log(`\nbench: ${seconds.toFixed(0)} s${QUICK ? " (short run)" : ""}`);

if (write) {
  writeFileSync(new URL("./scale.svg", import.meta.url), scaleChart(results.scale.rows));
  // The soak's and the rate-limit benchmark's sections are written by those (`-- --write`) and kept here.
  const kept = KEPT_SECTIONS.map((heading) => readSection(new URL("./RESULTS.md", import.meta.url), heading)).join("");
  writeFileSync(new URL("./RESULTS.md", import.meta.url), resultsMarkdown(results, seconds) + kept);
  console.log("bench: wrote test/bench/RESULTS.md and test/bench/scale.svg");
}

function table(header, rows) {
  return [
    `| ${header.join(" | ")} |`,
    `|${header.map(() => "---").join("|")}|`,
    ...rows.map((r) => `| ${r.join(" | ")} |`),
  ].join("\n");
}

function resultsMarkdown({ calls, cpu, concurrency, scale, imports }, seconds) {
  const date = new Date().toISOString().slice(0, 10);
  const cpuModel = cpus()[0]?.model ?? "unknown CPU";
  const npmVersions = JSON.parse(
    execFileSync("npm", ["ls", "--json", "--depth=0"], { cwd: new URL(".", import.meta.url) }),
  );
  const versions = Object.entries(npmVersions.dependencies ?? {}).map(([name, d]) => `${name} ${d.version}`);
  const x = (v) => `${v.toFixed(2)}×`;
  return `# Benchmark results

One run of \`npm run bench -- --write\` on ${date}: ${cpus().length} cores (${cpuModel}), Node ${process.version},
${seconds.toFixed(0)} s. Compared: ${versions.join(", ")} (test/bench/package.json), openapi-fetch from the
project. The server runs in its own process on 127.0.0.1; figures are medians.

## Per call

${calls.rounds} rounds × ${calls.callsPerRound} sequential calls per contender, in a rotating order; each ratio is
the median of per-round ratios against the contender of the same route in the same round. Ours run with
every behaviour on: per-attempt timeout over the body, retries, deadline, typed errors, input checks,
the body cap. PayPal with a warm token.

${table(
  ["contender", "route", "µs/call", "p99 µs", "× raw fetch", "× openapi-fetch (range over rounds)"],
  calls.rows.map((r) => [
    r.ours ? `**${r.contender}**` : r.contender,
    r.route,
    Math.round(r.medianUs),
    Math.round(r.p99Us),
    x(r.vsRawFetch),
    `${x(r.vsOpenapiFetch)} (${r.vsOpenapiFetchRange.map((v) => v.toFixed(2)).join("–")})`,
  ]),
)}

## Client CPU alone

A stub \`fetch\` answering every request with the same JSON: no network, only what each client does.

${table(
  ["contender", "calls/s", "× openapi-fetch"],
  cpu.map((r) => [r.contender, Math.round(r.opsPerSecond), x(r.vsOpenapiFetch)]),
)}

## Cold concurrency

A new client, then N calls started together; the token endpoint answers in ${concurrency.tokenDelayMs} ms. PayPal's SDK
makes its own comparable GET (an order), pointed at the loopback server by an axios adapter that only rewrites the host.

${table(
  ["concurrent calls", "contender", "calls/s", "token requests"],
  concurrency.rows.map((r) => [r.concurrent, r.contender, Math.round(r.callsPerSecond), r.tokenRequests]),
)}

## A long walk

\`listPastUsage\` with one period a page, after a warm-up walk; shorter walks repeated (median of the walks
shown); heap measured after a full GC, against before the walk.

${table(
  ["pages", "walks", "ms per walk", "µs/page", "heap growth (KiB)", "peak heap growth between GCs (KiB)"],
  scale.rows.map((r) => [
    r.pages,
    r.walks,
    Math.round(r.totalMs),
    Math.round(r.usPerPage),
    Math.round(r.heapGrowthKiB),
    Math.round(r.heapPeakGrowthKiB),
  ]),
)}

![time per page and heap growth against pages](scale.svg)

## Cold import

\`import()\` timed inside a fresh Node process (start-up left out), median of ${imports.runs} processes each.

${table(
  ["entry", "import ms", "over openapi-fetch (ms)"],
  imports.rows.map((r) => [r.case, r.ms.toFixed(1), r.overOpenapiFetchMs.toFixed(1)]),
)}
`;
}
