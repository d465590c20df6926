// The README's TypeScript examples compile against the real types, so the docs cannot drift from
// the API. Each ```ts block becomes its own module; names a block uses without defining (a
// customer id, a signal, a client made in an earlier block) are declared in a shared prelude.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
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
const CLIENTS = { prolifi: "declare const prolifi: ProlifiClient;", paypal: "declare const paypal: PayPalBillingClient;" };

function snippets(): string[] {
  const readme = readFileSync(join(projectRoot, "README.md"), "utf8");
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
            paths: { "billing-usage": [join(projectRoot, "src/index.ts")], "billing-usage/*": [join(projectRoot, "src/*/index.ts")] },
          },
          files,
        }),
      );
      const result = await run(process.execPath, [join(projectRoot, "node_modules/typescript/bin/tsc"), "-p", dir]).catch((e: unknown) => e as { stdout: string });
      expect(result.stdout).toBe("");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
