// `billing-usage export` run as users run it: the built bin in its own process, against the mocks of
// both APIs and a scripted PayPal, its output read back by Python's csv module, csv-parse and jq.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { CHILD_PROCESS_TEST_TIMEOUT_MS } from "../../helpers/child-process";
import { readCsvWithPython, readNdjsonWithJq, runCli, runShards } from "../../helpers/cli";
import { type ExportServer, periodFor, startExportServer, TRICKY_NAMES } from "../../helpers/export-server";
import { prismUrl } from "../../helpers/prism";

const PROLIFI_CUSTOMER = "9b2f2c6e-3f1d-4c8e-9a57-1f0c2d3e4b5a";
const PAYPAL_COLUMNS =
  "customer_id,subscription_id,period_from,period_to,issuing_date,invoice_id,metric_code,metric_name,aggregation_type,charge_id,charge_model,units,events_count,amount,currency,period_total,period_taxes";

let dir: string;
let server: ExportServer | undefined;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "cli-export-"));
});
afterEach(async () => {
  await server?.close();
  server = undefined;
  rmSync(dir, { recursive: true, force: true });
});

describe("billing-usage export against the mocks", () => {
  test(
    "Prolifi usage as CSV, read back by Python's csv module",
    async () => {
      const out = join(dir, "usage.csv");
      const run = await runCli([
        "export",
        "prolifi",
        "--customer",
        PROLIFI_CUSTOMER,
        "--base-url",
        prismUrl("prolifi"),
        "--out",
        out,
      ]);
      expect(run).toMatchObject({ code: 0, stdout: "" });
      expect(await readCsvWithPython(out)).toEqual([
        ["customer_id", "event_name", "count", "last_reported_at", "start_date", "end_date"],
        [PROLIFI_CUSTOMER, "api_call", "1520", "2026-01-31T18:04:11Z", "", ""],
        [PROLIFI_CUSTOMER, "storage_gb_hour", "0", "", "", ""],
      ]);
    },
    CHILD_PROCESS_TEST_TIMEOUT_MS,
  );

  test(
    "PayPal past usage as NDJSON on standard output, read back by jq: exact amounts, numbers and strings alike",
    async () => {
      const run = await runCli([
        "export",
        "paypal",
        "--customer",
        "cust_42,sub_7",
        "--base-url",
        prismUrl("paypal-billing"),
        "--format",
        "ndjson",
        "--per-page",
        "3",
      ]);
      expect(run.code).toBe(0);
      const file = join(dir, "usage.ndjson");
      writeFileSync(file, run.stdout);
      const rows = await readNdjsonWithJq(file);
      expect(rows).toHaveLength(8);
      expect(Object.keys(rows[0] ?? {}).join(",")).toBe(PAYPAL_COLUMNS);
      expect(rows.map((r) => r.period_total)).toEqual([
        "250.00",
        "250.00",
        "150.00",
        "150.00",
        "107.50",
        "107.50",
        "82.40",
        "82.40",
      ]);
      expect(rows.map((r) => r.amount)).toEqual([
        "100.00",
        "150.00",
        "60.00",
        "90.00",
        "47.50",
        "60.00",
        "40.00",
        "41.00",
      ]);
      expect(run.stderr).toContain("exported cust_42,sub_7: 2 pages, 8 rows");
    },
    CHILD_PROCESS_TEST_TIMEOUT_MS,
  );
});

