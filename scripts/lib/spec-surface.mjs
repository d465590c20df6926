// What a spec promises the package's users, flattened into comparable entries, and how a change to
// each entry lands on them: `breaking` (code that compiled or ran before may not), or `compatible`.
// Used by scripts/spec-diff.mjs to say what a spec change means before it is released.
import { eachOperation, pickConstraints, resolve } from "./openapi.mjs";

/** A schema as one entry: its type (with `null` taken out into `nullable`), format and enum. */
function describeSchema(spec, schema) {
  const resolved = resolve(spec, schema);
  const variants = resolved.oneOf ?? resolved.anyOf;
  if (variants) {
    const nonNull = variants.map((variant) => resolve(spec, variant)).filter((variant) => variant.type !== "null");
    const parts = nonNull.map((variant) => describeSchema(spec, variant));
    const merged = parts.length === 1 ? { ...parts[0] } : { type: parts.map((part) => part.type).join(" | ") };
    if (nonNull.length < variants.length) merged.nullable = true;
    return merged;
  }
  const types = [resolved.type ?? (resolved.properties ? "object" : resolved.items ? "array" : "any")].flat();
  const out = { type: types.filter((type) => type !== "null").join(" | ") };
  if (types.includes("null")) out.nullable = true;
  if (resolved.format) out.format = resolved.format;
  if (resolved.enum) out.enum = resolved.enum.filter((value) => value !== null);
  return out;
}

/**
 * The schemas whose properties and items a value of `resolved` has: itself, its `allOf` parts, and
 * the one non-null variant of a nullable `oneOf`/`anyOf`.
 */
function shapesOf(spec, resolved) {
  const variants = (resolved.oneOf ?? resolved.anyOf ?? [])
    .map((variant) => resolve(spec, variant))
    .filter((variant) => variant.type !== "null");
  return [
    resolved,
    ...(resolved.allOf ?? []).map((part) => resolve(spec, part)),
    ...(variants.length === 1 ? variants : []),
  ];
}

/** Every field a body holds, by path (`.data[].count`), as entries of `into`. */
function walkBody(spec, schema, path, required, into, seen = new Set()) {
  const resolved = resolve(spec, schema);
  into.set(path || "(body)", { ...describeSchema(spec, schema), ...(path && { required }) });
  if (seen.has(resolved)) return; // a recursive schema: its fields are listed once, above
  const next = new Set(seen).add(resolved);
  for (const shape of shapesOf(spec, resolved)) {
    const requiredNames = new Set(shape.required ?? []);
    for (const [name, property] of Object.entries(shape.properties ?? {}))
      walkBody(spec, property, `${path}.${name}`, requiredNames.has(name), into, next);
    if (shape.items) walkBody(spec, shape.items, `${path}[]`, true, into, next);
  }
}

/**
 * The surface of a spec: one entry per operation, parameter, request-body field, response status,
 * response header and response-body field, keyed so the same thing has the same key in any version.
 * Every entry but an operation names the operation it belongs to.
 * @returns {Map<string, { kind: string, operation?: string, [k: string]: unknown }>}
 */
