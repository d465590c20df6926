// The export itself, with no process around it: customers in, rows out, page by page as they
// arrive, `concurrency` customers at once on one client. A customer that fails is reported and the
// run goes on; an abort (SIGINT, SIGTERM) stops it after the page being written, checkpoint saved.
import { type CheckpointedFile, openCheckpointed } from "./checkpoint";
import { type Format, rowWriter } from "./csv";
import { type Customer, customerKey } from "./customers";
import { createProgress, type ProgressStream } from "./progress";
import type { ExportSource } from "./sources";

/** A writable stream as process.stdout is one: `write` returns false when it wants a `drain`. */
export interface OutputStream {
  write(text: string): boolean;
  once(event: "drain", listener: () => void): unknown;
}

export interface ExportPlan {
  readonly source: ExportSource;
  readonly customers: readonly Customer[];
  readonly format: Format;
  /** A file to write (and checkpoint); standard output when undefined. */
  readonly out: string | undefined;
  readonly resume: boolean;
  readonly concurrency: number;
  /** What the export is; a resumed checkpoint must have been written for the same. */
  readonly fingerprint: string;
  readonly quiet: boolean;
}

export interface ExportIO {
  readonly stdout: OutputStream;
  readonly stderr: ProgressStream;
  readonly signal: AbortSignal;
}

export interface ExportOutcome {
  readonly exported: number;
  readonly failed: readonly { key: string; error: unknown }[];
  readonly interrupted: boolean;
  readonly pages: number;
  readonly rows: number;
}

/** Where pages go: a checkpointed file, or a stream that cannot resume. */
interface Sink {
  /** The first page still to write for `key`, or undefined when the customer is done. */
  fromPage(key: string): number | undefined;
  append(text: string, key: string, page: number): void | Promise<void>;
  finish(key: string): void;
  close(complete: boolean): void;
}

function fileSink(file: CheckpointedFile): Sink {
  return {
    fromPage(key) {
      const saved = file.state.customers[key];
      return saved?.done ? undefined : (saved?.page ?? 0) + 1;
    },
    append: (text, key, page) => file.append(text, key, page),
    finish: (key) => file.finish(key),
    close: (complete) => file.close(complete),
  };
}

function streamSink(stream: OutputStream, header: string): Sink {
  const write = (text: string) =>
    new Promise<void>((resolve) => (stream.write(text) ? resolve() : stream.once("drain", resolve)));
  let pending = header === "" ? Promise.resolve() : write(header);
  return {
    fromPage: () => 1,
    append(text) {
      pending = pending.then(() => write(text));
      return pending;
    },
    finish() {},
    close() {},
  };
}

export async function runExport(plan: ExportPlan, io: ExportIO): Promise<ExportOutcome> {
  const writer = rowWriter(plan.format, plan.source.columns);
  const sink =
    plan.out === undefined
      ? streamSink(io.stdout, writer.header)
      : fileSink(openCheckpointed(plan.out, plan.fingerprint, writer.header, plan.resume));
  const queue = plan.customers.filter((customer) => sink.fromPage(customerKey(customer)) !== undefined);
  const progress = createProgress(io.stderr, { total: queue.length, quiet: plan.quiet });
  const failed: { key: string; error: unknown }[] = [];
  let exported = 0;
  let pages = 0;
  let rows = 0;
  const started = performance.now();

  async function exportOne(customer: Customer): Promise<void> {
    const key = customerKey(customer);
    let customerPages = 0;
    let customerRows = 0;
    let writing = false;
    try {
      for await (const page of plan.source.pages(customer, sink.fromPage(key) ?? 1, io.signal)) {
        // Rows that arrived are whole: written even when the run is stopping, then the walk ends.
        writing = true;
        await sink.append(writer.lines(page.rows), key, page.page);
        writing = false;
        customerPages += 1;
        customerRows += page.rows.length;
        pages += 1;
        rows += page.rows.length;
        progress.page(page.rows.length);
        if (io.signal.aborted) return;
      }
      if (io.signal.aborted) return;
      sink.finish(key);
      exported += 1;
      progress.customerDone(key, customerPages, customerRows);
    } catch (error) {
      // The output failing (a full disk) ends the run: every customer after would fail the same way.
      if (writing) throw error;
      // A call ended by the stop is the interruption, not this customer's failure.
      if (io.signal.aborted) return;
      failed.push({ key, error });
      progress.customerFailed(key, error);
    }
  }

  async function worker(): Promise<void> {
    for (let customer = queue.shift(); customer && !io.signal.aborted; customer = queue.shift()) {
      await exportOne(customer);
    }
  }

  try {
    await Promise.all(Array.from({ length: Math.min(plan.concurrency, queue.length) }, worker));
  } finally {
    sink.close(!io.signal.aborted && failed.length === 0);
  }
  const seconds = (performance.now() - started) / 1000;
  const rate = seconds > 0 ? Math.round(rows / seconds) : rows;
  const failures = failed.length > 0 ? `; ${failed.length} failed: ${failed.map((f) => f.key).join(", ")}` : "";
  const stopped = io.signal.aborted ? "interrupted; " : "";
  progress.finish(
    `export: ${stopped}${exported} customers, ${pages} pages, ${rows} rows in ${seconds.toFixed(1)} s (${rate} rows/s)${failures}`,
  );
  return { exported, failed, interrupted: io.signal.aborted, pages, rows };
}
