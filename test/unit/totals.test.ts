// CI's closing line, from vitest's JSON report: a failed test, and a file that failed to load, each
// count as a failure; passing tests count as passed.
import { describe, expect, test } from "vitest";
import { vitestTotals } from "../../scripts/lib/totals.mjs";

const file = (status: string, tests: string[]) => ({
  status,
  assertionResults: tests.map((testStatus) => ({ status: testStatus })),
});

describe("vitestTotals", () => {
  test("counts a pass, a failure and a file that failed to load", () => {
    const report = {
      numPassedTests: 2,
      numFailedTests: 1,
      testResults: [file("passed", ["passed"]), file("failed", ["passed", "failed"]), file("failed", [])],
    };
    expect(vitestTotals(report)).toEqual({ passed: 2, failed: 2 });
  });

  test("an all-green report has no failures", () => {
    expect(vitestTotals({ numPassedTests: 3, numFailedTests: 0, testResults: [file("passed", ["passed"])] })).toEqual({
      passed: 3,
      failed: 0,
    });
  });
});
