// The README's PayPal quick start, run as a new user would against `npm run mock` (its script after
// the build npm test has done): the only change is the client construction, swapped for the one the
// mock prints. The walk must print every example period the mock serves.
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, test } from "vitest";
import { pagedOperations } from "../../../generated/paypal-billing.mock";
import { projectRoot } from "../../../scripts/lib/apis.mjs";
import { CHILD_PROCESS_TEST_TIMEOUT_MS } from "../../helpers/child-process";

const run = promisify(execFile);
const CONSTRUCTION = /createPayPalBillingClient\(\{[^}]*\}\)/;

function quickStart(): string {
  const readme = readFileSync(join(projectRoot, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("## PayPal quick start"));
  const block = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
  if (!block) throw new Error("README.md has no PayPal quick start block");
  return block;
}

function banner(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      output += String(chunk);
      if (output.includes("Ctrl-C stops them.")) resolve(output);
    });
    child.once("exit", (code) => reject(new Error(`npm run mock exited with ${code}:\n${output}`)));
  });
}

describe("the PayPal quick start against npm run mock", { timeout: CHILD_PROCESS_TEST_TIMEOUT_MS }, () => {
  test("runs as written with the printed client, and walks every period", async () => {
    const code = quickStart();
    expect(code.match(new RegExp(CONSTRUCTION, "g"))).toHaveLength(1);
    const mock = spawn(process.execPath, ["scripts/mock.mjs"], {
      cwd: projectRoot,
      stdio: ["ignore", "pipe", "inherit"],
    });
    // Inside the project, so `billing-usage/paypal` resolves to the build by the package's own name.
    const dir = join(projectRoot, ".cache", `quickstart-${process.pid}`);
    try {
      const printed = CONSTRUCTION.exec(await banner(mock))?.[0];
      expect(printed).toMatch(/baseUrl: "http:\/\/127\.0\.0\.1:\d+"/);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, "quickstart.mjs"), code.replace(CONSTRUCTION, printed ?? ""));
      const { stdout } = await run(process.execPath, [join(dir, "quickstart.mjs")], { cwd: dir });
      const periods = (pagedOperations[0]?.items ?? []) as {
        from_datetime: string;
        total_amount: { value: number; currency_code: string };
      }[];
      expect(periods).toHaveLength(4);
      expect(stdout.trim().split("\n")).toEqual(
        periods.map((p) => `${p.from_datetime} ${p.total_amount.value} ${p.total_amount.currency_code}`),
      );
    } finally {
      if (mock.exitCode === null && mock.signalCode === null) {
        // The mock stops its Prisms before it exits; waiting for that leaves nothing running.
        const exited = new Promise((resolve) => mock.once("exit", resolve));
        mock.kill("SIGTERM");
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
