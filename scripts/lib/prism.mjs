// Starts a Prism mock server for one spec on a free loopback port, and stops exactly that process.
// Prism is spawned as `node <prism>/dist/index.js` rather than through npx: killing an npx parent
// leaves Prism running on the port.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { listApis, projectRoot } from "./apis.mjs";

const require = createRequire(import.meta.url);
const PRISM_ENTRY = join(dirname(require.resolve("@stoplight/prism-cli/package.json")), "dist", "index.js");
/**
 * A Prism that exits is caught at once; this only stops waiting on one that hangs. Its start is a few
 * seconds of CPU, which a machine running three test suites at once can stretch past half a minute.
 */
const START_TIMEOUT_MS = 120_000;
const POLL_INTERVAL_MS = 100;

/** Asks the OS for a port that is free right now. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function answers(url) {
  try {
    await fetch(url, { signal: AbortSignal.timeout(1_000) });
    return true;
  } catch {
    return false;
  }
}

/**
 * @param {string} spec path of the spec, relative to the project root
 * @param {{ errors?: boolean, port?: number }} [options] `errors` (default true): a response that
 *   breaks its own schema becomes a 500; `port`: a fixed port instead of a free one
 * @returns {Promise<{ url: string, pid: number, stop: () => Promise<void> }>}
 */
async function startPrism(spec, { errors = true, port: fixedPort } = {}) {
  const port = fixedPort ?? (await freePort());
  const args = [PRISM_ENTRY, "mock", join(projectRoot, spec), "-p", String(port), "-h", "127.0.0.1"];
  if (errors) args.push("--errors");
  const child = spawn(process.execPath, args, { cwd: projectRoot, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const keep = (chunk) => {
    output = (output + chunk).slice(-4_000);
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const exited = new Promise((resolve) => child.once("exit", resolve));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await exited;
  };

  const url = `http://127.0.0.1:${port}`;
  const startedAt = Date.now();
  while (!(await answers(url))) {
    if (child.exitCode !== null) throw new Error(`Prism exited (code ${child.exitCode}) for ${spec}:\n${output}`);
    if (Date.now() - startedAt > START_TIMEOUT_MS) {
      await stop();
      throw new Error(`Prism did not answer on ${url} within ${START_TIMEOUT_MS} ms for ${spec}:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
  return { url, pid: child.pid, stop };
}

/**
 * One Prism per API in redocly.yaml, started together. If any fails to start, the others are
 * stopped before the error is thrown, so nothing is left running.
 * @param {{ firstPort?: number }} [options] `firstPort`: fixed ports from here, in redocly.yaml's order
 * @returns {Promise<{ mocks: Record<string, { spec: string, url: string, pid: number }>, stop: () => Promise<void> }>}
 */
export async function startPrisms({ firstPort } = {}) {
  const apis = Object.entries(listApis());
  const started = await Promise.allSettled(
    apis.map(([, api], i) => startPrism(api.spec, { port: firstPort === undefined ? undefined : firstPort + i })),
  );
  const stop = async () => {
    await Promise.all(started.map((s) => (s.status === "fulfilled" ? s.value.stop() : undefined)));
  };
  const failure = started.find((s) => s.status === "rejected");
  if (failure) {
    await stop();
    throw failure.reason;
  }
  const mocks = Object.fromEntries(apis.map(([name, api], i) => [name, { spec: api.spec, ...started[i].value }]));
  return { mocks, stop };
}