describe("billing-usage export against a scripted PayPal", () => {
  test(
    "cells with commas, quotes, CR/LF, emoji and formula starters round-trip through Python's csv and csv-parse",
    async () => {
      server = await startExportServer({ pages: TRICKY_NAMES.length });
      const out = join(dir, "tricky.csv");
      const run = await runCli([
        "export",
        "paypal",
        "--customer",
        "cust_1,sub_1",
        "--base-url",
        server.url,
        "--out",
        out,
      ]);
      expect(run.code).toBe(0);
      const python = await readCsvWithPython(out);
      const csvParse = parse(readFileSync(out, "utf8"), { relax_column_count: false }) as string[][];
      expect(csvParse).toEqual(python);
      const [header, ...rows] = python;
      expect(header?.join(",")).toBe(PAYPAL_COLUMNS);
      const at = (name: string) => header?.indexOf(name) ?? -1;
      const names = rows.filter((r) => r[at("metric_code")] === "api_calls").map((r) => r[at("metric_name")]);
      const neutral = (name: string) => (/^[=+\-@\t\r]/.test(name) ? `'${name}` : name);
      expect(names).toEqual(TRICKY_NAMES.map(neutral));
      // Money columns are exact and never neutralised: the refund stays a negative number.
      const refunds = rows.filter((r) => r[at("metric_code")] === "refund");
      expect(new Set(refunds.map((r) => r[at("amount")]))).toEqual(new Set(["-12.50"]));
      expect(new Set(refunds.map((r) => r[at("units")]))).toEqual(new Set(["-1.0"]));
      expect(new Set(rows.map((r) => r[at("period_total")]))).toEqual(new Set(["19.99"]));
      expect(rows).toHaveLength(TRICKY_NAMES.length * periodFor(1).charges_usage.length);
    },
    CHILD_PROCESS_TEST_TIMEOUT_MS,
  );

  test(
    "a period without charges still gets one row, its charge columns empty",
    async () => {
      server = await startExportServer({ pages: 2 });
      const out = join(dir, "bare.csv");
      const run = await runCli([
        "export",
        "paypal",
        "--customer",
        "bare_1,sub_1",
        "--base-url",
        server.url,
        "--out",
        out,
      ]);
      expect(run.code).toBe(0);
      const [header, ...rows] = await readCsvWithPython(out);
      expect(rows).toHaveLength(2);
      const row = Object.fromEntries(header?.map((name, i) => [name, rows[0]?.[i]]) ?? []);
      expect(row).toMatchObject({
        customer_id: "bare_1",
        invoice_id: "inv_1",
        metric_code: "",
        charge_id: "",
        amount: "",
        units: "",
      });
      expect(row).toMatchObject({ period_total: "19.99", period_taxes: "0.10", currency: "USD" });
    },
    CHILD_PROCESS_TEST_TIMEOUT_MS,
  );

  test(
    "a failing customer is reported with its error, the others are exported, exit 1 names it",
    async () => {
      server = await startExportServer({ pages: 2 });
      const list = join(dir, "customers.txt");
      writeFileSync(list, "# March\ncust_a,sub_1\nfail_b,sub_1\n\nflaky_c,sub_1\n");
      const out = join(dir, "usage.csv");
      const run = await runCli(["export", "paypal", "--customers", list, "--base-url", server.url, "--out", out]);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain("failed fail_b,sub_1: NotFoundError: GET ");
      expect(run.stderr).toContain("1 failed: fail_b,sub_1");
      expect(run.stderr).toContain("billing-usage: 1 customers failed (rerun with --resume to retry just those)");
      const ids = (await readCsvWithPython(out)).slice(1).map((r) => r[0]);
      expect(new Set(ids)).toEqual(new Set(["cust_a", "flaky_c"]));
      expect(ids).toHaveLength(8);
    },
    CHILD_PROCESS_TEST_TIMEOUT_MS,
  );

  test(
    "customers from standard input; shards 1..3 are disjoint and together export every customer",
    async () => {
      server = await startExportServer({ pages: 1 });
      const customers = Array.from({ length: 30 }, (_, i) => `cust_${i},sub_1`);
      const shards = await runShards(["export", "paypal", "--base-url", server.url, "--format", "ndjson", "--quiet"], {
        input: customers.join("\n"),
      });
      const ids = shards.map((run) => {
        expect(run).toMatchObject({ code: 0, stderr: "" });
        return run.stdout
          .split("\n")
          .filter(Boolean)
          .map((line) => (JSON.parse(line) as { customer_id: string }).customer_id);
      });
      const all = ids.flat();
      expect(new Set(all)).toEqual(new Set(customers.map((c) => c.split(",")[0])));
      expect(all).toHaveLength(30 * 2);
      for (const shard of ids) expect(shard.length).toBeGreaterThan(0);
    },
    CHILD_PROCESS_TEST_TIMEOUT_MS,
  );

  test(
    "a malformed line is refused by its number, exit 2, before anything is sent",
    async () => {
      server = await startExportServer();
      const run = await runCli(["export", "paypal", "--customers", "-", "--base-url", server.url], {
        input: "cust_1,sub_1\ncust 2,sub_1\n",
      });
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^billing-usage: line 2: external_customer_id must match/);
      expect(run.stderr).toContain("Usage:");
      expect(server.server.count).toBe(0);
    },
    CHILD_PROCESS_TEST_TIMEOUT_MS,
  );

  test(
    "credentials come from the environment only: none is a usage error naming the variables",
    async () => {
      const run = await runCli(["export", "prolifi", "--customer", PROLIFI_CUSTOMER], { env: { PROLIFI_API_KEY: "" } });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain("PROLIFI_API_KEY");
    },
    CHILD_PROCESS_TEST_TIMEOUT_MS,
  );
});
