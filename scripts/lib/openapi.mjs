// Reading an OpenAPI document: the few walks both the constraint tables (spec-meta.mjs) and the
// change report (spec-surface.mjs) make, written once.

const METHODS = ["get", "put", "post", "delete", "patch"];
/** The schema keywords the clients check input against, and the spec diff compares. */
const CONSTRAINT_KEYS = ["type", "format", "pattern", "minLength", "maxLength", "minimum", "maximum"];

/** Follows a local `$ref` (`#/components/...`); other refs are not used by these specs. */
export function resolve(spec, node) {
  let current = node;
  for (let hops = 0; current?.$ref !== undefined; hops++) {
    if (hops > 20 || !current.$ref.startsWith("#/")) throw new Error(`cannot follow $ref ${current.$ref}`);
    current = current.$ref
      .slice(2)
      .split("/")
      .reduce((at, key) => at?.[key.replaceAll("~1", "/").replaceAll("~0", "~")], spec);
  }
  return current ?? {};
}

/** The constraint keywords a schema sets. */
export function pickConstraints(schema) {
  return Object.fromEntries(
    CONSTRAINT_KEYS.filter((key) => schema[key] !== undefined).map((key) => [key, schema[key]]),
  );
}

/**
 * Every operation, as `{ path, method, op, parameters }`: `parameters` are the path item's and the
 * operation's together, each with its `$ref` and its schema's `$ref` followed.
 */
export function* eachOperation(spec) {
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const parameters = [...(item.parameters ?? []), ...(op.parameters ?? [])].map((raw) => {
        const param = resolve(spec, raw);
        return { ...param, schema: resolve(spec, param.schema ?? {}) };
      });
      yield { path, method, op, parameters };
    }
  }
}
