import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Tests that need Chromium run under vitest.browser.config.mts (npm run test:browser).
    exclude: ["test/browser/**", "test/browser-node/**", "node_modules/**"],
    globalSetup: ["test/setup/prism.global.ts"],
    setupFiles: ["test/setup/fail-on-violations.ts"],
    reporters: ["default", "./test/setup/closing-line-reporter.ts"],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // Two cores: more workers only fight over them (and over Prism).
    maxWorkers: 2,
  },
});
