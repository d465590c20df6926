#!/usr/bin/env node
// Builds the API reference of every spec as self-contained HTML (Redocly with --inlineBundle, so
// it renders offline) into docs-build/, which git ignores.
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { listApis, projectRoot } from "./lib/apis.mjs";

export const DOCS_DIR = `${projectRoot}docs-build`;

mkdirSync(DOCS_DIR, { recursive: true });
for (const [name, api] of Object.entries(listApis())) {
  execFileSync(
    `${projectRoot}node_modules/.bin/redocly`,
    ["build-docs", api.spec, "--inlineBundle", "--output", `${DOCS_DIR}/${name}.html`],
    {
      cwd: projectRoot,
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  console.log(`docs-build/${name}.html`);
}
