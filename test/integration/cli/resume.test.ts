// Interrupted exports, resumed: SIGKILL at 20 seeded moments (each after a seeded number of finished
// customers plus a seeded delay, so every kill lands mid-run), then --resume, must give exactly the
// rows of an uninterrupted run: none missing, none twice, no torn line. SIGINT and SIGTERM finish the
// page being written, keep the checkpoint and exit 130. Rows are compared as csv-parse reads them
// strictly (a torn line fails it), the uninterrupted reference checked against Python's csv module.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { checkpointPathFor } from "../../../src/cli/checkpoint";
import { CHILD_PROCESS_TEST_TIMEOUT_MS } from "../../helpers/child-process";
import { finished, readCsvWithPython, runCli, startCli } from "../../helpers/cli";
import { type ExportServer, startExportServer } from "../../helpers/export-server";

const KILL_POINTS = 20;
/** Kill points run as two chains of ten: each run of a chain resumes the one killed before it. */
const CHAINS = 2;
const CUSTOMERS = ["cust_a", "cust_b", "flaky_c", "cust_d", "cust_e", "cust_f"].map((id) => `${id},sub_1`).join("\n");
/** Enough work that ten kills, each after one or two customers (so a checkpoint exists), leave some for the final run. */
const CHAIN_CUSTOMERS = Array.from({ length: 30 }, (_, i) => `${i % 7 === 3 ? "flaky" : "cust"}_${i},sub_1`).join("\n");

let dir: string;
let server: ExportServer;
let expected: string[];
let expectedChain: string[];

const args = (out: string, ...extra: string[]) => [
  "export",
  "paypal",
  "--customers",
  "-",
  "--base-url",
  server.url,
  "--out",
  out,
  "--concurrency",
  "2",
  ...extra,
];
/** Rows as csv-parse reads them, strictly, sorted: concurrent customers interleave in any order. */
const rowsOf = (file: string) => (parse(readFileSync(file)) as string[][]).map((row) => JSON.stringify(row)).sort();

/** A small seeded generator (mulberry32), so the kill points are the same on every run. */
function seeded(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Starts an export and kills it with `signal` once `customersDone` customers finished and `delayMs` more passed. */
async function interrupted(
  out: string,
  signal: NodeJS.Signals,
  customersDone: number,
  delayMs: number,
  { input = CUSTOMERS, resume = false } = {},
) {
  const child = startCli(resume ? args(out, "--resume") : args(out), { input });
  let seen = 0;
  let sent = false;
  const kill = () => {
    if (sent) return;
    sent = true;
    setTimeout(() => child.kill(signal), delayMs);
  };
  child.stderr.on("data", (chunk: Buffer) => {
    seen += (chunk.toString().match(/^exported /gm) ?? []).length;
    if (seen >= customersDone) kill();
  });
  if (customersDone === 0) kill();
  return finished(child);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "cli-resume-"));
  server = await startExportServer({ pages: 4, delayMs: 5 });
  const whole = join(dir, "whole.csv");
  const run = await runCli(args(whole), { input: CUSTOMERS });
  expect(run.code).toBe(0);
  expect(existsSync(checkpointPathFor(whole))).toBe(false);
  expected = rowsOf(whole);
  // The reference itself is read by Python's csv module too, so the comparison rests on two parsers.
  expect((await readCsvWithPython(whole)).map((row) => JSON.stringify(row)).sort()).toEqual(expected);
  const wholeChain = join(dir, "whole-chain.csv");
  expect((await runCli(args(wholeChain), { input: CHAIN_CUSTOMERS })).code).toBe(0);
  expectedChain = rowsOf(wholeChain);
  expect(expected).toHaveLength(1 + 6 * 4 * 2);
}, CHILD_PROCESS_TEST_TIMEOUT_MS);

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("resuming an interrupted export", () => {
  test(
    `${KILL_POINTS} SIGKILLs at seeded moments, each run resuming the last, end with exactly the uninterrupted rows`,
    async () => {
      const random = seeded(20261206);
      let cutShort = 0;
      // Two chains at once, each in its own file: the waits overlap, the outcomes do not.
      await Promise.all(
        Array.from({ length: CHAINS }, async (_, chain) => {
          const out = join(dir, `chain-${chain}.csv`);
          for (let point = 0; point < KILL_POINTS / CHAINS; point++) {
            const killed = await interrupted(out, "SIGKILL", 1 + Math.floor(random() * 2), Math.floor(random() * 10), {
              input: CHAIN_CUSTOMERS,
              resume: point > 0,
            });
            if (killed.signal === "SIGKILL") cutShort += 1;
            // What the checkpoint counts is whole rows of the uninterrupted run, nothing else; a torn
            // line past it is what the next run cuts.
            const saved = JSON.parse(readFileSync(checkpointPathFor(out), "utf8")) as { bytes: number };
            const whole = (parse(readFileSync(out).subarray(0, saved.bytes)) as string[][]).map((row) =>
              JSON.stringify(row),
            );
            expect(
              whole.every((row) => expectedChain.includes(row)),
              `chain ${chain}, kill ${point}`,
            ).toBe(true);
            expect(new Set(whole).size, `chain ${chain}, kill ${point}: no row twice`).toBe(whole.length);
          }
          const resumed = await runCli(args(out, "--resume"), { input: CHAIN_CUSTOMERS });
          expect(resumed.code, `chain ${chain}: ${resumed.stderr}`).toBe(0);
          expect(rowsOf(out), `chain ${chain}`).toEqual(expectedChain);
          expect(existsSync(checkpointPathFor(out))).toBe(false);
        }),
      );
      console.log(`resume: ${cutShort} of ${KILL_POINTS} SIGKILLs landed mid-run, every one resumed exactly`);
      // Most kills landed mid-run (a run that ended before its kill proves nothing about resuming).
      expect(cutShort).toBeGreaterThanOrEqual(KILL_POINTS / 2);
    },
    CHILD_PROCESS_TEST_TIMEOUT_MS,
  );

  test.each(["SIGINT", "SIGTERM"] as const)(
    "%s finishes the page being written, keeps the checkpoint and exits 130; --resume completes it",
    async (signal) => {
      const out = join(dir, `${signal}.csv`);
      const stopped = await interrupted(out, signal, 1, 0);
      expect(stopped.code).toBe(130);
      expect(stopped.stderr).toMatch(/export: interrupted; /);
      expect(existsSync(checkpointPathFor(out))).toBe(true);
      // Whole lines only: strict CSV reading would fail on a torn one.
      const partial = rowsOf(out);
      expect(partial.length).toBeLessThan(expected.length);
      expect(partial.every((row) => expected.includes(row))).toBe(true);
      const resumed = await runCli(args(out, "--resume"), { input: CUSTOMERS });
      expect(resumed.code).toBe(0);
      expect(rowsOf(out)).toEqual(expected);
    },
    CHILD_PROCESS_TEST_TIMEOUT_MS,
  );

  test(
    "rerunning over an interrupted export without --resume is refused, exit 2",
    async () => {
      const out = join(dir, "refused.csv");
      await interrupted(out, "SIGKILL", 1, 0);
      const again = await runCli(args(out), { input: CUSTOMERS });
      expect(again.code).toBe(2);
      expect(again.stderr).toContain("holds an interrupted export");
    },
    CHILD_PROCESS_TEST_TIMEOUT_MS,
  );
});
