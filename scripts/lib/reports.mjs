// Where each test run writes its machine-readable report (vitest's own JSON reporter, and the
// runtime matrix's and the examples'), relative to the project root. scripts/test-totals.mjs sums them for CI.
export const REPORTS = {
  vitest: ".cache/reports/vitest.json",
  browser: ".cache/reports/vitest-browser.json",
  runtimes: ".cache/reports/runtimes.json",
  examples: ".cache/reports/examples.json",
};
