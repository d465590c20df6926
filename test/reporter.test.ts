// The closing line CI reads: failures, files that fail to load and unhandled errors all count as failed.
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { expect, test } from "vitest";
import { projectRoot } from "../scripts/lib/apis.mjs";

const run = promisify(execFile);

test("the reporter's last line counts a pass, a failure, a load error and an unhandled rejection", async () => {
  const fixture = join(projectRoot, "test/fixtures/reporter");
  const result = await run(
    process.execPath,
    [join(projectRoot, "node_modules/vitest/vitest.mjs"), "run", "--root", fixture],
    {
      cwd: fixture,
      env: { ...process.env, NO_COLOR: "1" },
    },
  ).catch((e: unknown) => e as { code: number; stdout: string });
  const lines = result.stdout.trim().split("\n");
  // The test that leaves the rejection passes itself; the rejection is counted as its own failure.
  expect(lines.at(-1)).toBe("vitest: 2 passed, 3 failed");
  expect((result as { code?: number }).code).toBe(1);
});
