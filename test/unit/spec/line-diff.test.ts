import { describe, expect, test } from "vitest";
import { lineDifference } from "../../../scripts/lib/line-diff.mjs";

describe("lineDifference", () => {
  test("lists only the lines that differ, old before new", () => {
    expect(lineDifference("a\nb\nc\nd", "a\nB\nc\nd\ne")).toEqual(["- b", "+ B", "+ e"]);
  });

  test("is empty for equal texts", () => {
    expect(lineDifference("a\nb", "a\nb")).toEqual([]);
  });
});
