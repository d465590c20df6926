// The package as users get it: `npm pack`, installed into a fresh folder, then import()ed and
// require()d by name with real calls against Prism, and type-checked by strict consumer projects.
import { execFile } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { projectRoot } from "../../../scripts/lib/apis.mjs";
import { installPackedConsumer } from "../../../scripts/lib/consumer.mjs";
import { prismUrl } from "../../helpers/prism";

const run = promisify(execFile);
let consumer: string;
let packedFiles: string[];

beforeAll(async () => {
  ({ dir: consumer, files: packedFiles } = await installPackedConsumer());
});

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

/** The four lines consumer.ts marks with @ts-expect-error, as a user would write them unmarked. */
const MUST_NOT_COMPILE = 4;

/**
 * Type-checks the consumer under NodeNext and under Bundler resolution, in one tsc process (`-b`
 * takes several projects). The Bundler project also holds `unmarked.ts`, a copy of consumer.ts
 * without its @ts-expect-error markers, where exactly the marked lines must fail.
 */
async function typecheckConsumer(): Promise<string> {
  const source = readFileSync(join(consumer, "consumer.ts"), "utf8");
  writeFileSync(join(consumer, "unmarked.ts"), source.replaceAll("// @ts-expect-error", "// (expected error)"));
  const bundler = JSON.parse(readFileSync(join(consumer, "tsconfig.bundler.json"), "utf8")) as { files: string[] };
  writeFileSync(
    join(consumer, "tsconfig.bundler-unmarked.json"),
    JSON.stringify({ extends: "./tsconfig.bundler.json", files: [...bundler.files, "unmarked.ts"] }),
  );
  const tsc = join(projectRoot, "node_modules/typescript/bin/tsc");
  const projects = ["tsconfig.nodenext.json", "tsconfig.bundler-unmarked.json"];
  const result = await run(process.execPath, [tsc, "-b", ...projects], { cwd: consumer }).catch(
    (error: unknown) => error as { stdout: string },
  );
  return result.stdout;
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

  test("a strict consumer type-checks under NodeNext and Bundler with no Node types, and its must-not-compile lines do not", async () => {
    const errors = (await typecheckConsumer()).split("\n").filter((line) => / error TS\d+:/.test(line));
    expect(errors.filter((line) => !line.startsWith("unmarked.ts("))).toEqual([]);
    expect(errors).toHaveLength(MUST_NOT_COMPILE);
  });

  test("ships only dist/, the README, the licence and package.json", () => {
    expect(
      packedFiles.filter((f) => !f.startsWith("dist/") && !["README.md", "LICENSE", "package.json"].includes(f)),
    ).toEqual([]);
    expect(packedFiles).toContain("dist/prolifi.d.ts");
  });
});
