// The packed ISO 4217 table against a maintained dataset (currency-codes): every code it lists has
// the same minor unit digits here, and this table knows no code it does not. Intl is not the
// reference: its CLDR digits differ from ISO's for some codes.
import codes from "currency-codes";
import { describe, expect, test } from "vitest";
import { NO_MINOR_UNIT, packCurrencies } from "../../../scripts/lib/currency-table.mjs";
import { minorDigits } from "../../../src/money/currencies";

describe("ISO 4217 minor units", () => {
  const dataset = codes.data.filter((c) => !NO_MINOR_UNIT.includes(c.code));

  test("every active code in the dataset has the dataset's digits", () => {
    expect(dataset.length).toBeGreaterThan(150);
    const mismatches = dataset.filter((c) => minorDigits(c.code) !== c.digits).map((c) => c.code);
    expect(mismatches).toEqual([]);
  });

  test("knows no code the dataset lacks, and none without a minor unit", () => {
    const known = new Set(dataset.map((c) => c.code));
    const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    const extra: string[] = [];
    for (const a of letters)
      for (const b of letters)
        for (const c of letters)
          if (minorDigits(a + b + c) !== undefined && !known.has(a + b + c)) extra.push(a + b + c);
    expect(extra).toEqual([]);
    for (const code of NO_MINOR_UNIT) expect(minorDigits(code)).toBeUndefined();
  });

  test("pins the codes the issue names", () => {
    expect(["JPY", "KRW", "CLP", "VND"].map(minorDigits)).toEqual([0, 0, 0, 0]);
    expect(["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"].map(minorDigits)).toEqual([3, 3, 3, 3, 3, 3, 3]);
    expect(["CLF", "UYW"].map(minorDigits)).toEqual([4, 4]);
    expect(["USD", "EUR", "GBP"].map(minorDigits)).toEqual([2, 2, 2]);
    expect(["usd", "US", "USDX", ""].map(minorDigits)).toEqual([undefined, undefined, undefined, undefined]);
  });

  test("leaves out the codes without a minor unit, the issue's examples among them", () => {
    expect(NO_MINOR_UNIT).toEqual(expect.arrayContaining(["XAU", "XDR", "XTS", "XXX"]));
  });
});

describe("packing the table", () => {
  test("refuses what it cannot read back: codes out of order, odd digits, not three letters", () => {
    expect(() =>
      packCurrencies([
        { code: "USD", digits: 2 },
        { code: "EUR", digits: 2 },
      ]),
    ).toThrow("out of order at EUR");
    expect(() =>
      packCurrencies([
        { code: "USD", digits: 2 },
        { code: "USD", digits: 2 },
      ]),
    ).toThrow("out of order");
    expect(() => packCurrencies([{ code: "ABC", digits: 1 }])).toThrow("cannot pack ABC (1 digits)");
    expect(() => packCurrencies([{ code: "usd", digits: 2 }])).toThrow("cannot pack usd");
  });
});
