#!/usr/bin/env node
// Type-checks src/ as a browser project sees it, and what users write against this package, in one
// `tsc -b` run over four projects (one process, so TypeScript starts once):
//  - tsconfig.src.json: src/ alone with no Node types;
//  - readme: every ```ts block of the README, each its own module, against src/; names a block uses
//    without defining (a customer id, a signal, a client made in an earlier block) come from a prelude;
//  - the consumer fixture (test/fixtures/consumer) against the build, resolved by package name through
//    package.json `exports`, strict and with no Node types, under NodeNext and under Bundler;
//  - beside the Bundler one, unmarked.ts: consumer.ts without its @ts-expect-error markers, where
//    exactly the marked lines must fail (so the markers are proven to guard something).
// A type-check is CPU work with no natural time bound, so it runs here, not inside a timed test.
import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { projectRoot } from "./lib/apis.mjs";

const run = promisify(execFile);
/** The README has at least this many TypeScript examples; fewer means the extraction broke. */
const MIN_README_EXAMPLES = 6;

const README_PRELUDE = `
import type { ProlifiClient } from "billing-usage/prolifi";
import type { PayPalBillingClient } from "billing-usage/paypal";
declare const customerId: string;
declare const id: string;
declare const signal: AbortSignal;
declare const metrics: { count(status: number): void };
`;
const README_CLIENTS = {
  prolifi: "declare const prolifi: ProlifiClient;",
  paypal: "declare const paypal: PayPalBillingClient;",
};

function writeReadmeProject(root) {
  // Its own folder, seeing the project's node_modules: examples import redis and ioredis too.
  const dir = join(root, "readme");
  mkdirSync(dir);
  symlinkSync(join(projectRoot, "node_modules"), join(dir, "node_modules"), "dir");
  const readme = readFileSync(join(projectRoot, "README.md"), "utf8");
  const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
  if (blocks.length < MIN_README_EXAMPLES) {
    throw new Error(
      `found ${blocks.length} TypeScript examples in README.md, expected at least ${MIN_README_EXAMPLES}`,
    );
  }
  const files = blocks.map((code, i) => {
    const clients = Object.entries(README_CLIENTS)
      .filter(([name]) => new RegExp(`\\b${name}\\.`).test(code) && !new RegExp(`const ${name}\\b`).test(code))
      .map(([, declaration]) => declaration);
    // Imports first, then the prelude, then the rest of the example.
    const lines = code.split("\n");
    const imports = lines.filter((line) => line.startsWith("import "));
    const body = lines.filter((line) => !line.startsWith("import "));
    const file = `readme-example-${i + 1}.ts`;
    writeFileSync(join(dir, file), [...imports, README_PRELUDE, ...clients, ...body, "export {};"].join("\n"));
    return file;
  });
  const compilerOptions = {
    target: "ES2022",
    module: "ESNext",
    moduleResolution: "Bundler",
    lib: ["ES2022", "DOM", "DOM.Iterable"],
    types: ["node"],
    typeRoots: [join(projectRoot, "node_modules/@types")],
    strict: true,
    exactOptionalPropertyTypes: true,
    noUncheckedIndexedAccess: true,
    noEmit: true,
    skipLibCheck: true,
    paths: {
      "billing-usage": [join(projectRoot, "src/index.ts")],
      "billing-usage/*": [join(projectRoot, "src/*/index.ts")],
    },
  };
  writeFileSync(join(dir, "tsconfig.readme.json"), JSON.stringify({ compilerOptions, files }));
  return blocks.length;
}

function writeConsumerProjects(dir) {
  cpSync(join(projectRoot, "test/fixtures/consumer"), dir, { recursive: true });
  // Resolved by name as an installed package is: package.json `exports` picks the .d.ts files.
  mkdirSync(join(dir, "node_modules"));
  symlinkSync(projectRoot, join(dir, "node_modules", "billing-usage"), "dir");
  const source = readFileSync(join(dir, "consumer.ts"), "utf8");
  writeFileSync(join(dir, "unmarked.ts"), source.replaceAll("// @ts-expect-error", "// (expected error)"));
  const bundler = JSON.parse(readFileSync(join(dir, "tsconfig.bundler.json"), "utf8"));
  writeFileSync(
    join(dir, "tsconfig.bundler-unmarked.json"),
    JSON.stringify({ extends: "./tsconfig.bundler.json", files: [...bundler.files, "unmarked.ts"] }),
  );
  return source.match(/\/\/ @ts-expect-error/g)?.length ?? 0;
}

if (!existsSync(join(projectRoot, "dist/index.d.ts"))) {
  console.error("typecheck: dist/ is missing: run `npm run build` first");
  process.exit(1);
}
const dir = mkdtempSync(join(tmpdir(), "billing-usage-examples-"));
try {
  const examples = writeReadmeProject(dir);
  const marked = writeConsumerProjects(dir);
  // TypeScript's native compiler (7.x), several times faster than tsc 5.9 on the same projects.
  const tsc = join(projectRoot, "node_modules/@typescript/native-preview/bin/tsgo");
  const projects = [
    join(projectRoot, "tsconfig.src.json"),
    "readme/tsconfig.readme.json",
    "tsconfig.nodenext.json",
    "tsconfig.bundler-unmarked.json",
  ];
  const { stdout } = await run(process.execPath, [tsc, "-b", ...projects], { cwd: dir }).catch((error) => error);
  const errors = stdout.split("\n").filter((line) => / error TS\d+:/.test(line));
  const unexpected = errors.filter((line) => !line.startsWith("unmarked.ts("));
  const unmarkedErrors = errors.length - unexpected.length;
  if (unexpected.length > 0 || unmarkedErrors !== marked) {
    console.error(stdout);
    if (unexpected.length > 0) console.error(`typecheck: ${unexpected.length} type errors (above)`);
    if (unmarkedErrors !== marked) {
      console.error(
        `typecheck: without its markers, consumer.ts should fail on ${marked} lines, not ${unmarkedErrors}`,
      );
    }
    process.exit(1);
  }
  console.log(
    `typecheck: src/ without Node types, ${examples} README examples and the consumer (NodeNext, Bundler) compile; its ${marked} must-not-compile lines do not`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
