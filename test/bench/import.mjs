#!/usr/bin/env node
// Cold import cost: fresh Node processes that import each entry point, alternated, each timing its own
// import() (so process start-up, the noisy part, is left out), median over RUNS. Prints figures;
// asserts nothing. Run after `npm run build`.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { isMain, median, QUICK } from "./lib.mjs";

const RUNS = Number(process.env.BENCH_RUNS ?? (QUICK ? 5 : 11));
const root = fileURLToPath(new URL("../..", import.meta.url));
const dist = `${root}dist/`;
const CASES = {
  "openapi-fetch": "openapi-fetch",
  "billing-usage/prolifi": `${dist}prolifi.js`,
  "billing-usage/paypal": `${dist}paypal.js`,
  "billing-usage": `${dist}index.js`,
};
const timedImport = (specifier) =>
  `const t = performance.now(); await import(${JSON.stringify(specifier)}); console.log(performance.now() - t);`;

export function measureImports() {
  const times = Object.fromEntries(Object.keys(CASES).map((name) => [name, []]));
  for (let i = 0; i < RUNS; i++) {
    for (const [name, specifier] of Object.entries(CASES)) {
      const out = execFileSync(process.execPath, ["--input-type=module", "-e", timedImport(specifier)], { cwd: root });
      times[name].push(Number(String(out).trim()));
    }
  }
  const openapiFetch = median(times["openapi-fetch"]);
  return {
    runs: RUNS,
    rows: Object.entries(times).map(([name, values]) => ({
      case: name,
      ms: median(values),
      overOpenapiFetchMs: median(values) - openapiFetch,
    })),
  };
}

export function printImports({ runs, rows }) {
  console.log(`\nCold import() in a fresh process, median of ${runs} processes each:`);
  console.table(
    rows.map((r) => ({
      case: r.case,
      "import ms": r.ms.toFixed(1),
      "over openapi-fetch (ms)": r.overOpenapiFetchMs.toFixed(1),
    })),
  );
}

if (isMain(import.meta.url)) printImports(measureImports());
