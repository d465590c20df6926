#!/usr/bin/env node
// Regenerates generated/ from spec/: lint first (openapi-typescript dies with a stack trace on a
// lint error), then the types, then the small constraint tables src/ checks input against and
// what the mock servers page over; last, the ISO 4217 table billing-usage/money reads digits from,
// packed from the currency-codes dataset.
// Which specs and outputs exist is data, read from redocly.yaml; this file only acts on it. It ends
// by saying what changed in generated/: files, and operations and schemas added, removed or changed.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { parse } from "yaml";
import { listApis, projectRoot } from "./lib/apis.mjs";
import { buildCurrencyModule, CURRENCY_MODULE } from "./lib/currency-table.mjs";
import { buildMockModule } from "./lib/mock-meta.mjs";
import { buildMetaModule } from "./lib/spec-meta.mjs";

const bin = (name) => `${projectRoot}node_modules/.bin/${name}`;
const run = (cmd, args) => execFileSync(cmd, args, { cwd: projectRoot, stdio: "inherit" });

const outputs = [...Object.values(listApis()).flatMap((api) => [api.types, api.meta, api.mock]), CURRENCY_MODULE];
const read = (path) =>
  existsSync(`${projectRoot}${path}`) ? readFileSync(`${projectRoot}${path}`, "utf8") : undefined;
const before = new Map(outputs.map((path) => [path, read(path)]));

run(bin("redocly"), ["lint", "--format", "codeframe"]);
run(bin("openapi-typescript"), ["--root-types", "--alphabetize"]);

for (const [name, api] of Object.entries(listApis())) {
  const spec = parse(readFileSync(`${projectRoot}${api.spec}`, "utf8"));
  writeFileSync(`${projectRoot}${api.meta}`, buildMetaModule(spec, api.spec));
  writeFileSync(`${projectRoot}${api.mock}`, buildMockModule(spec, api.spec));
  console.log(`✨ ${name} → ${api.meta}, ${api.mock}`);
}
writeFileSync(`${projectRoot}${CURRENCY_MODULE}`, buildCurrencyModule());
console.log(`✨ currency-codes → ${CURRENCY_MODULE}`);

// What this regeneration changed, so a spec edit's effect on the generated code is seen at once.
// (Not for the drift check, which asks git instead: the report loads the TypeScript parser.)
if (!process.argv.includes("--no-report")) {
  const { describeGeneratedChanges } = await import("./lib/generated-changes.mjs");
  const after = new Map(outputs.map((path) => [path, read(path)]));
  const typesFiles = new Set(Object.values(listApis()).map((api) => api.types));
  for (const line of describeGeneratedChanges(before, after, typesFiles)) console.log(`generate: ${line}`);
}
