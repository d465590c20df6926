// The billing-usage command as users run it: the built bin (dist/bin/cli.mjs) in a child process of
// its own, with credentials in its environment only, and its output read back by independent
// parsers (Python's csv module, jq).
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { projectRoot } from "../../scripts/lib/apis.mjs";

const run = promisify(execFile);

export const CLI = join(projectRoot, "dist", "bin", "cli.mjs");

/** Credentials the command reads from its environment, and nothing else of the test's. */
export const CLI_ENV = {
  PATH: process.env.PATH ?? "",
  HOME: process.env.HOME ?? "",
  NO_COLOR: "1",
  PROLIFI_API_KEY: "sk_test_CLIkey0123456789abcdef",
  PAYPAL_CLIENT_ID: "cli-client-id",
  PAYPAL_CLIENT_SECRET: "cli-client-secret-0123456789",
};

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Starts the command; `input` is written to its standard input. */
export function startCli(args: string[], { env = {}, input }: { env?: Record<string, string>; input?: string } = {}) {
  const child = spawn(process.execPath, [CLI, ...args], {
    env: { ...CLI_ENV, ...env },
    stdio: ["pipe", "pipe", "pipe"],
  });
  child.stdin.end(input ?? "");
  return child;
}

/** Resolves when `child` exits, with everything it printed. */
export function finished(child: ChildProcess): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

export const runCli = (args: string[], options: { env?: Record<string, string>; input?: string } = {}) =>
  finished(startCli(args, options));

/** The same export as three shards at once (`--shard k/3`), each given `input` as its customer list. */
export const runShards = (args: string[], options: { env?: Record<string, string>; input: string }) =>
  Promise.all([1, 2, 3].map((k) => runCli([...args, "--customers", "-", "--shard", `${k}/3`], options)));

/** A CSV file as Python's csv module reads it, strictly (RFC 4180 quoting, any line end). */
export async function readCsvWithPython(file: string): Promise<string[][]> {
  const script =
    "import csv, json, sys\n" +
    "with open(sys.argv[1], newline='', encoding='utf-8') as f:\n" +
    "    print(json.dumps(list(csv.reader(f, strict=True))))";
  const { stdout } = await run("python3", ["-c", script, file]);
  return JSON.parse(stdout) as string[][];
}

/** An NDJSON file as jq reads it: one compact object per line. */
export async function readNdjsonWithJq(file: string): Promise<Record<string, unknown>[]> {
  const { stdout } = await run("jq", ["-c", ".", file]);
  return stdout
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}
