#!/usr/bin/env node
// The public TypeScript API, recorded: one API Extractor report per entry point in package.json
// `exports`, from the built .d.ts in dist/, committed under test/api-reports/.
//
//   npm run api:check    fails, printing the difference, when the built API differs from the reports
//   npm run api:update   rewrites the reports (then review and commit them)
//
//   npm run api:check -- --entry billing-usage/prolifi    one entry point (repeatable)
//
// Check mode is API Extractor's CI mode (not --local): every message it raises fails the run,
// except the release-tag rule, configured off below with the reason.
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { parseArgs } from "node:util";
import { CompilerState, Extractor, ExtractorConfig } from "@microsoft/api-extractor";
import { projectRoot } from "./lib/apis.mjs";
import { lineDifference } from "./lib/line-diff.mjs";

const REPORT_FOLDER = "test/api-reports";
const TEMP_FOLDER = ".cache/api-extractor";
const { values } = parseArgs({ options: { update: { type: "boolean" }, entry: { type: "string", multiple: true } } });

/** Each entry point's name ("billing-usage", "billing-usage/prolifi") and its built .d.ts; `--entry` picks some. */
function entryPoints() {
  const pkg = JSON.parse(readFileSync(join(projectRoot, "package.json"), "utf8"));
  const all = Object.entries(pkg.exports)
    .filter(([, target]) => typeof target === "object" && target.types)
    .map(([subpath, target]) => ({ name: `${pkg.name}${subpath.slice(1)}`, types: target.types }));
  const unknown = (values.entry ?? []).filter((name) => !all.some((entry) => entry.name === name));
  if (unknown.length > 0) {
    console.error(`api: no entry point ${unknown.join(", ")}; there are ${all.map((entry) => entry.name).join(", ")}`);
    process.exit(2);
  }
  return values.entry ? all.filter((entry) => values.entry.includes(entry.name)) : all;
}

function configFor({ name, types }) {
  const reportName = name.replaceAll("/", "-");
  return ExtractorConfig.prepare({
    configObjectFullPath: join(projectRoot, `api-extractor.${reportName}.json`),
    packageJsonFullPath: join(projectRoot, "package.json"),
    configObject: {
      projectFolder: projectRoot,
      mainEntryPointFilePath: join(projectRoot, types),
      compiler: {
        overrideTsconfig: {
          compilerOptions: {
            target: "ES2022",
            module: "ESNext",
            moduleResolution: "Bundler",
            lib: ["ES2022", "DOM", "DOM.Iterable"],
            types: [],
            strict: true,
            skipLibCheck: true,
          },
          files: [join(projectRoot, types)],
        },
      },
      apiReport: {
        enabled: true,
        reportFileName: reportName,
        reportFolder: join(projectRoot, REPORT_FOLDER),
        reportTempFolder: join(projectRoot, TEMP_FOLDER),
      },
      docModel: { enabled: false },
      dtsRollup: { enabled: false },
      tsdocMetadata: { enabled: false },
      messages: {
        extractorMessageReporting: {
          default: { logLevel: "error" },
          // Release tags (@public, @beta) grade an API's stability; this package's API is whatever its
          // entry points export, all of it public and held by semver, so tagging each item says nothing.
          "ae-missing-release-tag": { logLevel: "none" },
          // The report marks undocumented items itself ("// (undocumented)"), which is where a reviewer
          // sees them; failing on each would demand a comment on every error's `name` field.
          "ae-undocumented": { logLevel: "none" },
        },
        compilerMessageReporting: { default: { logLevel: "error" } },
        tsdocMessageReporting: {
          default: { logLevel: "error" },
          // openapi-typescript writes JSDoc's `@enum {string}` and JSON `@example { ... }` into the
          // generated types, which TSDoc reads as malformed inline tags; they are generated, not ours.
          "tsdoc-malformed-inline-tag": { logLevel: "none" },
          "tsdoc-escape-right-brace": { logLevel: "none" },
        },
      },
    },
  });
}

if (!existsSync(join(projectRoot, "dist/index.d.ts"))) {
  console.error("api: dist/ is missing: run `npm run build` first");
  process.exit(1);
}
mkdirSync(join(projectRoot, REPORT_FOLDER), { recursive: true });
const entries = entryPoints().map((entry) => ({ ...entry, config: configFor(entry) }));
// One TypeScript program for every entry point, rather than one each.
const compilerState = CompilerState.create(entries[0].config, {
  additionalEntryPoints: entries.map((entry) => entry.config.mainEntryPointFilePath),
});
let failed = 0;
for (const { name, config } of entries) {
  const result = Extractor.invoke(config, { localBuild: values.update === true, compilerState });
  if (result.succeeded) {
    console.log(`api: ${name} ${result.apiReportChanged ? "report rewritten" : "matches its report"}`);
    continue;
  }
  failed += 1;
  if (result.errorCount > 0) {
    console.error(`api: ${name} has errors (above)`);
    continue;
  }
  const committed = existsSync(config.reportFilePath) ? readFileSync(config.reportFilePath, "utf8") : "";
  const built = readFileSync(config.reportTempFilePath, "utf8");
  console.error(`api: ${name} differs from ${relative(projectRoot, config.reportFilePath)}:`);
  for (const line of lineDifference(committed, built)) console.error(`  ${line}`);
}
if (failed > 0 && !values.update)
  console.error("api: if the change is intended, run `npm run api:update` and commit the reports");
process.exit(failed === 0 ? 0 : 1);
