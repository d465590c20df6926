#!/usr/bin/env node
// Regenerates generated/ from spec/: lint first (openapi-typescript dies with a stack trace on a
// lint error), then the types, then the small constraint tables src/ checks input against.
// Which specs and outputs exist is data, read from redocly.yaml; this file only acts on it.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { parse } from "yaml";
import { listApis, projectRoot } from "./lib/apis.mjs";
import { buildMetaModule } from "./lib/spec-meta.mjs";

const bin = (name) => `${projectRoot}node_modules/.bin/${name}`;
const run = (cmd, args) => execFileSync(cmd, args, { cwd: projectRoot, stdio: "inherit" });

run(bin("redocly"), ["lint", "--format", "codeframe"]);
run(bin("openapi-typescript"), ["--root-types", "--alphabetize"]);

for (const [name, api] of Object.entries(listApis())) {
  const spec = parse(readFileSync(`${projectRoot}${api.spec}`, "utf8"));
  writeFileSync(`${projectRoot}${api.meta}`, buildMetaModule(spec, api.spec));
  console.log(`✨ ${name} → ${api.meta}`);
}
