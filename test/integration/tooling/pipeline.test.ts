// The pipeline's guards themselves: the drift check fails when a spec changes without regenerating,
// and strict lint refuses a bad example. Both run on a throwaway copy of just what the pipeline
// reads (the specs, generated/, redocly.yaml and the generate scripts). That generate:check passes
// on an unchanged tree is what `npm test` itself runs, on the real one.
import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { projectRoot } from "../../../scripts/lib/apis.mjs";

const run = promisify(execFile);
const PIPELINE_FILES = [
  "spec",
  "generated",
  "redocly.yaml",
  "scripts/generate.mjs",
  "scripts/generate-check.mjs",
  "scripts/lib",
];
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
  for (const entry of PIPELINE_FILES) cpSync(join(projectRoot, entry), join(copy, entry), { recursive: true });
  symlinkSync(join(projectRoot, "node_modules"), join(copy, "node_modules"));
  await sh("git", ["init", "-q"]);
  await sh("git", ["add", "-A"]);
  await sh("git", ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "copy"]);
});

afterAll(() => {
  if (copy) rmSync(copy, { recursive: true, force: true });
});

function editSpec(file: string, from: string, to: string): void {
  const path = join(copy, "spec", file);
  const text = readFileSync(path, "utf8");
  if (!text.includes(from)) throw new Error(`${from} not in ${file}`);
  writeFileSync(path, text.replace(from, to));
}

describe("generate pipeline", () => {
  test("generate:check fails when a spec changed and generated/ was not regenerated, naming only that output", async () => {
    editSpec(
      "prolifi.yaml",
      "description: Total number of events reported.",
      "description: Events reported, in total.",
    );
    const { code, output } = await sh(process.execPath, ["scripts/generate-check.mjs"]);
    expect(code).toBe(1);
    expect(output).toContain("generated/prolifi.ts");
    // The untouched spec regenerates to exactly what is committed: the copy itself is sound.
    expect(output).not.toContain("generated/paypal-billing");
    await sh("git", ["checkout", "--", "."]);
  });

  test("lint fails on an example that breaks its own schema", async () => {
    editSpec("paypal-billing.yaml", "total_count: 12", "total_count: twelve");
    const { code, output } = await sh(join(copy, "node_modules/.bin/redocly"), ["lint", "paypal-billing"]);
    expect(code).toBe(1);
    expect(output).toContain("no-invalid-media-type-examples");
    await sh("git", ["checkout", "--", "."]);
  });
});
