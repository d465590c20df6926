// The package as users get it: `npm pack`, installed into a fresh folder, then import()ed and
// require()d by name with real calls against Prism, and type-checked by strict consumer projects.
import { execFile } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { projectRoot } from "../../scripts/lib/apis.mjs";
import { installPackedConsumer } from "../../scripts/lib/consumer.mjs";
import { prismUrl } from "../helpers/prism";

const run = promisify(execFile);
let consumer: string;

beforeAll(async () => {
  consumer = await installPackedConsumer();
}, 120_000);

afterAll(() => {
  if (consumer) rmSync(consumer, { recursive: true, force: true });
});

async function node(script: string): Promise<Record<string, unknown>> {
  const { stdout } = await run(process.execPath, [script], {
    cwd: consumer,
    env: { ...process.env, PROLIFI_URL: prismUrl("prolifi"), PAYPAL_URL: prismUrl("paypal-billing") },
  });
  return JSON.parse(stdout.trim().split("\n").pop() ?? "{}") as Record<string, unknown>;
}

async function tsc(project: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout } = await run(
      process.execPath,
      [join(projectRoot, "node_modules/typescript/bin/tsc"), "-p", project],
      { cwd: consumer },
    );
    return { code: 0, output: stdout };
  } catch (error) {
    const e = error as { code: number; stdout: string };
    return { code: e.code, output: e.stdout };
  }
}

describe("the packed package", () => {
  test("import() of every entry point makes real calls", async () => {
    expect(await node("esm.mjs")).toEqual({
      runtime: `node ${process.versions.node}`,
      usage: 2,
      periods: 3,
      viaIndex: 2,
      notFound: "NotFoundError",
      exports: expect.any(Number),
    });
  });

  test("require() of every entry point makes real calls, with one copy of each class", async () => {
    expect(await node("cjs.cjs")).toEqual({ usage: 2, periods: 3, sameClasses: true, exports: expect.any(Number) });
  });

  test.each(["tsconfig.nodenext.json", "tsconfig.bundler.json"])(
    "type-checks a strict consumer under %s, with no Node types",
    async (project) => {
      const { code, output } = await tsc(project);
      expect(output).toBe("");
      expect(code).toBe(0);
    },
  );

  test("the consumer's must-not-compile lines really do not compile", async () => {
    // Without the @ts-expect-error markers, exactly those four lines must be errors.
    const file = join(consumer, "consumer.ts");
    const source = readFileSync(file, "utf8");
    writeFileSync(file, source.replaceAll("// @ts-expect-error", "// (expected error)"));
    try {
      const { code, output } = await tsc("tsconfig.bundler.json");
      expect(code).not.toBe(0);
      expect(output.match(/error TS/g)).toHaveLength(4);
    } finally {
      writeFileSync(file, source);
    }
  });

  test("ships only dist/, the README, the licence and package.json", async () => {
    const { stdout } = await run("npm", ["pack", "--dry-run", "--json"], { cwd: projectRoot });
    const files = (JSON.parse(stdout) as { files: { path: string }[] }[])[0]?.files.map((f) => f.path) ?? [];
    expect(files.every((f) => f.startsWith("dist/") || ["README.md", "LICENSE", "package.json"].includes(f))).toBe(
      true,
    );
    expect(files).toContain("dist/prolifi.d.ts");
  });
});
