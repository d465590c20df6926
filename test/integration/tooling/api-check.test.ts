// `npm run api:check` can fail: on a copy of the tree, an added export, a removed one and a changed
// option type in the built .d.ts each make it exit non-zero and print the difference. (That it
// passes on the real tree is npm test's own api:check step.)
import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, test } from "vitest";
import { projectRoot } from "../../../scripts/lib/apis.mjs";
import { CHILD_PROCESS_TEST_TIMEOUT_MS } from "../../helpers/child-process";

const run = promisify(execFile);
const API_CHECK_FILES = [
  "dist",
  "package.json",
  "tsdoc.json",
  "test/api-reports",
  "scripts/api-report.mjs",
  "scripts/lib",
];
let copy: string | undefined;

afterEach(() => {
  if (copy) rmSync(copy, { recursive: true, force: true });
  copy = undefined;
});

function copyTree(): string {
  copy = mkdtempSync(join(tmpdir(), "billing-usage-api-"));
  for (const entry of API_CHECK_FILES) cpSync(join(projectRoot, entry), join(copy, entry), { recursive: true });
  symlinkSync(join(projectRoot, "node_modules"), join(copy, "node_modules"));
  return copy;
}

/** The built declaration file (an entry point's, or a shared chunk) that holds `marker`. */
function declarationsHolding(dir: string, marker: string): string {
  const file = readdirSync(join(dir, "dist"))
    .filter((name) => name.endsWith(".d.ts"))
    .find((name) => readFileSync(join(dir, "dist", name), "utf8").includes(marker));
  if (!file) throw new Error(`no built .d.ts holds ${marker}`);
  return file;
}

/** Edits one built declaration file of the copy. */
function editDeclarations(dir: string, name: string, edit: (text: string) => string): void {
  const file = join(dir, "dist", name);
  const before = readFileSync(file, "utf8");
  const after = edit(before);
  if (after === before) throw new Error(`the edit changed nothing in ${file}`);
  writeFileSync(file, after);
}

async function apiCheck(dir: string, entries: string[]): Promise<{ code: number; output: string }> {
  const args = ["scripts/api-report.mjs", ...entries.flatMap((entry) => ["--entry", entry])];
  return run(process.execPath, args, { cwd: dir, env: { ...process.env, NO_COLOR: "1" } }).then(
    ({ stdout, stderr }) => ({ code: 0, output: stdout + stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({
      code: error.code,
      output: error.stdout + error.stderr,
    }),
  );
}

describe("api:check", { timeout: CHILD_PROCESS_TEST_TIMEOUT_MS }, () => {
  test("fails on an added export, a removed one and a changed option type, printing each", async () => {
    // One copy, one run: each entry point checked holds one kind of change, and each is printed.
    const dir = copyTree();
    editDeclarations(dir, "prolifi.d.ts", (text) => `${text}\nexport declare const ADDED_FOR_TEST: number;\n`);
    editDeclarations(dir, "paypal.d.ts", (text) => text.replace(/(export \{[^}]*)\bPAYPAL_LIVE_URL, /, "$1"));
    editDeclarations(dir, declarationsHolding(dir, "interface ProlifiClientOptions"), (text) =>
      text.replace(/(interface ProlifiClientOptions[^{]*\{[^}]*?apiKey\?: )string/, "$1number"),
    );
    const { code, output } = await apiCheck(dir, ["billing-usage/prolifi", "billing-usage/paypal"]);
    expect(code).toBe(1);
    expect(output).toContain("api: billing-usage/prolifi differs from test/api-reports/billing-usage-prolifi.api.md");
    expect(output).toContain("+ export const ADDED_FOR_TEST: number;");
    expect(output).toContain("-     apiKey?: string | undefined;");
    expect(output).toContain("+     apiKey?: number | undefined;");
    expect(output).toContain("api: billing-usage/paypal differs from test/api-reports/billing-usage-paypal.api.md");
    expect(output).toContain("- export const PAYPAL_LIVE_URL: string;");
  });
});
