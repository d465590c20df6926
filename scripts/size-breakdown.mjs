#!/usr/bin/env node
// Where each entry point's browser bytes go: for every module in the bundle, how many gzip bytes
// the bundle loses without it, and what is left with all message text blanked. A report; the
// budget itself is held by scripts/size.mjs. It fails only if the README's reason for the unmet
// goals stops being true (a bundle with no message text above its goal). Bundles src/, no build.
import { build, transform } from "esbuild";
import { projectRoot } from "./lib/apis.mjs";
import { BROWSER_BUILD, BUDGETS, gzipSize } from "./lib/bundle-size.mjs";

/** String and template literals longer than this count as message text (names and keys are shorter). */
const TEXT_MIN_LENGTH = 12;
const MODULE_MARKER = /^\/\/ ((?:src|generated|node_modules)\/\S+)$/m;

/**
 * Minified the way scripts/size.mjs minifies, but as a transform, so any module can be left out.
 * Names a left-out module declared are dropped from the export list (esbuild names each one).
 */
async function minifiedGzip(source) {
  try {
    const { code } = await transform(source, { ...BROWSER_BUILD, minify: true, loader: "js", logLevel: "silent" });
    return { code, gzip: gzipSize(code) };
  } catch (error) {
    const undeclared = (error.errors ?? []).map((e) => /^"(\w+)" is not declared/.exec(e.text)?.[1]);
    if (undeclared.length === 0 || undeclared.includes(undefined)) throw error;
    const exportList = /^export \{([^}]*)\};$/m;
    const kept = exportList
      .exec(source)[1]
      .split(",")
      .filter((item) => !undeclared.includes(item.trim().split(/\s+/)[0]));
    return minifiedGzip(source.replace(exportList, `export {${kept.join(",")}};`));
  }
}

/** The unminified bundle of `billing-usage/<provider>`'s source, split at esbuild's `// path` comments into one piece per module. */
async function modulesOf(name) {
  const entry = `${projectRoot}src/${name.split("/")[1]}/index.ts`;
  const result = await build({
    ...BROWSER_BUILD,
    entryPoints: [entry],
    bundle: true,
    write: false,
    logLevel: "silent",
  });
  const pieces = result.outputFiles[0].text.split(MODULE_MARKER);
  const modules = [];
  for (let i = 1; i < pieces.length; i += 2) modules.push({ path: pieces[i], source: pieces[i + 1] });
  return modules;
}

const blankLongText = (code) =>
  code.replace(/`(?:[^`\\]|\\.)*`|"(?:[^"\\]|\\.)*"/g, (literal) =>
    literal.length > TEXT_MIN_LENGTH ? '""' : literal,
  );

const stale = [];
for (const name of Object.keys(BUDGETS)) {
  const modules = await modulesOf(name);
  const whole = await minifiedGzip(modules.map((m) => m.source).join("\n"));
  const rows = [];
  for (const left of modules) {
    const without = await minifiedGzip(
      modules
        .filter((m) => m !== left)
        .map((m) => m.source)
        .join("\n"),
    );
    rows.push({
      module: left.path.replace(/^node_modules\/([^/]+)\/.*/, "$1 (dependency)"),
      "gzip B without it": whole.gzip - without.gzip,
    });
  }
  rows.sort((a, b) => b["gzip B without it"] - a["gzip B without it"]);
  const textless = gzipSize(blankLongText(whole.code));
  console.log(
    `\n${name}: ${whole.gzip} B gzip; every message string blanked: ${textless} B; goal ${BUDGETS[name].target} B`,
  );
  console.table(rows);
  if (textless <= BUDGETS[name].target) stale.push(name);
}
if (stale.length > 0) {
  console.error(
    `size:breakdown: ${stale.join(", ")} would meet the goal without message text; the README's "Bundle size" reason is stale, update it`,
  );
  process.exit(1);
}
