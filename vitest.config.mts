// Two projects. `unit`: no Prism, no dist/, no child process and no server, each client given an
// injected fetch. `integration`: Prism contract tests (one Prism per spec for the whole run, started
// once by the global setup), misbehaving local servers, and the tooling as users run it (the pipeline,
// the packed package, the demo, the mock runner, the README). Tests that need Chromium run under
// vitest.browser.config.mts (npm run test:browser).
import { defineConfig } from "vitest/config";
import { REPORTS } from "./scripts/lib/reports.mjs";

export default defineConfig({
  test: {
    // vitest's own JSON report is what .ci/run sums its closing line from.
    reporters: ["default", "json"],
    outputFile: { json: REPORTS.vitest },
    // Two cores, and npm test runs the static checks beside vitest. Three workers: many integration
    // files now mostly wait (child processes, paced limiters, Redis outages), and a third worker fills
    // those waits (npm test 47 s, against 58 s with two). Threads start faster than forks.
    maxWorkers: 3,
    pool: "threads",
    projects: [
      {
        test: {
          name: "unit",
          include: ["test/unit/**/*.test.ts"],
          // Unit files share their workers' module cache instead of importing src/ afresh each: they
          // hold no state between them, and every stubbed global or env is undone after each test.
          isolate: false,
          unstubGlobals: true,
          unstubEnvs: true,
        },
      },
      {
        test: {
          name: "integration",
          include: ["test/integration/**/*.test.ts"],
          globalSetup: ["test/setup/prism.global.ts"],
          setupFiles: ["test/setup/fail-on-violations.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
