#!/usr/bin/env node
// The built package, packed and installed as a user gets it, making real calls against Prism under
// Node 20 (this machine's), Node 24, Bun and Deno (scripts/lib/runtimes.mjs fetches them). Run
// `npm run build` first; `npm run test:runtimes` does.
import { execFile } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { startMocks } from "../dist/mock.js";
import { projectRoot } from "./lib/apis.mjs";
import { installPackedConsumer } from "./lib/consumer.mjs";
import { REPORTS } from "./lib/reports.mjs";
import { NODE_24, runtimeBinary } from "./lib/runtimes.mjs";

const run = promisify(execFile);

/** Each runtime: the registry package that ships it (none: this machine's Node), and how to run a script. */
const RUNTIMES = [
  { name: "Node 20 (this machine)", args: (script) => [script] },
  { ...NODE_24, args: (script) => [script] },
  { name: "Bun", pkg: "@oven/bun-linux-x64@1.4.5", path: "bin/bun", args: (script) => ["run", script] },
  {
    name: "Deno",
    pkg: "@deno/linux-x64-glibc@2.9.6",
    path: "deno",
    args: (script) => ["run", "--allow-net=127.0.0.1", "--allow-env", "--allow-read", script],
  },
];

const { dir: consumer } = await installPackedConsumer();
const mocks = await startMocks();
const env = { ...process.env, PROLIFI_URL: mocks.prolifi.baseUrl, PAYPAL_URL: mocks.paypal.baseUrl, NO_COLOR: "1" };
const expected = { usage: 2, periods: 4, viaIndex: 2, notFound: "NotFoundError", money: "$589.90" };
const results = [];
try {
  for (const runtime of RUNTIMES) {
    const started = performance.now();
    try {
      const bin = await runtimeBinary(runtime);
      const { stdout } = await run(bin, runtime.args("esm.mjs"), { cwd: consumer, env, timeout: 60_000 });
      const got = JSON.parse(stdout.trim().split("\n").pop());
      const ok = Object.entries(expected).every(([key, value]) => got[key] === value);
      results.push({
        runtime: runtime.name,
        version: got.runtime,
        result: ok ? "pass" : `fail: ${JSON.stringify(got)}`,
        ms: Math.round(performance.now() - started),
      });
    } catch (error) {
      results.push({
        runtime: runtime.name,
        version: "",
        result: `fail: ${String(error.stderr || error.message)
          .split("\n")
          .slice(0, 6)
          .join(" | ")}`,
        ms: Math.round(performance.now() - started),
      });
    }
  }
} finally {
  await mocks.stop();
  rmSync(consumer, { recursive: true, force: true });
}
console.table(results);
const failed = results.filter((r) => r.result !== "pass").length;
const totals = { passed: results.length - failed, failed };
mkdirSync(dirname(join(projectRoot, REPORTS.runtimes)), { recursive: true });
writeFileSync(join(projectRoot, REPORTS.runtimes), JSON.stringify({ ...totals, results }, null, 2));
console.log(`runtimes: ${totals.passed} passed, ${totals.failed} failed`);
process.exit(failed === 0 ? 0 : 1);
