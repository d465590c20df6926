// The README's two fleet recipes (a Kubernetes Indexed Job and a GNU parallel line) are commands users
// copy as they are: each shard's command line, expanded as the pod's shell or parallel expands it,
// must parse, and the shards together must export every customer once, into files of their own.
import { describe, expect, test } from "vitest";
import { parse as parseYaml } from "yaml";
import { type ExportArgs, parseCommand } from "../../../src/cli/args";
import { inShard } from "../../../src/cli/shard";
import { readmeBlock } from "../../helpers/readme";

/** A shell command line, `npx billing-usage` dropped, parsed as the CLI parses its arguments. */
function exportArgs(line: string, env: Record<string, string>): ExportArgs {
  const [npx, bin, ...argv] = line.trim().split(/\s+/);
  expect([npx, bin]).toEqual(["npx", "billing-usage"]);
  const command = parseCommand(argv, env);
  if (command.kind !== "export") throw new Error(`not an export: ${line}`);
  return command.args;
}

/** Every customer of a sample list is in exactly one of the shards the commands select. */
function expectEveryCustomerOnce(runs: readonly ExportArgs[]): void {
  const customers = Array.from({ length: 500 }, (_, i) => `cust_${i}`);
  for (const id of customers) {
    expect(runs.filter(({ shard }) => shard !== undefined && inShard(id, shard))).toHaveLength(1);
  }
}

describe("the README's fleet recipes", () => {
  test("the Kubernetes Indexed Job: one shard per completion index, one file each, the token shared", () => {
    const job = parseYaml(readmeBlock("yaml", "# Kubernetes"));
    const { completions, parallelism, completionMode, template } = job.spec;
    expect(completionMode).toBe("Indexed");
    const [container] = template.spec.containers;
    const env = Object.fromEntries(
      container.env.map(({ name, value }: { name: string; value: string }) => [name, value]),
    );
    expect(container.command).toEqual(["sh", "-c"]);
    const runs = Array.from({ length: completions }, (_, index) =>
      exportArgs(
        container.args[0]
          .replaceAll("$((JOB_COMPLETION_INDEX+1))", String(index + 1))
          .replaceAll("$JOB_COMPLETION_INDEX", String(index)),
        env,
      ),
    );
    for (const [index, run] of runs.entries()) {
      expect(run).toMatchObject({
        provider: "paypal",
        environment: "live",
        resume: true,
        shard: { index: index + 1, count: completions },
        redisUrl: env.REDIS_URL,
      });
    }
    expect(parallelism).toBe(completions);
    expect(new Set(runs.map(({ out }) => out)).size).toBe(completions);
    expectEveryCustomerOnce(runs);
  });

  test("the GNU parallel line: four shards, four files, one Redis", () => {
    const line = readmeBlock("sh", "# GNU parallel")
      .split("\n")
      .find((text) => text.startsWith("parallel "));
    const [, template, values] = /^parallel -j(?:\d+) '([^']+)' ::: (.+)$/.exec(line ?? "") ?? [];
    expect(template).toBeDefined();
    const shards = (values as string).split(" ");
    const runs = shards.map((value) => exportArgs((template as string).replaceAll("{}", value), {}));
    for (const [at, run] of runs.entries()) {
      expect(run).toMatchObject({
        provider: "paypal",
        resume: true,
        shard: { index: Number(shards[at]), count: shards.length },
        redisUrl: "redis://127.0.0.1:6379",
        out: `usage-${shards[at]}.csv`,
      });
    }
    expectEveryCustomerOnce(runs);
  });
});
