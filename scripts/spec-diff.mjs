#!/usr/bin/env node
// What a spec change means for the package's users, before it is released: every operation,
// parameter, status, header and body field added, removed or changed, each marked breaking or
// compatible. Descriptions and examples are not part of what a spec promises, so they never show.
//
//   npm run spec:diff                          specs in the working tree against HEAD
//   npm run spec:diff -- --base v0.1.0         ... against another git ref
//   npm run spec:diff -- old.yaml new.yaml     two spec files
//   add --fail-on-breaking to exit 1 when anything breaks (for a release check)
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { parse } from "yaml";
import { listApis, projectRoot } from "./lib/apis.mjs";
import { diffSurfaces, specSurface } from "./lib/spec-surface.mjs";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { base: { type: "string", default: "HEAD" }, "fail-on-breaking": { type: "boolean", default: false } },
});

const git = (...args) =>
  execFileSync("git", args, { cwd: projectRoot, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });

/** The spec as it is at `ref`; an empty one where it did not exist yet (everything is then "added"). */
function specAt(ref, path) {
  try {
    git("rev-parse", "--verify", `${ref}^{commit}`);
  } catch {
    console.error(`spec:diff: ${ref} is not a commit here`);
    process.exit(2);
  }
  try {
    return parse(git("show", `${ref}:${path}`));
  } catch {
    return {};
  }
}

const readSpec = (path) => parse(readFileSync(path, "utf8"));

let comparisons;
if (positionals.length === 2) {
  comparisons = [
    {
      name: `${positionals[0]} → ${positionals[1]}`,
      before: readSpec(positionals[0]),
      after: readSpec(positionals[1]),
    },
  ];
} else if (positionals.length === 0) {
  comparisons = Object.values(listApis()).map(({ spec }) => ({
    name: `${spec} (${values.base} → working tree)`,
    before: specAt(values.base, spec),
    after: readSpec(`${projectRoot}${spec}`),
  }));
} else {
  console.error("usage: spec-diff [--base REF] [--fail-on-breaking] [OLD.yaml NEW.yaml]");
  process.exit(2);
}

let breaking = 0;
let compatible = 0;
for (const { name, before, after } of comparisons) {
  const changes = diffSurfaces(specSurface(before), specSurface(after));
  if (changes.length === 0) continue;
  console.log(`\n${name}`);
  for (const change of changes) {
    console.log(`  ${change.breaking ? "breaking  " : "compatible"}  ${change.key}: ${change.text}`);
    if (change.breaking) breaking += 1;
    else compatible += 1;
  }
}
console.log(
  breaking + compatible === 0
    ? "spec:diff: no change to what the specs promise"
    : `\nspec:diff: ${breaking} breaking, ${compatible} compatible`,
);
if (values["fail-on-breaking"] && breaking > 0) process.exit(1);
