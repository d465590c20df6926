// What `npm run generate` reports: per generated file, and per operation and schema in a types file.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { projectRoot } from "../../../scripts/lib/apis.mjs";
import { describeGeneratedChanges, generatedSurface } from "../../../scripts/lib/generated-changes.mjs";

const TYPES = "generated/prolifi.ts";
const current = readFileSync(join(projectRoot, TYPES), "utf8");
const report = (after: string, before: string | undefined) =>
  describeGeneratedChanges(new Map([[TYPES, before]]), new Map([[TYPES, after]]), new Set([TYPES]));

describe("generate's change report", () => {
  test("reads the operations and schemas of a real generated file", () => {
    const surface = generatedSurface(current);
    expect([...surface.operations.keys()]).toEqual(["getCustomerUsage"]);
    expect([...surface.schemas.keys()]).toContain("UsageSummary");
  });

  test("an unchanged file says so", () => {
    expect(report(current, current)).toEqual([`${TYPES}: unchanged`]);
  });

  test("names a schema added, one removed and one changed", () => {
    const edited = current
      .replace("UsageSummary: {", "UsageTotal: {")
      .replace(/(ErrorDetail: \{)/, "$1\n            extra?: string;");
    expect(report(edited, current)).toEqual([
      `${TYPES}: changed`,
      "  schema ErrorDetail changed",
      "  schema UsageTotal added",
      "  schema UsageSummary removed",
    ]);
  });

  test("a description-only change names no operation or schema", () => {
    const edited = current.replace("Total number of events reported.", "Events reported, in total.");
    expect(edited).not.toBe(current);
    expect(report(edited, current)).toEqual([
      `${TYPES}: changed`,
      "  no operation or schema changed (descriptions, examples or paths only)",
    ]);
  });

  test("a file that is not a types file is named, never read for operations", () => {
    const table = "generated/currencies.ts";
    const lines = describeGeneratedChanges(
      new Map([[table, "export const CURRENCY_COUNT = 165;"]]),
      new Map([[table, "export const CURRENCY_COUNT = 166;"]]),
      new Set([TYPES]),
    );
    expect(lines).toEqual([`${table}: changed`]);
  });

  test("a new file is added, with every operation and schema in it", () => {
    const lines = report(current, undefined);
    expect(lines[0]).toBe(`${TYPES}: added`);
    expect(lines).toContain("  operation getCustomerUsage added");
  });
});
