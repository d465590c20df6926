// The pipeline's guards themselves: the drift check fails when a spec changes without regenerating,
// and strict lint refuses a bad example. Both run on a throwaway copy of just what the pipeline
// reads (the specs, generated/, redocly.yaml and the generate scripts), whose redocly.yaml lists the
// Prolifi API alone, so the drift check regenerates one API, not both. That generate:check passes
// on an unchanged tree is what `npm test` itself runs, on the real one.
import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { projectRoot } from "../../../scripts/lib/apis.mjs";
import { CHILD_PROCESS_TEST_TIMEOUT_MS } from "../../helpers/child-process";

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
  const config = readFileSync(join(copy, "redocly.yaml"), "utf8");
  const prolifiOnly = config.replace(/\n {2}paypal-billing:\n( {4}.*\n)+/, "\n");
  if (prolifiOnly === config) throw new Error("redocly.yaml no longer lists paypal-billing as this test expects");
  writeFileSync(join(copy, "redocly.yaml"), prolifiOnly);
  await sh("git", ["init", "-q"]);
  await sh("git", ["add", "-A"]);
  await sh("git", ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "copy"]);
}, CHILD_PROCESS_TEST_TIMEOUT_MS);

// Each test edits the copy; whatever happened in it, the next one starts from the committed copy.
afterEach(async () => {
  if (copy) await sh("git", ["checkout", "--", "."]);
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

describe("generate pipeline", { timeout: CHILD_PROCESS_TEST_TIMEOUT_MS }, () => {
  test("generate:check fails when a spec changed and generated/ was not regenerated, naming only that output", async () => {
    editSpec(
      "prolifi.yaml",
      "description: Total number of events reported.",
      "description: Events reported, in total.",
    );
    const { code, output } = await sh(process.execPath, ["scripts/generate-check.mjs"]);
    expect(code).toBe(1);
    // Exactly the types file drifted (a description is not in the .meta tables): the copy is sound.
    expect(output).toMatch(/out of date with spec\/; run `npm run generate` and commit:\n M generated\/prolifi\.ts\n/);
    expect(output).not.toContain("M generated/prolifi.meta.ts");
  });

  test("lint fails on an example that breaks its own schema", async () => {
    editSpec("paypal-billing.yaml", "total_count: 12", "total_count: twelve");
    const { code, output } = await sh(join(copy, "node_modules/.bin/redocly"), ["lint", "spec/paypal-billing.yaml"]);
    expect(code).toBe(1);
    expect(output).toContain("no-invalid-media-type-examples");
  });
});
