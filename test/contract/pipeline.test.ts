// The pipeline's guards themselves: strict lint refuses a bad example, and the drift check fails
// when a spec changes without regenerating. Both run on a throwaway copy of the project.
import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { projectRoot } from "../../scripts/lib/apis.mjs";

const run = promisify(execFile);
let copy: string;

async function sh(cmd: string, args: string[]): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(cmd, args, { cwd: copy });
    return { code: 0, output: stdout + stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, output: err.stdout + err.stderr };
  }
}

beforeAll(async () => {
  copy = mkdtempSync(join(tmpdir(), "billing-usage-pipeline-"));
  for (const entry of ["spec", "generated", "scripts", "redocly.yaml"])
    cpSync(join(projectRoot, entry), join(copy, entry), { recursive: true });
  symlinkSync(join(projectRoot, "node_modules"), join(copy, "node_modules"));
  await sh("git", ["init", "-q"]);
  await sh("git", ["add", "-A"]);
  await sh("git", ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "copy"]);
});

afterAll(() => rmSync(copy, { recursive: true, force: true }));

function editSpec(file: string, from: string, to: string): void {
  const path = join(copy, "spec", file);
  const text = readFileSync(path, "utf8");
  if (!text.includes(from)) throw new Error(`${from} not in ${file}`);
  writeFileSync(path, text.replace(from, to));
}

describe("generate pipeline", () => {
  test("generate:check passes on an unchanged spec", async () => {
    const { code, output } = await sh(process.execPath, ["scripts/generate-check.mjs"]);
    expect(output).toContain("generated/ matches spec/");
    expect(code).toBe(0);
  });

  test("generate:check fails when a spec changed and generated/ was not regenerated", async () => {
    editSpec(
      "prolifi.yaml",
      "description: Total number of events reported.",
      "description: Events reported, in total.",
    );
    const { code, output } = await sh(process.execPath, ["scripts/generate-check.mjs"]);
    expect(code).toBe(1);
    expect(output).toContain("generated/prolifi.ts");
    await sh("git", ["checkout", "--", "."]);
  });

  test("lint fails on an example that breaks its own schema", async () => {
    editSpec("paypal-billing.yaml", "total_count: 12", "total_count: twelve");
    const { code, output } = await sh(join(copy, "node_modules/.bin/redocly"), ["lint"]);
    expect(code).toBe(1);
    expect(output).toContain("no-invalid-media-type-examples");
    await sh("git", ["checkout", "--", "."]);
  });
});
