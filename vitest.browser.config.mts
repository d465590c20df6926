// Tests that need a real Chromium (Debian's, installed by .ci/run): the clients in browser mode,
// and the built API reference opened in Chromium by Playwright. Run with `npm run test:browser`.
import { playwright } from "@vitest/browser-playwright";
import { defineConfig } from "vitest/config";
import { REPORTS } from "./scripts/lib/reports.mjs";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./test/setup/chromium.mjs";

export default defineConfig({
  test: {
    globalSetup: ["test/setup/prism.global.ts"],
    reporters: ["default", "json"],
    outputFile: { json: REPORTS.browser },
    hookTimeout: 60_000,
    projects: [
      {
        test: {
          name: "chromium",
          testTimeout: 30_000,
          include: ["test/browser/**/*.test.ts"],
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({ launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS } }),
            instances: [{ browser: "chromium" }],
          },
        },
      },
      {
        test: {
          name: "chromium-driven",
          include: ["test/browser-node/**/*.test.ts"],
          environment: "node",
          testTimeout: 30_000,
        },
      },
    ],
  },
});
