#!/usr/bin/env node
// Every example under examples/, run as a user would: the packed package and the example's own
// dependencies installed into a fresh folder, type-checked (an example's must-not-compile lines are
// `@ts-expect-error`, so they fail the check if they ever compile), then its tests run on the Node
// release it needs. Run `npm run build` first; `npm run test:examples` does.
import { execFile } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { projectRoot } from "./lib/apis.mjs";
import { packPackage } from "./lib/consumer.mjs";
import { REPORTS } from "./lib/reports.mjs";
import { NODE_22, NODE_24, runtimeBinary } from "./lib/runtimes.mjs";
import { vitestTotals } from "./lib/totals.mjs";

const run = promisify(execFile);
const NODE_20 = { name: "Node 20 (this machine)" };

/**
 * Each run: an example folder, the Node it runs on, and any dependency versions it runs with instead
 * of its package.json's (msw 3 needs Node 22.12+, nock 15 Node 22.20+, miniflare Node 22+); and
 * any installed package besides its own dependencies whose version the report should name.
 */
const RUNS = [
  { example: "msw", node: NODE_20 },
  {
    example: "msw",
    label: "msw 3",
    node: NODE_22,
    devDependencies: { msw: "3.0.5" },
    // openapi-msw 2.0.0 declares msw ^2 as its peer; it works with 3 unchanged.
    overrides: { "openapi-msw": { msw: "$msw" } },
  },
  { example: "nock", node: NODE_22 },
  { example: "global-setup", node: NODE_20 },
  { example: "workerd", node: NODE_24, alsoReport: ["workerd"] },
  { example: "opentelemetry", node: NODE_20 },
];

/** Installs the example's dependencies and the packed package from the registry and the tarball. */
async function install(dir) {
  // npm runs on this machine's Node, the example on the one its engines ask for; the project's
  // .npmrc (engine-strict, which npm passes on to scripts) must not judge one by the other.
  const args = ["install", "--no-audit", "--no-fund", "--prefer-offline", "--no-package-lock", "--engine-strict=false"];
  await run("npm", args, { cwd: dir });
}

const only = process.argv.slice(2);
const work = mkdtempSync(join(tmpdir(), "billing-usage-examples-"));
const results = [];
let passed = 0;
let failed = 0;
try {
  const { tarball } = await packPackage(work);
  for (const plan of RUNS.filter((r) => only.length === 0 || only.includes(r.example))) {
    const name = `${plan.example}${plan.label ? ` (${plan.label})` : ""} on ${plan.node.name}`;
    const started = performance.now();
    const dir = join(work, `${plan.example}-${results.length}`);
    cpSync(join(projectRoot, "examples", plan.example), dir, { recursive: true });
    const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    manifest.dependencies["billing-usage"] = `file:${tarball}`;
    Object.assign(manifest.devDependencies, plan.devDependencies);
    if (plan.overrides) manifest.overrides = plan.overrides;
    writeFileSync(join(dir, "package.json"), JSON.stringify(manifest, null, 2));
    const report = join(dir, "vitest-report.json");
    try {
      await install(dir);
      await run(join(projectRoot, "node_modules/.bin/tsgo"), ["-p", "tsconfig.json"], { cwd: dir });
      const node = await runtimeBinary(plan.node);
      const env = { ...process.env, NO_COLOR: "1", PATH: `${dirname(node)}:${process.env.PATH}` };
      const vitest = join(dir, "node_modules/vitest/vitest.mjs");
      await run(node, [vitest, "run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`], {
        cwd: dir,
        env,
      }).catch((error) => {
        throw new Error(`${error.stdout}\n${error.stderr}`);
      });
      const version = (await run(node, ["--version"])).stdout.trim();
      const totals = vitestTotals(JSON.parse(readFileSync(report, "utf8")));
      const installed = (dep) =>
        JSON.parse(readFileSync(join(dir, "node_modules", dep, "package.json"), "utf8")).version;
      const reported = [...Object.keys(manifest.devDependencies), ...(plan.alsoReport ?? [])];
      const libraries = reported.map((dep) => `${dep} ${installed(dep)}`);
      passed += totals.passed;
      failed += totals.failed;
      results.push({
        example: name,
        node: version,
        libraries: libraries.join(", "),
        tests: totals.passed,
        result: totals.failed === 0 ? "pass" : "fail",
        ms: Math.round(performance.now() - started),
      });
    } catch (error) {
      failed += 1;
      const why = [error.message, error.stdout, error.stderr].filter(Boolean).join("\n");
      console.error(`── ${name} failed:\n${why}`);
      results.push({
        example: name,
        node: "",
        libraries: "",
        tests: 0,
        result: "fail",
        ms: Math.round(performance.now() - started),
      });
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
console.table(results);
mkdirSync(dirname(join(projectRoot, REPORTS.examples)), { recursive: true });
writeFileSync(join(projectRoot, REPORTS.examples), JSON.stringify({ passed, failed, results }, null, 2));
console.log(`examples: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
