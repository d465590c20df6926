#!/usr/bin/env node
// Installs the compared packages (test/bench/package.json, its lockfile) into test/bench/node_modules,
// apart from the project's own dependencies, so the project's `npm ci` stays light. Once per checkout.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { isMain } from "./lib.mjs";

const here = fileURLToPath(new URL(".", import.meta.url));
export function installCompetitors() {
  if (existsSync(`${here}node_modules/.package-lock.json`)) return;
  console.log("bench: installing the compared packages into test/bench/node_modules (npm ci)");
  execFileSync("npm", ["ci", "--no-audit", "--no-fund", "--prefer-offline"], { cwd: here, stdio: "inherit" });
}

if (isMain(import.meta.url)) installCompetitors();
