#!/usr/bin/env node
// One closing line for CI, `ci: N passed, N failed`, summed from the reports the runs wrote: vitest's
// JSON reports, the runtime matrix's and the examples'. A file that failed to load counts as one failure; a report
// that is missing means its run never finished, which counts as a failure too.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "./lib/apis.mjs";
import { REPORTS } from "./lib/reports.mjs";
import { vitestTotals } from "./lib/totals.mjs";

let passed = 0;
let failed = 0;
for (const [name, path] of Object.entries(REPORTS)) {
  const file = join(projectRoot, path);
  if (!existsSync(file)) {
    console.log(`${name}: no report at ${path}`);
    failed += 1;
    continue;
  }
  const report = JSON.parse(readFileSync(file, "utf8"));
  // The runtime matrix and the examples write their totals themselves; vitest writes its own report.
  const totals = name === "runtimes" || name === "examples" ? report : vitestTotals(report);
  console.log(`${name}: ${totals.passed} passed, ${totals.failed} failed`);
  passed += totals.passed;
  failed += totals.failed;
}
console.log(`ci: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
