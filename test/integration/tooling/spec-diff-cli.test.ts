// `npm run spec:diff` as a command: what it prints, and its exit code with --fail-on-breaking.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, test } from "vitest";
import { stringify } from "yaml";
import { projectRoot } from "../../../scripts/lib/apis.mjs";
import { CHILD_PROCESS_TEST_TIMEOUT_MS } from "../../helpers/child-process";
import { baseSpec, type Spec, THING } from "../../helpers/tiny-spec";

const run = promisify(execFile);

describe("npm run spec:diff", { timeout: CHILD_PROCESS_TEST_TIMEOUT_MS }, () => {
  test("prints each change and fails with --fail-on-breaking only when something breaks", async () => {
    const dir = mkdtempSync(join(tmpdir(), "billing-usage-spec-diff-"));
    try {
      const write = (name: string, spec: Spec) => {
        writeFileSync(join(dir, name), stringify(spec));
        return join(dir, name);
      };
      const before = write("before.yaml", baseSpec());
      const widened = baseSpec();
      widened.paths["/things/{id}"].get.parameters[1].schema.maximum = 500;
      const narrowed = baseSpec();
      narrowed.paths["/things/{id}"].get.parameters[1].schema.maximum = 10;
      const script = join(projectRoot, "scripts/spec-diff.mjs");

      const compatible = await run(process.execPath, [
        script,
        "--fail-on-breaking",
        before,
        write("widened.yaml", widened),
      ]);
      expect(compatible.stdout).toContain(`compatible  ${THING} query parameter limit: maximum 100 → 500`);
      expect(compatible.stdout).toContain("spec:diff: 0 breaking, 1 compatible");

      const failure = await run(process.execPath, [
        script,
        "--fail-on-breaking",
        before,
        write("narrowed.yaml", narrowed),
      ]).catch((e: unknown) => e as { code: number; stdout: string });
      expect(failure).toMatchObject({ code: 1 });
      expect((failure as { stdout: string }).stdout).toContain("spec:diff: 1 breaking, 0 compatible");

      const unknownRef = await run(process.execPath, [script, "--base", "no-such-ref"]).catch(
        (e: unknown) => e as { code: number; stderr: string },
      );
      expect(unknownRef).toMatchObject({
        code: 2,
        stderr: expect.stringContaining("no-such-ref is not a commit here"),
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
