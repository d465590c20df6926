// What a regeneration changed in generated/: for each file, whether it was added, changed or left
// alone, and for the types files, which operations and schemas were added, removed or changed. The
// types are read with the TypeScript parser, not by pattern, so formatting never fools it.
import ts from "typescript";

const memberName = (member, file) => member.name?.getText(file).replace(/^"|"$/g, "");
/** A member's text without comments or layout: a reworded description is not a changed schema. */
const shape = (member, file) =>
  member
    .getText(file)
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/\s+/g, " ");

/** The operations and schemas a generated types file declares, each with its text minus comments. */
export function generatedSurface(text) {
  const file = ts.createSourceFile("generated.ts", text, ts.ScriptTarget.Latest, true);
  const surface = { operations: new Map(), schemas: new Map() };
  for (const statement of file.statements) {
    if (!ts.isInterfaceDeclaration(statement)) continue;
    if (statement.name.text === "operations") {
      for (const member of statement.members) surface.operations.set(memberName(member, file), shape(member, file));
    }
    if (statement.name.text === "components") {
      const schemas = statement.members.find((member) => memberName(member, file) === "schemas");
      for (const member of schemas?.type?.members ?? [])
        surface.schemas.set(memberName(member, file), shape(member, file));
    }
  }
  return surface;
}

function compare(kind, before, after) {
  const lines = [];
  for (const [name, text] of after) {
    if (!before.has(name)) lines.push(`${kind} ${name} added`);
    else if (before.get(name) !== text) lines.push(`${kind} ${name} changed`);
  }
  for (const name of before.keys()) if (!after.has(name)) lines.push(`${kind} ${name} removed`);
  return lines;
}

/**
 * @param {Map<string, string | undefined>} before each generated file's text before (undefined: absent)
 * @param {Map<string, string>} after each generated file's text after
 * @param {Set<string>} typesFiles the paths among them that are openapi-typescript's types files
 * @returns {string[]} one line per file, and one per operation or schema that changed in a types file
 */
export function describeGeneratedChanges(before, after, typesFiles) {
  const lines = [];
  for (const [path, text] of after) {
    const old = before.get(path);
    if (old === text) {
      lines.push(`${path}: unchanged`);
      continue;
    }
    lines.push(`${path}: ${old === undefined ? "added" : "changed"}`);
    if (!typesFiles.has(path)) continue;
    const was = generatedSurface(old ?? "");
    const now = generatedSurface(text);
    const details = [
      ...compare("operation", was.operations, now.operations),
      ...compare("schema", was.schemas, now.schemas),
    ];
    lines.push(...details.map((detail) => `  ${detail}`));
    if (details.length === 0) lines.push("  no operation or schema changed (descriptions, examples or paths only)");
  }
  return lines;
}
