// Prints `vitest: N passed, N failed` as the run's very last line, the plain form CI reads.
// Failed counts failed tests, files that failed to load and errors thrown outside any test.
import type { Reporter, SerializedError, TestModule } from "vitest/node";

export default class ClosingLineReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>): void {
    let passed = 0;
    let failed = unhandledErrors.length;
    for (const module of modules) {
      let failedHere = 0;
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === "passed") passed += 1;
        else if (state === "failed") failedHere += 1;
      }
      const suiteErrors = [...module.children.allSuites()].reduce((n, suite) => n + suite.errors().length, 0);
      failedHere += suiteErrors;
      // A file that broke while loading has errors but no failed test: count it once at least.
      if (failedHere === 0 && (module.errors().length > 0 || module.state() === "failed"))
        failedHere = Math.max(1, module.errors().length);
      failed += failedHere;
    }
    process.stdout.write(`\nvitest: ${passed} passed, ${failed} failed\n`);
  }
}
