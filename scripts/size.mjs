#!/usr/bin/env node
// Bundles each entry point of the built package for the browser (esbuild, minified), prints its gzip
// size beside bare openapi-fetch's, and fails above its ceiling or when a bundle carries code it must
// not (PayPal code in the Prolifi bundle, the Redis store in the PayPal one, the rate limiter a
// provider entry exports in an app that does not import it).
// Run `npm run build` first.
import { readdirSync, readFileSync } from "node:fs";
import { build } from "esbuild";
import { projectRoot } from "./lib/apis.mjs";
import { BROWSER_BUILD, BUDGETS, clientAppSource, gzipSize, OPT_IN_EXPORTS } from "./lib/bundle-size.mjs";

/** A provider entry's every export, the opt-in tools too (weighed, no ceiling). */
const WHOLE = (provider) => `billing-usage/${provider}, ${OPT_IN_EXPORTS.join(", ")} included`;

/**
 * Code kept apart: text only `owner`'s code contains must not reach `bundle`, and must be found in
 * `owner`'s own bundle, or the check would prove nothing. `what` names that code when `owner` does not.
 */
const KEPT_APART = [
  {
    bundle: "billing-usage/prolifi",
    owner: "billing-usage/paypal",
    markers: [/paypal/i, /oauth2/, /past_usage/, /client_credentials/],
  },
  { bundle: "billing-usage/paypal", owner: "billing-usage/paypal/redis", markers: [/cjson\.decode/, /sendCommand/] },
  { bundle: "billing-usage/paypal", owner: "billing-usage/money", markers: [/TOO_MANY_DECIMALS/, /ISO 4217 code/] },
  { bundle: "billing-usage/prolifi", owner: "billing-usage/money", markers: [/TOO_MANY_DECIMALS/, /ISO 4217 code/] },
  // The rate limiter both provider entries export is not in an app that does not import it.
  {
    bundle: "billing-usage/prolifi",
    owner: WHOLE("prolifi"),
    what: "rate limiter",
    markers: [/requestsPerSecond must/],
  },
  { bundle: "billing-usage/paypal", owner: WHOLE("paypal"), what: "rate limiter", markers: [/requestsPerSecond must/] },
  { bundle: "billing-usage/paypal", owner: "billing-usage/redis", markers: [/ZREMRANGEBYSCORE/] },
  {
    bundle: "billing-usage/prolifi",
    owner: "telemetry (loaded with a tracer or meter)",
    markers: [/http\.client\.request\.duration/],
  },
  {
    bundle: "billing-usage/paypal",
    owner: "telemetry (loaded with a tracer or meter)",
    markers: [/http\.client\.request\.duration/],
  },
];

/** The lazily loaded OpenTelemetry chunk (its file name carries a content hash). */
const otelChunk = readdirSync(`${projectRoot}dist`).find((file) => /^otel-.*\.js$/.test(file));

const CASES = [
  { name: "openapi-fetch (createClient only)", source: 'export { default } from "openapi-fetch";' },
  { name: "billing-usage/prolifi", source: await clientAppSource(`${projectRoot}dist/prolifi.js`) },
  { name: "billing-usage/paypal", source: await clientAppSource(`${projectRoot}dist/paypal.js`) },
  { name: WHOLE("prolifi"), source: 'export * from "./dist/prolifi.js";' },
  { name: WHOLE("paypal"), source: 'export * from "./dist/paypal.js";' },
  { name: "billing-usage/paypal/redis", source: 'export * from "./dist/paypal-redis.js";' },
  { name: "billing-usage/money", source: 'export * from "./dist/money.js";' },
  { name: "billing-usage/rate-limit", source: 'export * from "./dist/rate-limit.js";' },
  { name: "billing-usage/redis", source: 'export * from "./dist/redis.js";' },
  { name: "telemetry (loaded with a tracer or meter)", source: `export * from "./dist/${otelChunk}";` },
  { name: "billing-usage", source: 'export * from "./dist/index.js";' },
];

async function measure(source) {
  const result = await build({
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
const codeOf = {};
for (const { name, source } of CASES) {
  const { code, gzip } = await measure(source);
  codeOf[name] = code;
  const budget = BUDGETS[name];
  rows.push({
    bundle: name,
    "gzip (B)": gzip,
    "ceiling (B)": budget?.ceiling ?? "",
  });
  if (budget !== undefined && gzip > budget.ceiling)
    failures.push(`${name} is ${gzip} B gzip, over its ${budget.ceiling} B ceiling`);
}
for (const { bundle, owner, markers } of KEPT_APART) {
  for (const marker of markers) {
    if (marker.test(codeOf[bundle])) failures.push(`${bundle} contains code of ${owner} (${marker})`);
    if (!marker.test(codeOf[owner]))
      failures.push(`marker ${marker} is not in ${owner}; the check on ${bundle} is blind`);
  }
}
// The README states each ceiling; it must say what this file enforces.
const readme = readFileSync(`${projectRoot}README.md`, "utf8");
const spaced = (n) => n.toLocaleString("en").replace(",", " ");
for (const [name, { ceiling }] of Object.entries(BUDGETS)) {
  const row = `| \`${name}\` | ${spaced(ceiling)} B |`;
  if (!readme.includes(row)) failures.push(`README.md has no row ${row}`);
}

console.table(rows);
if (failures.length > 0) {
  for (const failure of failures) console.error(`size: ${failure}`);
  process.exit(1);
}
console.log(
  `size: every bundle within its ceiling; ${KEPT_APART.map(({ bundle, owner, what }) => `${bundle} holds no ${what ?? owner} code`).join("; ")}`,
);
