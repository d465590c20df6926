// Passed and failed tests in a vitest JSON report, the way CI's closing line counts them: a file that
// failed to load has no failed test of its own but still counts as one failure.

/** @returns {{ passed: number, failed: number }} */
export function vitestTotals(report) {
  const loadFailures = report.testResults.filter(
    (file) => file.status === "failed" && !file.assertionResults.some((test) => test.status === "failed"),
  ).length;
  return { passed: report.numPassedTests, failed: report.numFailedTests + loadFailures };
}
