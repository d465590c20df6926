// The progress line on a real terminal: `script` gives the command a pseudo-terminal as a user's
// shell would, and what the terminal received is read back. Piped, the same run writes a plain line
// per customer and no control characters.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { CHILD_PROCESS_TEST_TIMEOUT_MS } from "../../helpers/child-process";
import { CLI, CLI_ENV, readCsvWithPython, runCli } from "../../helpers/cli";
import { type ExportServer, startExportServer } from "../../helpers/export-server";

const run = promisify(execFile);
const quote = (arg: string) => `'${arg.replaceAll("'", "'\\''")}'`;

let dir: string;
let server: ExportServer;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "cli-tty-"));
  server = await startExportServer({ pages: 3, delayMs: 80 });
});
afterEach(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const exportArgs = (out: string) => [
  "export",
  "paypal",
  "--customer",
  "cust_a,sub_1",
  "--customer",
  "cust_b,sub_1",
  "--concurrency",
  "1",
  "--base-url",
  server.url,
  "--out",
  out,
];

describe("progress as users see it", () => {
  test(
    "on a terminal, one line redrawn in place; the data goes to the file",
    async () => {
      const out = join(dir, "usage.csv");
      const command = [process.execPath, CLI, ...exportArgs(out)].map(quote).join(" ");
      // script -e returns the command's exit status; -q keeps script's own banner out.
      const { stdout: screen } = await run("script", ["-qefc", command, "/dev/null"], { env: CLI_ENV });
      // Each redraw starts with CR and "erase line" (ESC [2K); written here as the terminal got them.
      const redraw = "\r\u001b[2K";
      const lines = screen.split(redraw).slice(1);
      expect(lines[0]).toMatch(/^customers 0\/2, pages 1, rows 2, \d+ rows\/s$/);
      expect(lines).toContainEqual(expect.stringMatching(/^customers 1\/2, pages 3, rows 6, \d+ rows\/s, ETA \d+s$/));
      expect(lines.at(-1)).toMatch(/^export: 2 customers, 6 pages, 12 rows in [\d.]+ s \(\d+ rows\/s\)\r?\n$/);
      expect(screen).not.toContain("exported cust_a");
      expect(await readCsvWithPython(out)).toHaveLength(13);
    },
    CHILD_PROCESS_TEST_TIMEOUT_MS,
  );

  test(
    "piped, a plain line per finished customer and no control characters",
    async () => {
      const piped = await runCli(exportArgs(join(dir, "piped.csv")));
      expect(piped.code).toBe(0);
      expect(piped.stderr).not.toContain("\x1b");
      expect(piped.stderr.split("\n").slice(0, 2)).toEqual([
        "exported cust_a,sub_1: 3 pages, 6 rows",
        "exported cust_b,sub_1: 3 pages, 6 rows",
      ]);
    },
    CHILD_PROCESS_TEST_TIMEOUT_MS,
  );
});
