// The package as users get it: `npm pack`, installed into a fresh folder, then import()ed and
// require()d by name with real calls against Prism. (Strict consumer projects type-check against it
// in scripts/typecheck-examples.mjs, a step of npm test.)
import { execFile } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { projectRoot } from "../../../scripts/lib/apis.mjs";
import { installPackedConsumer } from "../../../scripts/lib/consumer.mjs";
import { CHILD_PROCESS_TEST_TIMEOUT_MS } from "../../helpers/child-process";
import { prismUrl } from "../../helpers/prism";
import { README } from "../../helpers/readme";

const run = promisify(execFile);
let consumer: string;
let packedFiles: string[];
let tarballName: string;

beforeAll(async () => {
  ({ dir: consumer, files: packedFiles, filename: tarballName } = await installPackedConsumer());
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
      periods: 4,
      viaIndex: 2,
      notFound: "NotFoundError",
      exports: expect.any(Number),
      money: "$589.90",
    });
  });

  test("require() of every entry point makes real calls, with one copy of each class", async () => {
    expect(await node("cjs.cjs")).toEqual({ usage: 2, periods: 4, sameClasses: true, exports: expect.any(Number) });
  });

  test("ships only dist/, the specs the mocks serve, the README, the licence and package.json", () => {
    const specs = ["spec/paypal-billing.yaml", "spec/prolifi.yaml"];
    const other = packedFiles.filter(
      (f) => !f.startsWith("dist/") && ![...specs, "README.md", "LICENSE", "package.json"].includes(f),
    );
    expect(other).toEqual([]);
    expect(packedFiles).toEqual(expect.arrayContaining(["dist/prolifi.d.ts", "dist/mock.js", ...specs]));
  });

  test("the tarball is the one the README's install-before-publication commands name", () => {
    const { version } = JSON.parse(readFileSync(join(projectRoot, "package.json"), "utf8")) as { version: string };
    expect(tarballName).toBe(`billing-usage-${version}.tgz`);
    expect(README).toContain(`npm ci && npm run build && npm pack     # writes ${tarballName}`);
    expect(README).toContain(`npm install ../billing-usage/${tarballName}`);
  });

  test("npx billing-usage runs the installed command: --version, and an export against the mock", async () => {
    const npx = (args: string[]) =>
      run("npx", ["--no-install", "billing-usage", ...args], {
        cwd: consumer,
        env: { ...process.env, PAYPAL_CLIENT_ID: "id-0123456789", PAYPAL_CLIENT_SECRET: "secret-0123456789" },
      });
    const { version } = JSON.parse(readFileSync(join(projectRoot, "package.json"), "utf8")) as { version: string };
    expect((await npx(["--version"])).stdout).toBe(`${version}\n`);
    const { stdout } = await npx([
      "export",
      "paypal",
      "--customer",
      "cust_42,sub_7",
      "--base-url",
      prismUrl("paypal-billing"),
      "--quiet",
    ]);
    expect(stdout.split("\r\n").filter(Boolean)).toHaveLength(1 + 8);
  });

  test("export --redis-url without a Redis client installed says what to install, exit 2", async () => {
    const failure = await run(
      "npx",
      [
        "--no-install",
        "billing-usage",
        "export",
        "paypal",
        "--customer",
        "c,s",
        "--environment",
        "sandbox",
        "--redis-url",
        "redis://127.0.0.1:1",
      ],
      {
        cwd: consumer,
        env: { ...process.env, PAYPAL_CLIENT_ID: "id-0123456789", PAYPAL_CLIENT_SECRET: "secret-0123456789" },
      },
    ).catch((error: { code: number; stderr: string }) => error);
    expect(failure).toMatchObject({ code: 2 });
    expect((failure as { stderr: string }).stderr).toMatch(
      /^billing-usage: --redis-url needs a Redis client beside billing-usage: npm install redis \(or ioredis\)\n/,
    );
  });

  test("billing-usage/redis exports the fleet's pieces; billing-usage/paypal/redis stays an alias of its token store", async () => {
    const script = `Promise.all(["redis", "paypal/redis", "rate-limit", "prolifi", "paypal"].map((entry) => import("billing-usage/" + entry)))
      .then(([redis, alias, rate, prolifi, paypal]) =>
      console.log(JSON.stringify({
        same: redis.createRedisTokenStore === alias.createRedisTokenStore,
        limiter: typeof redis.createRedisRateLimiter,
        local: typeof rate.createRateLimiter,
        localFromClients: prolifi.createRateLimiter === rate.createRateLimiter && paypal.createRateLimiter === rate.createRateLimiter,
        sameErrors: redis.InvalidInputError === alias.InvalidInputError,
      })));`;
    const { stdout } = await run(process.execPath, ["--input-type=module", "-e", script], { cwd: consumer });
    expect(JSON.parse(stdout)).toEqual({
      same: true,
      limiter: "function",
      local: "function",
      localFromClients: true,
      sameErrors: true,
    });
  });

  test("billing-usage/mock without Prism installed says how to install it", async () => {
    const script = `import("billing-usage/mock").then((m) => m.startMocks()).then(
      () => console.log("{}"),
      (e) => console.log(JSON.stringify({ name: e.name, code: e.code, message: e.message, isBase: e instanceof Error })),
    );`;
    const { stdout } = await run(process.execPath, ["--input-type=module", "-e", script], { cwd: consumer });
    expect(JSON.parse(stdout)).toEqual({
      name: "MockServerError",
      code: "PRISM_NOT_INSTALLED",
      message: "the mocks run Prism, which is not installed here: npm install --save-dev @stoplight/prism-cli@5",
      isBase: true,
    });
  });
});
