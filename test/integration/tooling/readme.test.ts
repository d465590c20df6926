// The README's TypeScript examples compile against the real types, so the docs cannot drift from
// the API. Each ```ts block becomes its own module; names a block uses without defining (a
// customer id, a signal, a client made in an earlier block) are declared in a shared prelude.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, test } from "vitest";
import { projectRoot } from "../../../scripts/lib/apis.mjs";

const run = promisify(execFile);

const PRELUDE = `
import type { ProlifiClient } from "billing-usage/prolifi";
import type { PayPalBillingClient } from "billing-usage/paypal";
declare const customerId: string;
declare const id: string;
declare const signal: AbortSignal;
declare const metrics: { count(status: number): void };
`;
const CLIENTS = {
  prolifi: "declare const prolifi: ProlifiClient;",
  paypal: "declare const paypal: PayPalBillingClient;",
};

/** Each npm script the README names, and the file through which CI runs it (with the text that runs it there). */
const WHERE_CI_RUNS: Record<string, [file: string, text: string]> = {
  test: [".ci/run", "npm test"],
  start: [".ci/run", "npm start"],
  "test:browser": [".ci/run", "npm run test:browser"],
  "test:runtimes": [".ci/run", "npm run test:runtimes"],
  bench: [".ci/run", "npm run bench"],
  "size:breakdown": [".ci/run", "npm run -s size:breakdown"],
  "spec:diff": [".ci/run", "npm run -s spec:diff"],
  // npm test's last step, `vitest run`, runs both projects.
  "test:unit": ["package.json", 'npm run size && vitest run"'],
  "test:integration": ["package.json", 'npm run size && vitest run"'],
  size: ["package.json", "npm run size"],
  "generate:check": ["package.json", "npm run generate:check"],
  generate: ["scripts/generate-check.mjs", "scripts/generate.mjs"],
  mock: ["test/integration/tooling/mock.test.ts", "scripts/mock.mjs"],
  docs: ["package.json", "npm run -s docs"],
  // CI runs the same Biome check, without --write, as npm test's first step.
  format: ["package.json", '"lint": "biome check ."'],
};

const readProject = (path: string): string => readFileSync(join(projectRoot, path), "utf8");

function snippets(): string[] {
  const readme = readProject("README.md");
  return [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] ?? "");
}

describe("README", () => {
  test("has TypeScript examples", () => {
    expect(snippets().length).toBeGreaterThanOrEqual(6);
  });

  test("every TypeScript example type-checks against the package", async () => {
    const dir = mkdtempSync(join(tmpdir(), "billing-usage-readme-"));
    try {
      const files = snippets().map((code, i) => {
        const clients = Object.entries(CLIENTS)
          .filter(([name]) => new RegExp(`\\b${name}\\.`).test(code) && !new RegExp(`const ${name}\\b`).test(code))
          .map(([, declaration]) => declaration);
        const file = join(dir, `snippet-${i + 1}.ts`);
        // Imports first, then the prelude, then the rest of the example.
        const imports = code.split("\n").filter((line) => line.startsWith("import "));
        const body = code.split("\n").filter((line) => !line.startsWith("import "));
        writeFileSync(file, [...imports, PRELUDE, ...clients, ...body, "export {};"].join("\n"));
        return file;
      });
      writeFileSync(
        join(dir, "tsconfig.json"),
        JSON.stringify({
          compilerOptions: {
            target: "ES2022",
            module: "ESNext",
            moduleResolution: "Bundler",
            lib: ["ES2022", "DOM", "DOM.Iterable"],
            types: ["node"],
            typeRoots: [join(projectRoot, "node_modules/@types")],
            strict: true,
            exactOptionalPropertyTypes: true,
            noUncheckedIndexedAccess: true,
            noEmit: true,
            skipLibCheck: true,
            paths: {
              "billing-usage": [join(projectRoot, "src/index.ts")],
              "billing-usage/*": [join(projectRoot, "src/*/index.ts")],
            },
          },
          files,
        }),
      );
      const result = await run(process.execPath, [
        join(projectRoot, "node_modules/typescript/bin/tsc"),
        "-p",
        dir,
      ]).catch((e: unknown) => e as { stdout: string });
      expect(result.stdout).toBe("");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("every npm script it names exists, and CI runs it where this table says", () => {
    const scripts = (JSON.parse(readProject("package.json")) as { scripts: Record<string, string> }).scripts;
    // Commands stand in ```sh blocks and `inline code`; prose such as "npm package" is not one.
    const readmeCode = [...readProject("README.md").matchAll(/```sh\n([\s\S]*?)```|`([^`\n]+)`/g)]
      .map((m) => m[1] ?? m[2] ?? "")
      .join("\n");
    const named = new Set(
      [...readmeCode.matchAll(/\bnpm (?:run (?:-s )?)?([a-z][\w:]*)/g)]
        .map((m) => m[1] ?? "")
        .filter((name) => name !== "ci" && name !== "install"),
    );
    expect([...named].sort()).toEqual(Object.keys(WHERE_CI_RUNS).sort());
    for (const [name, [file, text]] of Object.entries(WHERE_CI_RUNS)) {
      expect(scripts, `README names npm script "${name}"`).toHaveProperty(name);
      expect(readProject(file), `${file} runs npm script "${name}"`).toContain(text);
    }
  });
});
