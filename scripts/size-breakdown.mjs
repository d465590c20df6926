#!/usr/bin/env node
// Where each entry point's browser bytes go: for every module in the bundle, how many gzip bytes
// the bundle loses without it. A report for whoever trims next; the ceilings are held by
// scripts/size.mjs. Bundles src/, no build.
import { build, transform } from "esbuild";
import { projectRoot } from "./lib/apis.mjs";
import { BROWSER_BUILD, BUDGETS, clientAppSource, gzipSize } from "./lib/bundle-size.mjs";

const MODULE_MARKER = /^\/\/ ((?:src|generated|node_modules)\/\S+)$/m;

/**
 * Minified the way scripts/size.mjs minifies, but as a transform, so any module can be left out.
 * Names a left-out module declared are dropped from the export list (esbuild names each one).
 */
async function minifiedGzip(source) {
  try {
    // A transform takes no plugins (they only decide what a bundle pulls in).
    const { plugins: _plugins, ...transformOptions } = BROWSER_BUILD;
    const { code } = await transform(source, { ...transformOptions, minify: true, loader: "js", logLevel: "silent" });
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

/**
 * The unminified bundle of `billing-usage/<provider>`'s source as scripts/size.mjs measures it (the
 * opt-in tools left out), split at esbuild's `// path` comments into one piece per module.
 */
async function modulesOf(name) {
  const entry = `${projectRoot}src/${name.split("/")[1]}/index.ts`;
  const result = await build({
    ...BROWSER_BUILD,
    stdin: { contents: await clientAppSource(entry), resolveDir: projectRoot, loader: "js" },
    bundle: true,
    write: false,
    logLevel: "silent",
  });
  const pieces = result.outputFiles[0].text.split(MODULE_MARKER);
  const modules = [];
  for (let i = 1; i < pieces.length; i += 2) modules.push({ path: pieces[i], source: pieces[i + 1] });
  return modules;
}

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
  // Not the gated figure: src/ minified as one transform lands ~1% above the built package's bundle
  // (only when it bundles does esbuild inline constants across modules and write const as let), so
  // the ceiling is named apart.
  console.log(
    `\n${name}: ${whole.gzip} B gzip as these modules minify together; the ${BUDGETS[name].ceiling} B ceiling is held by \`npm run size\`, on the built package`,
  );
  console.table(rows);
}
