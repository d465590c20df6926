// The main job, against the suite's Prism mocks (after the build npm test has already done). `npm
// start` itself, which starts its own Prism pair and stops it, runs in .ci/run: that checks the stop
// line and that both Prism pids are gone.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, test } from "vitest";
import { projectRoot } from "../../../scripts/lib/apis.mjs";
import { CHILD_PROCESS_TEST_TIMEOUT_MS } from "../../helpers/child-process";
import { prismUrl } from "../../helpers/prism";

const run = promisify(execFile);

describe("the demo (npm start)", { timeout: CHILD_PROCESS_TEST_TIMEOUT_MS }, () => {
  test("prints the Prolifi summary and every PayPal period across both pages", async () => {
    const mocks = `${prismUrl("prolifi")},${prismUrl("paypal-billing")}`;
    const { stdout } = await run(process.execPath, ["scripts/demo.mjs", "--mocks", mocks], {
      cwd: projectRoot,
      env: { ...process.env, NO_COLOR: "1" },
    });
    expect(stdout).toMatch(/event\s+count\s+last reported/);
    expect(stdout).toMatch(/api_call\s+1520\s+2026-01-31T18:04:11Z/);
    expect(stdout).toMatch(/storage_gb_hour\s+0\s+never/);
    expect(stdout).toMatch(/page\s+period\s+total\s+taxes\s+charges/);
    expect(stdout).toMatch(
      /1\s+2023-12-01 – 2023-12-31\s+250\.00 USD\s+3\.25 USD\s+API Calls: 200\.0 units, 100\.00 USD; Storage GB-Hours: 3000\.0 units, 150\.00 USD/,
    );
    expect(stdout).toMatch(/1\s+2023-10-01 – 2023-10-31\s+107\.50 USD/);
    expect(stdout).toMatch(/2\s+2023-09-01 – 2023-09-30\s+82\.40 USD\s+1\.40 USD/);
    expect(stdout.match(/\d{4}-\d{2}-\d{2} – /g)).toHaveLength(4);
    // Page 1's amounts are JSON numbers, page 2's decimal strings: added exactly, with sumMoney.
    expect(stdout).toContain("Total over 4 periods: $589.90 (589.90 USD)");
  });

  test("--live without credentials names every missing variable and exits 2", async () => {
    const env = { ...process.env };
    for (const name of Object.keys(env)) if (/^(PROLIFI|PAYPAL)_/.test(name)) delete env[name];
    const failure = await run(process.execPath, ["scripts/demo.mjs", "--live"], { cwd: projectRoot, env }).catch(
      (e: unknown) => e as { code: number; stderr: string },
    );
    expect(failure).toMatchObject({ code: 2 });
    expect((failure as { stderr: string }).stderr).toContain(
      "--live needs these environment variables: PROLIFI_API_KEY, PROLIFI_CUSTOMER_ID, PAYPAL_CLIENT_ID, PAYPAL_CLIENT_SECRET, PAYPAL_ENVIRONMENT, PAYPAL_CUSTOMER_ID, PAYPAL_SUBSCRIPTION_ID",
    );
  });
});
