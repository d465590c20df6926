// RFC 4180 cells and formula neutralisation, without a process (the real process is read back by
// Python's csv module and csv-parse in test/integration/cli/).
import { parse } from "csv-parse/sync";
import { describe, expect, test } from "vitest";
import { type Column, csvCell, neutralised, rowWriter } from "../../../src/cli/csv";

const COLUMNS: Column[] = [
  { name: "text", kind: "text" },
  { name: "amount", kind: "number" },
];

describe("CSV cells", () => {
  test.each([
    ["plain", "plain"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\r\nlines", '"two\r\nlines"'],
    ["line\nfeed", '"line\nfeed"'],
    ["😀 emoji", "😀 emoji"],
  ])("%j is written %j", (value, cell) => {
    expect(csvCell(value, "text")).toBe(cell);
  });

  test.each(["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])("a text cell starting %j is neutralised", (value) => {
    expect(neutralised(value)).toBe(`'${value}`);
  });

  test("number and money cells are never neutralised, so a negative amount stays a number", () => {
    expect(csvCell("-12.50", "number")).toBe("-12.50");
    expect(csvCell(-3, "number")).toBe("-3");
    expect(csvCell("-12.50", "text")).toBe("'-12.50");
  });

  test("a null is an empty cell; NDJSON writes it as null", () => {
    expect(csvCell(null, "text")).toBe("");
    expect(rowWriter("ndjson", COLUMNS).lines([{ text: "x" }])).toBe('{"text":"x","amount":null}\n');
  });

  test("rows read back by csv-parse as written, CRLF line ends and a header", () => {
    const writer = rowWriter("csv", COLUMNS);
    const rows = [
      { text: 'a,"b"\r\nc', amount: "1.50" },
      { text: "=HYPERLINK()", amount: "-2.00" },
    ];
    const text = writer.header + writer.lines(rows);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(parse(text, { columns: true })).toEqual([
      { text: 'a,"b"\r\nc', amount: "1.50" },
      { text: "'=HYPERLINK()", amount: "-2.00" },
    ]);
  });
});
