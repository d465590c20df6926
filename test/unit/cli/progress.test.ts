// What a run says on standard error: a redrawn line on a terminal, a line per customer elsewhere,
// errors only with --quiet.
import { describe, expect, test } from "vitest";
import { createProgress } from "../../../src/cli/progress";

function stream(isTTY: boolean) {
  let text = "";
  return {
    isTTY,
    write: (chunk: string) => {
      text += chunk;
    },
    get text() {
      return text;
    },
  };
}

describe("progress", () => {
  test("on a terminal, one line redrawn in place with counts, rate and ETA", () => {
    let now = 0;
    const tty = stream(true);
    const progress = createProgress(tty, { total: 4, quiet: false, now: () => now });
    now = 1_000;
    progress.page(10);
    progress.customerDone("a", 1, 10);
    now = 2_000;
    progress.page(10);
    progress.customerDone("b", 1, 10);
    progress.finish("export: done");
    expect(tty.text).toContain("\r\x1b[2Kcustomers 2/4, pages 2, rows 20, 10 rows/s, ETA 2s");
    expect(tty.text).not.toContain("exported a");
    expect(tty.text.endsWith("\r\x1b[2Kexport: done\n")).toBe(true);
  });

  test("elsewhere, a line per finished customer and no control characters", () => {
    const log = stream(false);
    const progress = createProgress(log, { total: 2, quiet: false });
    progress.page(3);
    progress.customerDone("a", 1, 3);
    progress.customerFailed("b", new TypeError("boom"));
    progress.finish("export: 1 customers");
    expect(log.text).toBe("exported a: 1 pages, 3 rows\nfailed b: TypeError: boom\nexport: 1 customers\n");
  });

  test("--quiet says errors only", () => {
    const log = stream(true);
    const progress = createProgress(log, { total: 2, quiet: true });
    progress.page(3);
    progress.customerDone("a", 1, 3);
    progress.customerFailed("b", new Error("boom"));
    progress.finish("export: 1 customers");
    expect(log.text).toBe("failed b: Error: boom\n");
  });
});
