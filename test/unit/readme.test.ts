// Every command the README names is a real npm script that CI runs. (Its TypeScript examples are
// type-checked by scripts/typecheck-examples.mjs, a step of npm test.)
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { projectRoot } from "../../scripts/lib/apis.mjs";
import { README } from "../helpers/readme";

/** Each npm script the README names, and the file through which CI runs it (with the text that runs it there). */
const WHERE_CI_RUNS: Record<string, [file: string, text: string]> = {
  test: [".ci/run", "npm test"],
  start: [".ci/run", "npm start"],
  "test:browser": [".ci/run", "npm run test:browser"],
  "test:runtimes": [".ci/run", "npm run test:runtimes"],
  "test:examples": [".ci/run", "npm run test:examples"],
  // The README's install-before-publication build (then `npm pack`, which the pack test runs).
  build: ["package.json", "npm run build"],
  bench: [".ci/run", "npm run bench"],
  soak: [".ci/run", "npm run soak"],
  "bench:export": [".ci/run", "npm run bench:export"],
  "bench:fleet": [".ci/run", "npm run bench:fleet"],
  "bench:telemetry": [".ci/run", "npm run bench:telemetry"],
  "size:breakdown": [".ci/run", "npm run -s size:breakdown"],
  "spec:diff": [".ci/run", "npm run -s spec:diff"],
  // npm test's last step, `vitest run`, runs both projects.
  // npm test runs test:vitest (both projects) and the static checks through scripts/run-parallel.mjs.
  "test:unit": ["package.json", "run-parallel.mjs test:vitest"],
  "test:integration": ["package.json", "run-parallel.mjs test:vitest"],
  typecheck: ["package.json", "run-parallel.mjs test:vitest typecheck"],
  size: ["package.json", "run-parallel.mjs test:vitest typecheck api:check size"],
  "lint:package": [".ci/run", "npm run lint:package"],
  "generate:check": ["package.json", "npm run generate:check"],
  generate: ["scripts/generate-check.mjs", "scripts/generate.mjs"],
  mock: ["test/integration/tooling/mock.test.ts", "scripts/mock.mjs"],
  "api:check": ["package.json", "typecheck api:check"],
  docs: ["package.json", "npm run -s docs"],
  // CI runs the same Biome check, without --write, as npm test's first step.
  format: ["package.json", '"lint": "biome check ."'],
};

const readProject = (path: string): string => readFileSync(join(projectRoot, path), "utf8");

describe("README", () => {
  test("every npm script it names exists, and CI runs it where this table says", () => {
    const scripts = (JSON.parse(readProject("package.json")) as { scripts: Record<string, string> }).scripts;
    // Commands stand in ```sh blocks and `inline code`; prose such as "npm package" is not one.
    const readmeCode = [...README.matchAll(/```sh\n([\s\S]*?)```|`([^`\n]+)`/g)]
      .map((m) => m[1] ?? m[2] ?? "")
      .join("\n");
    const named = new Set(
      [...readmeCode.matchAll(/\bnpm (?:run (?:-s )?)?([a-z][\w:]*)/g)]
        .map((m) => m[1] ?? "")
        // npm's own commands, not scripts; the pack test runs `npm pack` and installs its tarball.
        .filter((name) => !["ci", "install", "pack"].includes(name)),
    );
    expect([...named].sort()).toEqual(Object.keys(WHERE_CI_RUNS).sort());
    for (const [name, [file, text]] of Object.entries(WHERE_CI_RUNS)) {
      expect(scripts, `README names npm script "${name}"`).toHaveProperty(name);
      expect(readProject(file), `${file} runs npm script "${name}"`).toContain(text);
    }
  });
});

/** The names in the first column of the table after `marker`, and the `code` names in the prose between. */
function optionNamesAfter(readme: string, marker: string): string[] {
  const from = readme.indexOf(marker);
  const text = readme.slice(from, readme.indexOf("\n\n|", from) + 2);
  const table = readme.slice(from + text.length).split("\n\n")[0] ?? "";
  const rows = table.split("\n").slice(2);
  const prose = [...text.matchAll(/`([a-zA-Z]+)`/g)].map((m) => m[1] ?? "");
  return [
    ...prose,
    ...rows.flatMap((row) => [...(row.split("|")[1] ?? "").matchAll(/`(\w+)`/g)].map((m) => m[1] ?? "")),
  ];
}

/** What a client says it knows when given a name too far from all of them for a suggestion. */
function knownOptions(make: (options: object) => unknown): string[] {
  try {
    make({ zzzzzzzzzzzz: 1 });
  } catch (error) {
    const list = /known options: (.*)$/.exec((error as Error).message)?.[1];
    if (list) return list.split(", ");
  }
  throw new Error("the client did not list its options");
}

describe("README's client options", () => {
  test("each client's table names exactly the options it takes", async () => {
    const { createProlifiClient } = await import("../../src/prolifi/index");
    const { createPayPalBillingClient } = await import("../../src/paypal/index");
    expect(optionNamesAfter(README, "`createProlifiClient(options)`:").sort()).toEqual(
      knownOptions(createProlifiClient).sort(),
    );
    expect(optionNamesAfter(README, "`createPayPalBillingClient(options)`").sort()).toEqual(
      knownOptions(createPayPalBillingClient).sort(),
    );
  });
});
