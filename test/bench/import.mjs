#!/usr/bin/env node
// Cold import cost: a fresh Node process that imports each entry point, against one that imports
// nothing, median of RUNS alternated runs. Prints figures; asserts nothing. Run after `npm run build`.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const RUNS = Number(process.env.BENCH_RUNS ?? 21);
const dist = fileURLToPath(new URL("../../dist/", import.meta.url));
const cases = {
  "node (imports nothing)": "",
  "openapi-fetch": 'await import("openapi-fetch");',
  "billing-usage/prolifi": `await import(${JSON.stringify(`${dist}prolifi.js`)});`,
  "billing-usage/paypal": `await import(${JSON.stringify(`${dist}paypal.js`)});`,
  "billing-usage": `await import(${JSON.stringify(`${dist}index.js`)});`,
};

const times = Object.fromEntries(Object.keys(cases).map((name) => [name, []]));
for (let i = 0; i < RUNS; i++) {
  for (const [name, code] of Object.entries(cases)) {
    const started = performance.now();
    execFileSync(process.execPath, ["--input-type=module", "-e", code], {
      cwd: fileURLToPath(new URL("../..", import.meta.url)),
    });
    times[name].push(performance.now() - started);
  }
}
const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
const base = median(times["node (imports nothing)"]);
console.log(`Node ${process.version}, median of ${RUNS} cold processes each:`);
console.table(
  Object.entries(times).map(([name, v]) => ({
    case: name,
    ms: median(v).toFixed(1),
    "over bare node (ms)": (median(v) - base).toFixed(1),
  })),
);
