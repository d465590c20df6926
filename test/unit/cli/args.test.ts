// The command line into options: every mistake is one UsageError naming it, before anything is sent.
import { describe, expect, test } from "vitest";
import { DEFAULT_CONCURRENCY, parseCommand } from "../../../src/cli/args";
import { UsageError } from "../../../src/cli/usage";

const parse = (line: string, env: Record<string, string> = {}) => parseCommand(line.split(" ").filter(Boolean), env);
const usageError = (line: string) => {
  try {
    parse(line);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error("no UsageError");
};

describe("billing-usage arguments", () => {
  test("help and version", () => {
    expect(parse("--help")).toEqual({ kind: "help", text: "main" });
    expect(parse("export --help")).toEqual({ kind: "help", text: "export" });
    expect(parse("--version")).toEqual({ kind: "version" });
  });

  test("an export with its defaults", () => {
    const command = parse("export paypal --customer c1,s1 --customer c2 --subscription s2");
    expect(command).toMatchObject({
      kind: "export",
      args: {
        provider: "paypal",
        customers: ["c1,s1", "c2"],
        format: "csv",
        concurrency: DEFAULT_CONCURRENCY,
        resume: false,
      },
    });
  });

  test("REDIS_URL is taken when --redis-url is not given", () => {
    expect(parse("export paypal --customer c,s", { REDIS_URL: "redis://r:6379" })).toMatchObject({
      args: { redisUrl: "redis://r:6379" },
    });
    expect(
      parse("export prolifi --customer c --redis-url redis://flag:1", { REDIS_URL: "redis://r:6379" }),
    ).toMatchObject({
      args: { redisUrl: "redis://flag:1" },
    });
  });

  test("--rate takes requests per second", () => {
    expect(parse("export prolifi --customer c --rate 2.5")).toMatchObject({ args: { rate: 2.5 } });
  });

  test.each([
    ["export prolifi --frm 2026-01-01 --customer c", "Unknown option '--frm'"],
    ["export prolifi", "give the customers with --customer ID (repeatable) or --customers FILE|-, one of the two"],
    [
      "export prolifi --customer c --customers f",
      "give the customers with --customer ID (repeatable) or --customers FILE|-, one of the two",
    ],
    ["export", 'export needs a provider, prolifi or paypal (got "")'],
    ["export stripe --customer c", 'export needs a provider, prolifi or paypal (got "stripe")'],
    ["import prolifi", 'unknown command "import"; the command is export'],
    ["", "a command is needed: export"],
    ["export prolifi --customer c --format xml", '--format must be csv or ndjson (got "xml")'],
    ["export prolifi --customer c --concurrency 0", '--concurrency must be a whole number from 1 to 64 (got "0")'],
    ["export prolifi --customer c --concurrency 2.5", '--concurrency must be a whole number from 1 to 64 (got "2.5")'],
    ["export prolifi --customer c --shard 3/2", '--shard must be K/N with 1 <= K <= N, e.g. 2/8 (got "3/2")'],
    ["export prolifi --customer c --shard 0/2", '--shard must be K/N with 1 <= K <= N, e.g. 2/8 (got "0/2")'],
    ["export prolifi --customer c --from 2026-1-1", '--from must be a date as YYYY-MM-DD (got "2026-1-1")'],
    ["export prolifi --customer c --subscription s", "--subscription is for export paypal, not export prolifi"],
    ["export paypal --customer c --from 2026-01-01", "--from is for export prolifi, not export paypal"],
    ["export paypal --customer c,s --per-page 101", '--per-page must be a whole number from 1 to 100 (got "101")'],
    ["export prolifi --customer c --resume", "--resume needs --out FILE (it resumes a file)"],
    ["export prolifi --customer c extra", 'unexpected argument "extra"'],
    ["export prolifi --customer c --rate 0", '--rate must be a number of requests per second above 0 (got "0")'],
    ["export prolifi --customer c --rate fast", '--rate must be a number of requests per second above 0 (got "fast")'],
  ])("%s", (line, message) => {
    expect(usageError(line)).toBe(message);
  });

  test.each(["--customer sk_test_abcdef123", "--customer pk_live_abcdef123", "--base-url https://x/?key=sk_live_abc"])(
    "refuses a key-shaped argument (%s) without echoing it",
    (tail) => {
      const message = usageError(`export prolifi ${tail}`);
      expect(message).toMatch(/^an argument looks like an API key/);
      expect(message).not.toMatch(/abc/);
    },
  );
});
