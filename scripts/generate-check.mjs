#!/usr/bin/env node
// Fails when generated/ differs from what spec/ produces. openapi-typescript's own --check exits 0
// as soon as one of several APIs is up to date, so the check is: regenerate, then ask git.
import { execFileSync } from "node:child_process";
import { projectRoot } from "./lib/apis.mjs";

execFileSync(process.execPath, [`${projectRoot}scripts/generate.mjs`, "--no-report"], {
  cwd: projectRoot,
  stdio: ["ignore", "ignore", "inherit"],
});
const drift = execFileSync("git", ["status", "--porcelain", "--", "generated/"], {
  cwd: projectRoot,
  encoding: "utf8",
});
if (drift.trim() !== "") {
  console.error(`generated/ is out of date with spec/; run \`npm run generate\` and commit:\n${drift}`);
  process.exit(1);
}
console.log("generated/ matches spec/");
