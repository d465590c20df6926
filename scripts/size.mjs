#!/usr/bin/env node
// Bundles each entry point of the built package for the browser (esbuild, minified), prints its
// minified and gzip sizes beside bare openapi-fetch's, and fails above the budget or when the
// Prolifi bundle carries PayPal code. Run `npm run build` first.
import { readFileSync } from "node:fs";
import { build } from "esbuild";
import { projectRoot } from "./lib/apis.mjs";
import { BROWSER_BUILD, BUDGETS, gzipSize } from "./lib/bundle-size.mjs";

/** Text only PayPal code contains; none of it may reach the Prolifi bundle. */
const PAYPAL_MARKERS = [/paypal/i, /oauth2/, /past_usage/, /client_credentials/];

const CASES = [
  { name: "openapi-fetch (createClient only)", source: 'export { default } from "openapi-fetch";' },
  { name: "billing-usage/prolifi", source: 'export * from "./dist/prolifi.js";' },
  { name: "billing-usage/paypal", source: 'export * from "./dist/paypal.js";' },
  { name: "billing-usage", source: 'export * from "./dist/index.js";' },
];

async function measure(source, external = []) {
  const result = await build({
    external,
    stdin: { contents: source, resolveDir: projectRoot, loader: "js" },
    ...BROWSER_BUILD,
    bundle: true,
    minify: true,
    write: false,
    logLevel: "silent",
  });
  const code = result.outputFiles[0].contents;
  return { code: Buffer.from(code).toString("utf8"), min: code.length, gzip: gzipSize(code) };
}

const rows = [];
const failures = [];
for (const { name, source } of CASES) {
  const { code, min, gzip } = await measure(source);
  // The same bundle with openapi-fetch left out: what this package itself adds.
  const own = name.startsWith("billing-usage") ? (await measure(source, ["openapi-fetch"])).gzip : "";
  const budget = BUDGETS[name];
  rows.push({
    bundle: name,
    "min (B)": min,
    "gzip (B)": gzip,
    "own gzip (B)": own,
    "ceiling (B)": budget?.ceiling ?? "",
    "target (B)": budget?.target ?? "",
  });
  if (budget !== undefined && gzip > budget.ceiling)
    failures.push(`${name} is ${gzip} B gzip, over its ${budget.ceiling} B ceiling`);
  if (name === "billing-usage/prolifi") {
    for (const marker of PAYPAL_MARKERS)
      if (marker.test(code)) failures.push(`billing-usage/prolifi contains PayPal code (${marker})`);
  }
  // The markers must really find PayPal code where it is, or the check above proves nothing.
  if (name === "billing-usage/paypal") {
    for (const marker of PAYPAL_MARKERS)
      if (!marker.test(code))
        failures.push(`marker ${marker} is not in billing-usage/paypal; the PayPal-code check is blind`);
  }
}
// The README states each ceiling and goal; it must say what this file enforces.
const readme = readFileSync(`${projectRoot}README.md`, "utf8");
const spaced = (n) => n.toLocaleString("en").replace(",", " ");
for (const [name, { ceiling, target }] of Object.entries(BUDGETS)) {
  const row = `| \`${name}\` | ${spaced(ceiling)} B | ${spaced(target)} B |`;
  if (!readme.includes(row)) failures.push(`README.md has no row ${row}`);
}

console.table(rows);
if (failures.length > 0) {
  for (const failure of failures) console.error(`size: ${failure}`);
  process.exit(1);
}
console.log("size: every bundle within its ceiling; billing-usage/prolifi holds no PayPal code");
