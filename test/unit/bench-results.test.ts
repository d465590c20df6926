// The README's performance figures are the committed benchmark run's (test/bench/RESULTS.md), quoted
// exactly: a new run that moves a figure must move the README with it.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { projectRoot } from "../../scripts/lib/apis.mjs";
import { README } from "../helpers/readme";

const results = readFileSync(join(projectRoot, "test/bench/RESULTS.md"), "utf8");

/**
 * The cells of the first table row whose first cell is `first` (bold or not; with `partial`, contains
 * it) and, if given, whose second cell is `second` and which has `columns` cells.
 */
function row(first: string, second?: string, partial = false, columns?: number): string[] {
  const matches = (cell = "") => (partial ? cell.includes(first) : cell.replaceAll("**", "") === first);
  const cells = results
    .split("\n")
    .filter((line) => line.startsWith("| "))
    .map((line) =>
      line
        .split("|")
        .slice(1, -1)
        .map((cell) => cell.trim()),
    )
    .find(
      (c) =>
        matches(c[0]) && (second === undefined || c[1] === second) && (columns === undefined || c.length === columns),
    );
  if (!cells) throw new Error(`RESULTS.md has no row for ${first} ${second ?? ""}`);
  return cells;
}
/** "1.05× (0.63–1.65)" → "1.05×" */
const ratio = (cell: string | undefined) => (cell ?? "").split(" ")[0] ?? "";
const thousands = (cell: string | undefined) => Number(cell).toLocaleString("en");

describe("README performance figures", () => {
  test("per call: ours, axios, lago and PayPal's SDK against openapi-fetch", () => {
    const prolifi = ratio(row("billing-usage Prolifi getCustomerUsage")[5]);
    const paypal = ratio(row("billing-usage PayPal getPastUsage", undefined, true)[5]);
    expect(README).toContain(`\`getCustomerUsage\` ${prolifi} and \`getPastUsage\` ${paypal} bare openapi-fetch`);
    expect(README).toContain(`axios ${ratio(row("axios")[5])}`);
    expect(README).toContain(`lago-javascript-client ${ratio(row("lago-javascript-client")[5])}`);
    expect(README).toContain(`PayPal's own SDK ${ratio(row("@paypal/paypal-server-sdk", "PayPal order", true)[5])}`);
  });

  test("client CPU, cold concurrency, the long walk and cold import", () => {
    const cpu = (name: string) => row(name)[2];
    expect(README).toContain(`${cpu("billing-usage Prolifi")} (Prolifi) and ${cpu("billing-usage PayPal")} (PayPal)`);
    const ours = row("1000", "billing-usage getPastUsage");
    const sdk = row("1000", "@paypal/paypal-server-sdk getOrder");
    expect(ours[3]).toBe("1");
    expect(README).toContain(`make ${ours[3]} token request\n  (PayPal's SDK: ${thousands(sdk[3])})`);
    // The walk's table: pages, walks, ms per walk, µs/page, heap growth, peak growth.
    const walk = (pages: string) => row(pages, undefined, false, 6);
    expect(README).toContain(`over 10,000 pages grows the heap by ${thousands(walk("10000")[4])} KiB`);
    const perPage = ["10", "100", "1000", "10000"].map((pages) => Number(walk(pages)[3]));
    expect(README).toContain(
      `steady ${thousands(String(Math.min(...perPage)))}-${thousands(String(Math.max(...perPage)))} µs a page`,
    );
    expect(README).toContain(`\`billing-usage/prolifi\` ${row("billing-usage/prolifi")[2]} ms over openapi-fetch`);
  });
});
