// What a run says on standard error. On a terminal: one line redrawn in place (customers done of
// all, pages, rows, rate, ETA). Elsewhere (a log, a pipe): one line per finished customer. With
// --quiet: errors only. Failures are always said, on a line of their own.

export interface ProgressStream {
  write(text: string): unknown;
  readonly isTTY?: boolean | undefined;
}

export interface Progress {
  page(rows: number): void;
  customerDone(key: string, pages: number, rows: number): void;
  customerFailed(key: string, error: unknown): void;
  /** Clears the live line and says the totals. */
  finish(summary: string): void;
}

/** The live line is redrawn at most this often. */
const REDRAW_MS = 200;

const CLEAR_LINE = "\r\x1b[2K";

function duration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  return minutes < 60 ? `${minutes}m ${seconds % 60}s` : `${Math.floor(minutes / 60)}h ${minutes % 60}m`;
}

/** One line naming the error: its name and message (messages never carry a secret). */
export const describeError = (error: unknown): string =>
  error instanceof Error ? `${error.name}: ${error.message}` : String(error);

export function createProgress(
  stream: ProgressStream,
  { total, quiet, now = () => performance.now() }: { total: number; quiet: boolean; now?: () => number },
): Progress {
  const live = stream.isTTY === true && !quiet;
  const started = now();
  let customers = 0;
  let pages = 0;
  let rows = 0;
  let drawnAt = Number.NEGATIVE_INFINITY;
  let drawn = false;

  const draw = (force = false) => {
    if (!live) return;
    const at = now();
    if (!force && at - drawnAt < REDRAW_MS) return;
    drawnAt = at;
    const elapsed = at - started;
    const rate = elapsed > 0 ? Math.round((rows * 1000) / elapsed) : 0;
    const eta =
      customers > 0 && customers < total ? `, ETA ${duration((elapsed / customers) * (total - customers))}` : "";
    stream.write(`${CLEAR_LINE}customers ${customers}/${total}, pages ${pages}, rows ${rows}, ${rate} rows/s${eta}`);
    drawn = true;
  };
  /** A line of its own, above the live line (which is drawn again after it). */
  const say = (line: string) => {
    stream.write(`${live && drawn ? CLEAR_LINE : ""}${line}\n`);
    drawn = false;
    draw(true);
  };

  return {
    page(count) {
      pages += 1;
      rows += count;
      draw();
    },
    customerDone(key, customerPages, customerRows) {
      customers += 1;
      if (live) draw(true);
      else if (!quiet) say(`exported ${key}: ${customerPages} pages, ${customerRows} rows`);
    },
    customerFailed(key, error) {
      customers += 1;
      say(`failed ${key}: ${describeError(error)}`);
    },
    finish(summary) {
      if (live && drawn) stream.write(CLEAR_LINE);
      if (!quiet) stream.write(`${summary}\n`);
    },
  };
}
