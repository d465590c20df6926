// Exactly-once output across kills. The output file is only ever appended to, and after each page
// the checkpoint beside it records how many bytes are whole and, per customer, the last page those
// bytes hold. The checkpoint is replaced atomically (a temporary file renamed over it), always after
// the rows it counts were written. A resumed run cuts the file back to the recorded length (dropping
// rows written after the last checkpoint, a torn line among them) and goes on from there: whatever
// moment a run was killed at, no row is lost or written twice.
import {
  closeSync,
  existsSync,
  ftruncateSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { UsageError } from "./usage";

export interface CheckpointState {
  /** What the export was: provider, format, filters and the customer list. A resume must match it. */
  readonly fingerprint: string;
  /** Bytes of the output file that are whole and counted below. */
  bytes: number;
  /** Per customer key, the last page written, and whether the customer is finished. */
  readonly customers: Record<string, { page: number; done: boolean }>;
}

const VERSION = 1;

export const checkpointPathFor = (out: string): string => `${out}.checkpoint.json`;

/** An output file that appends whole pages and keeps its checkpoint in step. */
export interface CheckpointedFile {
  readonly state: CheckpointState;
  /** Appends `text` (whole lines) and records `page` for `key`, then saves the checkpoint. */
  append(text: string, key: string, page: number): void;
  /** Marks `key` finished and saves the checkpoint. */
  finish(key: string): void;
  /** Closes the file; removes the checkpoint when `complete`, keeps it for --resume otherwise. */
  close(complete: boolean): void;
}

function load(path: string, fingerprint: string): CheckpointState {
  let saved: { version?: unknown; fingerprint?: unknown; bytes?: unknown; customers?: unknown };
  try {
    saved = JSON.parse(readFileSync(path, "utf8"));
  } catch {
    throw new UsageError(`${path} is not a checkpoint this command wrote; delete it to start over`);
  }
  if (saved.version !== VERSION || typeof saved.bytes !== "number" || typeof saved.customers !== "object") {
    throw new UsageError(`${path} is not a checkpoint this command wrote; delete it to start over`);
  }
  if (saved.fingerprint !== fingerprint) {
    throw new UsageError(
      `${path} was written by a different export (provider, format, filters or customers differ); rerun that one, or delete it to start over`,
    );
  }
  return { fingerprint, bytes: saved.bytes, customers: saved.customers as CheckpointState["customers"] };
}

/**
 * Opens `out` for an export. Fresh: the file is emptied and `header` written. With `resume` and a
 * checkpoint: the file is cut back to its recorded length. A checkpoint without `resume` is refused:
 * starting over would throw away an interrupted export.
 */
export function openCheckpointed(out: string, fingerprint: string, header: string, resume: boolean): CheckpointedFile {
  const path = checkpointPathFor(out);
  const resuming = existsSync(path);
  if (resuming && !resume) {
    throw new UsageError(
      `${out} holds an interrupted export (${path}); add --resume to finish it, or delete the checkpoint`,
    );
  }
  const state: CheckpointState = resuming ? load(path, fingerprint) : { fingerprint, bytes: 0, customers: {} };
  const fd = openSync(out, resuming ? "r+" : "w");
  const save = () => {
    writeFileSync(`${path}.tmp`, JSON.stringify({ version: VERSION, ...state }));
    renameSync(`${path}.tmp`, path);
  };
  const write = (text: string) => {
    const bytes = Buffer.from(text);
    // Synchronous: a signal handler runs between writes, never inside one, so SIGINT cannot tear a line.
    for (let done = 0; done < bytes.length; )
      done += writeSync(fd, bytes, done, bytes.length - done, state.bytes + done);
    state.bytes += bytes.length;
  };
  if (resuming) ftruncateSync(fd, state.bytes);
  else {
    write(header);
    save();
  }
  return {
    state,
    append(text, key, page) {
      write(text);
      state.customers[key] = { page, done: false };
      save();
    },
    finish(key) {
      state.customers[key] = { page: state.customers[key]?.page ?? 0, done: true };
      save();
    },
    close(complete) {
      closeSync(fd);
      if (complete) rmSync(path, { force: true });
    },
  };
}
