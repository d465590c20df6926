// DESIGN.md's dependency rules, checked on the source: the core knows no provider, the providers do
// not know each other, src/ takes only types and the small .meta tables from generated/ (money its
// packed currency table too), nothing in src/ reaches into test/ or scripts/, and there are no
// import cycles. Also: the unit tests need no process, server or build.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, test } from "vitest";
import { projectRoot } from "../../scripts/lib/apis.mjs";

interface Edge {
  from: string;
  to: string;
  typeOnly: boolean;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith(".ts")
        ? [join(dir, entry.name)]
        : [],
  );
}

const files = sourceFiles(join(projectRoot, "src"));
const edges: Edge[] = files.flatMap((file) =>
  [...readFileSync(file, "utf8").matchAll(/^(?:import|export)\s+(type\s+)?[^;]*?from\s+"(\.[^"]+)";/gm)].map((m) => ({
    from: relative(projectRoot, file),
    to: relative(projectRoot, resolve(dirname(file), m[2] ?? "")).replace(/(\.ts)?$/, ".ts"),
    typeOnly: m[1] !== undefined,
  })),
);
const area = (path: string) => path.split("/").slice(0, 2).join("/");

describe("dependency rules", () => {
  test("reads the imports it checks", () => {
    expect(edges.length).toBeGreaterThan(30);
    expect(edges).toContainEqual({ from: "src/prolifi/client.ts", to: "src/core/operation.ts", typeOnly: false });
  });

  test("the shared core imports nothing provider-specific", () => {
    expect(edges.filter((e) => area(e.from) === "src/core" && area(e.to) !== "src/core")).toEqual([]);
  });

  test("the Prolifi and PayPal modules never import each other", () => {
    const crossing = edges.filter(
      (e) =>
        (area(e.from) === "src/prolifi" && area(e.to) === "src/paypal") ||
        (area(e.from) === "src/paypal" && area(e.to) === "src/prolifi"),
    );
    expect(crossing).toEqual([]);
  });

  test("src/ takes only types and the .meta constraint tables from generated/ (the mocks their .mock pages, money its currency table)", () => {
    const generated = edges.filter((e) => e.to.startsWith("generated/"));
    expect(generated.length).toBeGreaterThan(0);
    const mockPages = (e: Edge) => area(e.from) === "src/mock" && e.to.endsWith(".mock.ts");
    const currencyTable = (e: Edge) => area(e.from) === "src/money" && e.to === "generated/currencies.ts";
    expect(
      generated.filter((e) => !e.typeOnly && !e.to.endsWith(".meta.ts") && !mockPages(e) && !currencyTable(e)),
    ).toEqual([]);
    expect(generated.filter((e) => e.to === "generated/currencies.ts" && area(e.from) !== "src/money")).toEqual([]);
  });

  test("only billing-usage/mock (src/mock/) and the command (src/cli/) use Node's modules, and nothing imports them", () => {
    const nodeUsers = files
      .filter((file) => /from\s+"node:/.test(readFileSync(file, "utf8")))
      .map((file) => area(relative(projectRoot, file)));
    expect(new Set(nodeUsers)).toEqual(new Set(["src/mock", "src/cli"]));
    for (const nodeOnly of ["src/mock", "src/cli"]) {
      expect(edges.filter((e) => area(e.to) === nodeOnly && area(e.from) !== nodeOnly)).toEqual([]);
    }
  });

  test("billing-usage/money depends on nothing but the error base, the shared value rendering and its currency table", () => {
    const out = edges.filter((e) => area(e.from) === "src/money" && area(e.to) !== "src/money" && !e.typeOnly);
    expect(new Set(out.map((e) => e.to))).toEqual(
      new Set(["src/core/errors.ts", "src/core/checks.ts", "generated/currencies.ts"]),
    );
  });

  test("src/ imports nothing from test/ or scripts/", () => {
    expect(edges.filter((e) => /^(test|scripts)\//.test(e.to))).toEqual([]);
  });

  test("has no import cycles", () => {
    const next = new Map<string, string[]>();
    for (const e of edges) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
    const cycles: string[] = [];
    const visit = (node: string, path: string[]) => {
      if (path.includes(node)) {
        cycles.push([...path.slice(path.indexOf(node)), node].join(" → "));
        return;
      }
      for (const to of next.get(node) ?? []) visit(to, [...path, node]);
    };
    for (const file of next.keys()) visit(file, []);
    expect(cycles).toEqual([]);
  });
});

describe("the unit tests", () => {
  /** What only an integration test may use: processes, servers, Prism, the built package. */
  const INTEGRATION_ONLY =
    /from "(node:child_process|node:http|node:net|[^"]*helpers\/(prism|fault-server|paypal-server)|[^"]*\/dist\/[^"]*)"/;
  const unitFiles = readdirSync(join(projectRoot, "test/unit"), { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".ts"))
    .map((file) => join("test/unit", file))
    // This file names them only to test the guard.
    .filter((file) => file !== "test/unit/architecture.test.ts");

  test("start no process and no server, and need no build", () => {
    expect(unitFiles.length).toBeGreaterThan(10);
    const offending = unitFiles.filter((file) => INTEGRATION_ONLY.test(readFileSync(join(projectRoot, file), "utf8")));
    expect(offending).toEqual([]);
  });

  test("the guard spots what it looks for", () => {
    expect(INTEGRATION_ONLY.test('import { startFaultServer } from "../../helpers/fault-server";')).toBe(true);
    expect(INTEGRATION_ONLY.test('import { execFile } from "node:child_process";')).toBe(true);
    expect(INTEGRATION_ONLY.test('import { createProlifiClient } from "../../../dist/prolifi.js";')).toBe(true);
    expect(INTEGRATION_ONLY.test('import { mockFetch } from "../helpers/mock-fetch";')).toBe(false);
  });
});
