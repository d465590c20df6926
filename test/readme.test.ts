// The README's TypeScript examples compile against the real types, so the docs cannot drift from
// the API. Each ```ts block becomes its own module; names a block uses without defining (a
// customer id, a signal, a client made in an earlier block) are declared in a shared prelude.
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, test } from "vitest";
import { projectRoot } from "../scripts/lib/apis.mjs";

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

  test("every npm script it names exists and is run by .ci/run or a test, directly or through another script", () => {
    const scripts = (JSON.parse(readProject("package.json")) as { scripts: Record<string, string> }).scripts;
    const named = (text: string) => [...text.matchAll(/\bnpm (?:run (?:-s )?)?([a-z][\w:]*)/g)].map((m) => m[1] ?? "");
    // Commands stand in ```sh blocks and `inline code`; prose such as "npm package" is not one.
    const readmeCode = [...readProject("README.md").matchAll(/```sh\n([\s\S]*?)```|`([^`\n]+)`/g)]
      .map((m) => m[1] ?? m[2] ?? "")
      .join("\n");
    const readmeScripts = new Set(named(readmeCode).filter((name) => name !== "ci" && name !== "install"));
    expect(readmeScripts.size).toBeGreaterThanOrEqual(8);
    for (const name of readmeScripts) expect(scripts, `README names npm script "${name}"`).toHaveProperty(name);

    // What CI runs: .ci/run, every npm script it reaches, and every scripts/*.mjs those run or spawn,
    // or a test spawns (tests name a script file only to run it).
    const reached = new Set<string>();
    const texts = [readProject(".ci/run")];
    const files = new Set<string>();
    const scriptFilesIn = (text: string) => [...text.matchAll(/scripts\/[\w-]+\.mjs/g)].map(([file]) => file);
    const reachFile = (file: string) => {
      if (files.has(file)) return;
      files.add(file);
      texts.push(readProject(file));
    };
    for (const file of readdirSync(join(projectRoot, "test"), { recursive: true, encoding: "utf8" })) {
      if (file.endsWith(".test.ts")) scriptFilesIn(readProject(join("test", file))).forEach(reachFile);
    }
    for (let i = 0; i < texts.length; i++) {
      const text = texts[i] ?? "";
      for (const name of named(text)) {
        const body = scripts[name];
        if (body !== undefined && !reached.has(name)) {
          reached.add(name);
          texts.push(body);
        }
      }
      scriptFilesIn(text).forEach(reachFile);
    }
    const runsFile = (name: string) => [...files].some((file) => scripts[name]?.includes(file));
    const notRun = [...readmeScripts].filter((name) => !reached.has(name) && !runsFile(name));
    expect(notRun).toEqual([]);
  });
});
