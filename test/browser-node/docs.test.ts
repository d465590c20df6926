// The API reference `npm run docs` builds, opened offline in Chromium: every operation is rendered.
import { existsSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { type Browser, chromium } from "playwright";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { listApis, projectRoot } from "../../scripts/lib/apis.mjs";
import { type ApiName, loadSpec } from "../helpers/spec";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../setup/chromium.mjs";

let browser: Browser;

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
});
afterAll(async () => {
  await browser?.close();
});

interface Operation {
  operationId: string;
  summary: string;
  tags: string[];
}

describe("API reference", () => {
  test.each(Object.keys(listApis()))(
    "docs-build/%s.html renders every operation with the network shut",
    async (name) => {
      const file = `${projectRoot}docs-build/${name}.html`;
      expect(existsSync(file), "run `npm run docs` first (npm run test:browser does)").toBe(true);
      const operations = Object.entries(loadSpec(name as ApiName).paths).flatMap(([path, item]) =>
        Object.entries(item).map(([method, op]) => ({ path, method, ...(op as unknown as Operation) })),
      );
      expect(operations.length).toBeGreaterThan(0);
      const page = await browser.newPage();
      // Offline means offline: anything but the file itself is refused.
      await page.route("**/*", (route) =>
        /^(file|data|blob):/.test(route.request().url()) ? route.continue() : route.abort(),
      );
      try {
        for (const op of operations) {
          // Redoc gives each operation its own route: #/<tag>/<operationid>.
          await page.goto(`${pathToFileURL(file).href}#/${op.tags[0]}/${op.operationId.toLowerCase()}`);
          await expect
            .poll(() => page.getByText(op.summary, { exact: true }).last().isVisible(), { timeout: 10_000 })
            .toBe(true);
          await expect
            .poll(() => page.getByText(op.path, { exact: true }).first().isVisible(), { timeout: 10_000 })
            .toBe(true);
        }
      } finally {
        await page.close();
      }
    },
  );
});
