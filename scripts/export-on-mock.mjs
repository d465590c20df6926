#!/usr/bin/env node
// CI's end-to-end export: the built command against the mocks of both APIs (billing-usage/mock),
// each file read back by an independent parser (Python's csv module, jq), the counts checked.
// Run `npm run build` first.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { startMocks } from "../dist/mock.js";
import { projectRoot } from "./lib/apis.mjs";

const run = promisify(execFile);
const cli = join(projectRoot, "dist/bin/cli.mjs");
const env = {
  ...process.env,
  PROLIFI_API_KEY: "sk_test_exportOnMock0123456789",
  PAYPAL_CLIENT_ID: "export-on-mock",
  PAYPAL_CLIENT_SECRET: "export-on-mock-secret-0123456789",
};

/** Data rows of a file, counted by a parser that is not ours. */
const READERS = {
  "python3 csv": async (file) => {
    const script =
      "import csv, sys\nwith open(sys.argv[1], newline='', encoding='utf-8') as f:\n    print(len(list(csv.reader(f, strict=True))) - 1)";
    return Number((await run("python3", ["-c", script, file])).stdout);
  },
  jq: async (file) => Number((await run("jq", ["-s", "length", file])).stdout),
};

/** Each export: its file, the arguments after `export`, the reader, and the rows the mocks' examples make. */
const EXPORTS = ({ prolifi, paypal }) => [
  {
    file: "prolifi.csv",
    args: ["prolifi", "--customer", "9b2f2c6e-3f1d-4c8e-9a57-1f0c2d3e4b5a", "--base-url", prolifi.baseUrl],
    reader: "python3 csv",
    expected: 2,
  },
  {
    file: "paypal.csv",
    args: [
      "paypal",
      "--customer",
      "cust_42,sub_7",
      "--customer",
      "cust_43,sub_7",
      "--per-page",
      "2",
      "--base-url",
      paypal.baseUrl,
    ],
    reader: "python3 csv",
    expected: 16,
  },
  {
    file: "paypal.ndjson",
    args: ["paypal", "--customer", "cust_42,sub_7", "--format", "ndjson", "--base-url", paypal.baseUrl],
    reader: "jq",
    expected: 8,
  },
];

const dir = mkdtempSync(join(tmpdir(), "export-on-mock-"));
const mocks = await startMocks();
const checks = [];
try {
  for (const { file, args, reader, expected } of EXPORTS(mocks)) {
    const out = join(dir, file);
    await run(process.execPath, [cli, "export", ...args, "--out", out], { env });
    checks.push({ file, reader, rows: await READERS[reader](out), expected });
  }
} finally {
  await mocks.stop();
  rmSync(dir, { recursive: true, force: true });
}
console.table(checks);
const wrong = checks.filter((c) => c.rows !== c.expected);
if (wrong.length > 0) {
  console.error(
    `export-on-mock: ${wrong.map((c) => `${c.file} has ${c.rows} rows, expected ${c.expected}`).join("; ")}`,
  );
  process.exit(1);
}
console.log("export-on-mock: every export read back whole by an independent parser");
