// Builds generated/<api>.meta.ts: the few facts of a spec that src/ needs at run time (servers,
// each operation's method, path and parameter constraints, bearer key patterns), so a spec change moves the client's
// input checks with it. Descriptions stay out: this module ships in browser bundles.
import { eachOperation, pickConstraints } from "./openapi.mjs";

function operationsOf(spec) {
  const operations = {};
  for (const { path, method, op, parameters } of eachOperation(spec)) {
    // Grouped by location: a query object must not pass for a path parameter, nor the reverse.
    const byLocation = { path: {}, query: {} };
    for (const param of parameters) {
      byLocation[param.in] ??= {};
      byLocation[param.in][param.name] = {
        ...(param.required === true && { required: true }),
        ...pickConstraints(param.schema),
      };
    }
    operations[op.operationId] = { method: method.toUpperCase(), path, parameters: byLocation };
  }
  return operations;
}

function keyPatternsOf(spec) {
  const patterns = {};
  for (const [name, scheme] of Object.entries(spec.components?.securitySchemes ?? {})) {
    if (scheme["x-key-pattern"]) patterns[name] = scheme["x-key-pattern"];
  }
  return patterns;
}

/** The comment every file scripts/generate.mjs writes from a spec opens with. */
export const generatedHeader = (specPath) => [
  "/**",
  ` * This file was auto-generated from ${specPath} by scripts/generate.mjs.`,
  " * Do not make direct changes to the file.",
  " */",
  "",
];

export function buildMetaModule(spec, specPath) {
  const lines = [
    ...generatedHeader(specPath),
    `export const servers = ${JSON.stringify(
      spec.servers.map((s) => s.url),
      null,
      2,
    )} as const;`,
    "",
    `export const operations = ${JSON.stringify(operationsOf(spec), null, 2)} as const;`,
    "",
  ];
  const keyPatterns = keyPatternsOf(spec);
  if (Object.keys(keyPatterns).length > 0) {
    lines.push(`export const keyPatterns = ${JSON.stringify(keyPatterns, null, 2)} as const;`, "");
  }
  return lines.join("\n");
}
