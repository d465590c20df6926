// Rows as RFC 4180 CSV (quoted when needed, CRLF line ends, UTF-8) or NDJSON. A text cell a
// spreadsheet would run as a formula is neutralised (CWE-1236); number and money columns never are,
// so a negative amount stays a number.

/** What a column holds: text is neutralised in CSV, a number or money cell is written as it is. */
export type ColumnKind = "text" | "number";

export interface Column {
  readonly name: string;
  readonly kind: ColumnKind;
}

export type Row = Readonly<Record<string, string | number | null>>;

/** A spreadsheet runs a cell starting with one of these as a formula (OWASP's list). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell that would run as a formula gets a leading apostrophe, which spreadsheets show as text. */
export const neutralised = (text: string): string => (FORMULA_START.test(text) ? `'${text}` : text);

/** One CSV cell: quoted (quotes doubled) when it holds a comma, a quote, CR or LF. */
export function csvCell(value: string | number | null, kind: ColumnKind): string {
  if (value === null) return "";
  const text = kind === "text" ? neutralised(String(value)) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export type Format = "csv" | "ndjson";

export interface RowWriter {
  /** The header line (CSV), or "" (NDJSON has none). */
  readonly header: string;
  /** The rows as text, each line ended. */
  lines(rows: readonly Row[]): string;
}

export function rowWriter(format: Format, columns: readonly Column[]): RowWriter {
  if (format === "ndjson") {
    return {
      header: "",
      lines: (rows) =>
        rows
          .map((row) => `${JSON.stringify(Object.fromEntries(columns.map((c) => [c.name, row[c.name] ?? null])))}\n`)
          .join(""),
    };
  }
  return {
    header: `${columns.map((c) => c.name).join(",")}\r\n`,
    lines: (rows) =>
      rows.map((row) => `${columns.map((c) => csvCell(row[c.name] ?? null, c.kind)).join(",")}\r\n`).join(""),
  };
}
