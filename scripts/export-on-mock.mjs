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
const PYTHON_ROWS =
  "import csv, sys\nwith open(sys.argv[1], newline='', encoding='utf-8') as f:\n    print(len(list(csv.reader(f, strict=True))) - 1)";

const dir = mkdtempSync(join(tmpdir(), "export-on-mock-"));
const mocks = await startMocks();
const checks = [];
try {
  const prolifi = join(dir, "prolifi.csv");
  await run(
    process.execPath,
    [
      cli,
      "export",
      "prolifi",
      "--customer",
      "9b2f2c6e-3f1d-4c8e-9a57-1f0c2d3e4b5a",
      "--base-url",
      mocks.prolifi.baseUrl,
      "--out",
      prolifi,
    ],
    { env },
  );
  checks.push({
    file: "prolifi.csv",
    reader: "python3 csv",
    rows: Number((await run("python3", ["-c", PYTHON_ROWS, prolifi])).stdout),
    expected: 2,
  });
  const paypal = join(dir, "paypal.csv");
  await run(
    process.execPath,
    [
      cli,
      "export",
      "paypal",
      "--customer",
      "cust_42,sub_7",
      "--customer",
      "cust_43,sub_7",
      "--per-page",
      "2",
      "--base-url",
      mocks.paypal.baseUrl,
      "--out",
      paypal,
    ],
    { env },
  );
  checks.push({
    file: "paypal.csv",
    reader: "python3 csv",
    rows: Number((await run("python3", ["-c", PYTHON_ROWS, paypal])).stdout),
    expected: 16,
  });
  const ndjson = join(dir, "paypal.ndjson");
  await run(
    process.execPath,
    [
      cli,
      "export",
      "paypal",
      "--customer",
      "cust_42,sub_7",
      "--format",
      "ndjson",
      "--base-url",
      mocks.paypal.baseUrl,
      "--out",
      ndjson,
    ],
    { env },
  );
  const { stdout } = await run("jq", ["-s", "length", ndjson]);
  checks.push({ file: "paypal.ndjson", reader: "jq", rows: Number(stdout), expected: 8 });
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
