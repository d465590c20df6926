// CHANGELOG.md and package.json agree: the newest released version is package.json's, and there is
// an Unreleased section to add to.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { projectRoot } from "../../scripts/lib/apis.mjs";

const changelog = readFileSync(join(projectRoot, "CHANGELOG.md"), "utf8");
const { version } = JSON.parse(readFileSync(join(projectRoot, "package.json"), "utf8")) as { version: string };
const headings = [...changelog.matchAll(/^## \[([^\]]+)\](?: - (\d{4}-\d{2}-\d{2}))?$/gm)].map((m) => ({
  version: m[1],
  date: m[2],
}));

describe("the changelog", () => {
  test("starts with Unreleased, then package.json's version, dated", () => {
    expect(headings[0]).toEqual({ version: "Unreleased", date: undefined });
    expect(headings[1]).toEqual({ version, date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
  });
});
