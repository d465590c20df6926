// One Prism mock process for one spec, on a loopback port nobody else is told about: the mock's
// own front server (front.ts) is what users reach. Prism is spawned as `node <prism>/dist/index.js`,
// not through npx, whose parent leaves Prism running when killed.
import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { MockServerError } from "./errors";

/**
 * A Prism that exits is caught at once; this only stops waiting on one that hangs. Its start is a few
 * seconds of CPU, which a machine running three test suites at once can stretch past half a minute.
 */
const PRISM_START_TIMEOUT_MS = 120_000;
const POLL_INTERVAL_MS = 100;
/** Output kept for the error when Prism fails to start. */
const KEPT_OUTPUT_CHARS = 4_000;

export interface PrismProcess {
  url: string;
  pid: number;
  stop: () => Promise<void>;
}

/** The Prism CLI's entry script, from the project that installed this package. */
function prismEntry(from: string): string {
  try {
    const manifest = createRequire(from).resolve("@stoplight/prism-cli/package.json");
    return join(dirname(manifest), "dist", "index.js");
  } catch {
    throw new MockServerError(
      "PRISM_NOT_INSTALLED",
      "the mocks run Prism, which is not installed here: npm install --save-dev @stoplight/prism-cli@5",
    );
  }
}

/** Asks the OS for a loopback port that is free right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

async function answers(url: string): Promise<boolean> {
  try {
    await fetch(url, { signal: AbortSignal.timeout(1_000) });
    return true;
  } catch {
    return false;
  }
}

const hasExited = (child: ChildProcess): boolean => child.exitCode !== null || child.signalCode !== null;

/** Starts Prism on `spec` (an absolute path) and resolves once it answers. */
export async function startPrism(spec: string, resolveFrom: string): Promise<PrismProcess> {
  const port = await freePort();
  const args = [prismEntry(resolveFrom), "mock", spec, "-p", String(port), "-h", "127.0.0.1", "--errors"];
  const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const keep = (chunk: Buffer): void => {
    output = (output + chunk.toString()).slice(-KEPT_OUTPUT_CHARS);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async (): Promise<void> => {
    if (!hasExited(child)) child.kill("SIGTERM");
    await exited;
  };

  const url = `http://127.0.0.1:${port}`;
  const startedAt = performance.now();
  while (!(await answers(url))) {
    if (hasExited(child)) {
      throw new MockServerError("PRISM_FAILED", `Prism exited (code ${child.exitCode}) on ${spec}:\n${output}`);
    }
    if (performance.now() - startedAt > PRISM_START_TIMEOUT_MS) {
      await stop();
      throw new MockServerError("PRISM_FAILED", `Prism did not answer within ${PRISM_START_TIMEOUT_MS} ms on ${spec}`);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
  if (child.pid === undefined) throw new MockServerError("PRISM_FAILED", `Prism did not start on ${spec}`);
  return { url, pid: child.pid, stop };
}