export function specSurface(spec) {
  const surface = new Map();
  for (const { path, method, op, parameters } of eachOperation(spec)) {
    const name = `${method.toUpperCase()} ${path}`;
    surface.set(name, { kind: "operation" });
    const entry = (kind, fields) => ({ kind, operation: name, ...fields });
    const addBody = (at, kind, schema) => {
      const fields = new Map();
      walkBody(spec, schema ?? {}, "", true, fields);
      for (const [field, described] of fields) surface.set(`${at} ${field}`, entry(kind, described));
    };
    for (const param of parameters) {
      const constraints = { ...pickConstraints(param.schema), ...(param.schema.enum && { enum: param.schema.enum }) };
      surface.set(
        `${name} ${param.in} parameter ${param.name}`,
        entry("parameter", { required: param.required === true, ...constraints }),
      );
    }
    const body = resolve(spec, op.requestBody ?? {});
    for (const [mediaType, content] of Object.entries(body.content ?? {}))
      addBody(`${name} request ${mediaType}`, "request field", content.schema);
    for (const [status, rawResponse] of Object.entries(op.responses ?? {})) {
      const response = resolve(spec, rawResponse);
      const at = `${name} → ${status}`;
      surface.set(at, entry("response", {}));
      for (const [header, rawHeader] of Object.entries(response.headers ?? {})) {
        const definition = resolve(spec, rawHeader);
        surface.set(
          `${at} header ${header.toLowerCase()}`,
          entry("response header", {
            required: definition.required === true,
            ...describeSchema(spec, definition.schema ?? {}),
          }),
        );
      }
      for (const [mediaType, content] of Object.entries(response.content ?? {}))
        addBody(`${at} ${mediaType}`, "response field", content.schema);
    }
  }
  return surface;
}

const INPUT_KINDS = new Set(["parameter", "request field"]);
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

/** What changed in one entry, and whether it breaks users. Inputs and outputs break in opposite directions. */
function entryChanges(before, after) {
  const input = INPUT_KINDS.has(after.kind);
  const changes = [];
  const note = (breaking, text) => changes.push({ breaking, text });
  if (before.required !== after.required && before.required !== undefined) {
    // A newly required input breaks callers; a no-longer-required output breaks readers.
    note(input === after.required, after.required ? "now required" : "no longer required");
  }
  if (before.nullable !== after.nullable)
    note(!input && after.nullable === true, after.nullable ? "now nullable" : "no longer nullable");
  for (const key of ["type", "format", "pattern"]) {
    if (!same(before[key], after[key]))
      note(true, `${key} ${JSON.stringify(before[key])} → ${JSON.stringify(after[key])}`);
  }
  for (const [key, tighter] of [
    ["minimum", 1],
    ["minLength", 1],
    ["maximum", -1],
    ["maxLength", -1],
  ]) {
    if (before[key] === after[key]) continue;
    const tightened =
      after[key] !== undefined && (before[key] === undefined || Math.sign(after[key] - before[key]) === tighter);
    // Tighter input limits refuse what was accepted; tighter output limits break nobody.
    note(input && tightened, `${key} ${before[key] ?? "none"} → ${after[key] ?? "none"}`);
  }
  if (!same(before.enum, after.enum)) {
    const added = (after.enum ?? []).filter((value) => !(before.enum ?? []).includes(value));
    const removed = (before.enum ?? []).filter((value) => !(after.enum ?? []).includes(value));
    // An output enum that grows breaks exhaustive switches over the generated union type.
    if (added.length > 0)
      note(!input && before.enum !== undefined, `enum adds ${added.map((v) => JSON.stringify(v)).join(", ")}`);
    if (removed.length > 0)
      note(input || after.enum === undefined, `enum drops ${removed.map((v) => JSON.stringify(v)).join(", ")}`);
  }
  return changes;
}

/**
 * The differences between two surfaces, breaking first.
 * @returns {{ breaking: boolean, key: string, text: string }[]}
 */
export function diffSurfaces(before, after) {
  const out = [];
  // Anything removed breaks someone: an operation or field they use, a status their code handles.
  for (const key of before.keys()) if (!after.has(key)) out.push({ breaking: true, key, text: "removed" });
  for (const [key, entry] of after) {
    const previous = before.get(key);
    if (previous === undefined) {
      // A new required input breaks existing calls; on a new operation there are none.
      const breaking = INPUT_KINDS.has(entry.kind) && entry.required === true && before.has(entry.operation);
      out.push({
        breaking,
        key,
        text: entry.required === undefined ? "added" : `added (${entry.required ? "required" : "optional"})`,
      });
      continue;
    }
    for (const change of entryChanges(previous, entry)) out.push({ ...change, key });
  }
  return out.sort((a, b) => Number(b.breaking) - Number(a.breaking) || a.key.localeCompare(b.key));
}
