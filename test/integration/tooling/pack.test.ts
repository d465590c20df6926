// The package as users get it: `npm pack`, installed into a fresh folder, then import()ed and
// require()d by name with real calls against Prism. (Strict consumer projects type-check against it
// in scripts/typecheck-examples.mjs, a step of npm test.)
import { execFile } from "node:child_process";
import { rmSync } from "node:fs";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { installPackedConsumer } from "../../../scripts/lib/consumer.mjs";
import { CHILD_PROCESS_TEST_TIMEOUT_MS } from "../../helpers/child-process";
import { prismUrl } from "../../helpers/prism";

const run = promisify(execFile);
let consumer: string;
let packedFiles: string[];

beforeAll(async () => {
  ({ dir: consumer, files: packedFiles } = await installPackedConsumer());
}, CHILD_PROCESS_TEST_TIMEOUT_MS);

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

describe("the packed package", { timeout: CHILD_PROCESS_TEST_TIMEOUT_MS }, () => {
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

  test("ships only dist/, the README, the licence and package.json", () => {
    expect(
      packedFiles.filter((f) => !f.startsWith("dist/") && !["README.md", "LICENSE", "package.json"].includes(f)),
    ).toEqual([]);
    expect(packedFiles).toContain("dist/prolifi.d.ts");
  });
});
