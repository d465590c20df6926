// The export engine without a process: a fake source, a temp folder. Pages are appended with the
// checkpoint in step; a rerun with --resume after a stop at any page writes exactly the missing
// rows; a failing customer is reported and the others go on.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { checkpointPathFor } from "../../../src/cli/checkpoint";
import type { Customer } from "../../../src/cli/customers";
import { type ExportPlan, runExport } from "../../../src/cli/export";
import type { ExportSource } from "../../../src/cli/sources";
import { UsageError } from "../../../src/cli/usage";

/** A source with `pagesPer` pages of two rows per customer; `failing` customers throw on page 2. */
function fakeSource({ pagesPer = 3, failing = [] as string[], stopAfter = Number.POSITIVE_INFINITY } = {}) {
  let served = 0;
  const controller = new AbortController();
  const source: ExportSource = {
    columns: [
      { name: "customer_id", kind: "text" },
      { name: "page", kind: "number" },
      { name: "n", kind: "number" },
    ],
    check: () => undefined,
    async *pages(customer, fromPage) {
      for (let page = fromPage; page <= pagesPer; page++) {
        if (failing.includes(customer.id) && page === 2) throw new Error(`no page 2 for ${customer.id}`);
        served += 1;
        // The stop arrives while this page is in hand: it is still written, then the walk ends.
        if (served >= stopAfter) controller.abort();
        yield { page, rows: [1, 2].map((n) => ({ customer_id: customer.id, page, n })) };
      }
    },
  };
  return { source, signal: controller.signal };
}

const customers: Customer[] = ["a", "b", "c", "d"].map((id, i) => ({ id, where: `line ${i + 1}` }));
const sink = () => {
  const lines: string[] = [];
  const write = (text: string) => {
    lines.push(text);
    return true;
  };
  return { lines, stream: { write, once: () => undefined } };
};

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "export-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function plan(source: ExportSource, overrides: Partial<ExportPlan> = {}): ExportPlan {
  return {
    source,
    customers,
    format: "csv",
    out: join(dir, "usage.csv"),
    resume: false,
    concurrency: 2,
    fingerprint: "f1",
    quiet: true,
    ...overrides,
  };
}

const sortedRows = (file: string) => readFileSync(file, "utf8").split("\r\n").filter(Boolean).sort();

describe("the export", () => {
  test("writes every customer's pages to standard output, header first", async () => {
    const { source, signal } = fakeSource({ pagesPer: 2 });
    const out = sink();
    const outcome = await runExport(plan(source, { out: undefined }), {
      stdout: out.stream,
      stderr: sink().stream,
      signal,
    });
    expect(outcome).toMatchObject({ exported: 4, pages: 8, rows: 16, interrupted: false, failed: [] });
    expect(out.lines[0]).toBe("customer_id,page,n\r\n");
    expect(out.lines.join("").split("\r\n").filter(Boolean)).toHaveLength(17);
  });

  test("a finished file export leaves no checkpoint", async () => {
    const { source, signal } = fakeSource();
    await runExport(plan(source), { stdout: sink().stream, stderr: sink().stream, signal });
    expect(sortedRows(join(dir, "usage.csv"))).toHaveLength(25);
    expect(() => readFileSync(checkpointPathFor(join(dir, "usage.csv")))).toThrow();
  });

  test.each([1, 2, 5, 7, 11])(
    "stopped after page %i, then resumed, it holds exactly the rows of an uninterrupted run",
    async (stopAfter) => {
      const whole = fakeSource();
      await runExport(plan(whole.source, { out: join(dir, "whole.csv") }), {
        stdout: sink().stream,
        stderr: sink().stream,
        signal: whole.signal,
      });
      const first = fakeSource({ stopAfter });
      const stopped = await runExport(plan(first.source), {
        stdout: sink().stream,
        stderr: sink().stream,
        signal: first.signal,
      });
      expect(stopped.interrupted).toBe(true);
      const again = fakeSource();
      await runExport(plan(again.source, { resume: true }), {
        stdout: sink().stream,
        stderr: sink().stream,
        signal: again.signal,
      });
      expect(sortedRows(join(dir, "usage.csv"))).toEqual(sortedRows(join(dir, "whole.csv")));
    },
  );

  test("a torn line after the last checkpoint is cut on resume", async () => {
    const first = fakeSource({ stopAfter: 3 });
    await runExport(plan(first.source), { stdout: sink().stream, stderr: sink().stream, signal: first.signal });
    const file = join(dir, "usage.csv");
    writeFileSync(file, `${readFileSync(file, "utf8")}a,3,1\r\nb,9,`);
    const again = fakeSource();
    await runExport(plan(again.source, { resume: true }), {
      stdout: sink().stream,
      stderr: sink().stream,
      signal: again.signal,
    });
    const rows = sortedRows(file);
    expect(rows).toHaveLength(25);
    expect(new Set(rows).size).toBe(25);
  });

  test("a failing customer is reported, the others are exported, and --resume retries only it", async () => {
    const { source, signal } = fakeSource({ failing: ["b"] });
    const errors = sink();
    const outcome = await runExport(plan(source, { quiet: false }), {
      stdout: sink().stream,
      stderr: errors.stream,
      signal,
    });
    expect(outcome.failed.map((f) => f.key)).toEqual(["b"]);
    expect(outcome.exported).toBe(3);
    expect(errors.lines.join("")).toContain("failed b: Error: no page 2 for b");
    const retry = fakeSource();
    const second = await runExport(plan(retry.source, { resume: true }), {
      stdout: sink().stream,
      stderr: sink().stream,
      signal: retry.signal,
    });
    expect(second).toMatchObject({ exported: 1, pages: 2 });
    expect(sortedRows(join(dir, "usage.csv"))).toHaveLength(25);
  });

  test("a checkpoint without --resume, or of another export, is refused", async () => {
    const first = fakeSource({ stopAfter: 2 });
    await runExport(plan(first.source), { stdout: sink().stream, stderr: sink().stream, signal: first.signal });
    const io = { stdout: sink().stream, stderr: sink().stream, signal: new AbortController().signal };
    await expect(runExport(plan(fakeSource().source), io)).rejects.toThrow(UsageError);
    await expect(runExport(plan(fakeSource().source, { resume: true, fingerprint: "other" }), io)).rejects.toThrow(
      /was written by a different export/,
    );
  });

  test("the output failing ends the run instead of failing every customer in turn", async () => {
    const { source, signal } = fakeSource();
    let writes = 0;
    const broken = {
      write: () => {
        writes += 1;
        if (writes > 2) throw Object.assign(new Error("ENOSPC: no space left on device"), { code: "ENOSPC" });
        return true;
      },
      once: () => undefined,
    };
    await expect(
      runExport(plan(source, { out: undefined, concurrency: 1 }), { stdout: broken, stderr: sink().stream, signal }),
    ).rejects.toThrow(/ENOSPC/);
    expect(writes).toBe(3);
  });
});
