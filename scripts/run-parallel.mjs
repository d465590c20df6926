#!/usr/bin/env node
// Runs independent npm scripts two at a time (one per core), each one's output printed whole when it
// ends, so logs never interleave. Exits non-zero, naming each script that failed, after all have run.
//
//   node scripts/run-parallel.mjs typecheck api:check size
import { spawn } from "node:child_process";
import { availableParallelism } from "node:os";
import { projectRoot } from "./lib/apis.mjs";

const scripts = process.argv.slice(2);
const lanes = Math.max(1, Math.min(2, availableParallelism()));

function runScript(name) {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn("npm", ["run", "-s", name], { cwd: projectRoot, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("close", (code) => {
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      process.stdout.write(
        `\n── npm run ${name} (${seconds} s)${code === 0 ? "" : `: failed (exit ${code})`}\n${output}`,
      );
      resolve({ name, code });
    });
  });
}

const queue = [...scripts];
const results = [];
await Promise.all(
  Array.from({ length: lanes }, async () => {
    while (queue.length > 0) results.push(await runScript(queue.shift()));
  }),
);
const failed = results.filter((result) => result.code !== 0).map((result) => result.name);
if (failed.length > 0) {
  console.error(`\nfailed: ${failed.join(", ")}`);
  process.exit(1);
}
