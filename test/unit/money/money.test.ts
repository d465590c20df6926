// toMoney, sumMoney and formatMoney on the cases the README names, and every MoneyError code with
// its message's wording.
import { describe, expect, test } from "vitest";
import { BillingUsageError, formatMoney, MoneyError, sumMoney, toMoney } from "../../../src/money/index";
import { README } from "../../helpers/readme";

const usd = (value: number | string) => ({ currency_code: "USD", value });

describe("toMoney", () => {
  test.each([
    ["USD", 250, "250.00", 25000n],
    ["USD", "250.00", "250.00", 25000n],
    ["USD", 3.25, "3.25", 325n],
    ["USD", -0.5, "-0.50", -50n],
    ["USD", -0, "0.00", 0n],
    ["USD", "-0", "0.00", 0n],
    ["USD", ".5", "0.50", 50n],
    ["USD", "3.250", "3.25", 325n],
    ["USD", "0007", "7.00", 700n],
    ["JPY", 250, "250", 250n],
    ["BHD", 1.5, "1.500", 1500n],
    ["CLF", "0.0001", "0.0001", 1n],
    ["USD", 9_999_999_999_999.99, "9999999999999.99", 999999999999999n],
    ["USD", "90071992547409.93", "90071992547409.93", 9007199254740993n],
    [
      "USD",
      "123456789012345678901234567890.12",
      "123456789012345678901234567890.12",
      12345678901234567890123456789012n,
    ],
  ])("%s %s is %s (%s minor units)", (currency_code, value, amount, minor) => {
    const money = toMoney({ currency_code, value });
    expect(money).toEqual({ currency: currency_code, amount, minor, exponent: money.exponent });
    expect(Object.isFrozen(money)).toBe(true);
  });

  test("a Money is returned as it is", () => {
    const money = toMoney(usd(1));
    expect(toMoney(money)).toBe(money);
  });
});

describe("MoneyError", () => {
  const error = (work: () => unknown) => {
    try {
      work();
    } catch (e) {
      return e as MoneyError;
    }
    throw new Error("did not throw");
  };

  test("is a BillingUsageError with its own name", () => {
    const e = error(() => toMoney(usd(Number.NaN)));
    expect(e).toBeInstanceOf(MoneyError);
    expect(e).toBeInstanceOf(BillingUsageError);
    expect(e.name).toBe("MoneyError");
  });

  test("as JSON: name, message, then code", () => {
    expect(JSON.stringify(error(() => toMoney(usd(1e21))))).toBe(
      '{"name":"MoneyError","message":"USD amount 1e+21 has over 15 significant digits","code":"NOT_EXACT"}',
    );
  });

  test.each([
    [Number("12345678901234.567"), "USD amount 12345678901234.566 has over 15 significant digits"],
    [1e21, "USD amount 1e+21 has over 15 significant digits"],
    [1e20, "USD amount 100000000000000000000 has over 15 significant digits"],
  ])("NOT_EXACT: %s", (value, message) => {
    expect(error(() => toMoney(usd(value)))).toMatchObject({ code: "NOT_EXACT", message });
  });

  test.each([
    ["USD", 3.255, "USD amount 3.255 has over 2 decimals"],
    ["JPY", 1.5, "JPY amount 1.5 has over 0 decimals"],
    ["USD", "0.001", 'USD amount "0.001" has over 2 decimals'],
    ["USD", 1e-7, "USD amount 1e-7 has over 2 decimals"],
  ])("TOO_MANY_DECIMALS: %s %s", (currency_code, value, message) => {
    expect(error(() => toMoney({ currency_code, value }))).toMatchObject({ code: "TOO_MANY_DECIMALS", message });
  });

  test.each([
    ["ZZZ", 'currency "ZZZ" is not an active ISO 4217 code (ZZZ amount 5)'],
    ["usd", 'currency "usd" is not an active ISO 4217 code (usd amount 5)'],
    ["XAU", 'currency "XAU" is not an active ISO 4217 code (XAU amount 5)'],
    [undefined, "currency undefined is not an active ISO 4217 code (undefined amount 5)"],
  ])("UNKNOWN_CURRENCY: %s", (currency_code, message) => {
    expect(error(() => toMoney({ currency_code: currency_code as string, value: 5 }))).toMatchObject({
      code: "UNKNOWN_CURRENCY",
      message,
    });
  });

  test.each([
    [Number.NaN, "USD amount NaN is not a decimal number"],
    [Number.POSITIVE_INFINITY, "USD amount Infinity is not a decimal number"],
    ["1,5", 'USD amount "1,5" is not a decimal number'],
    ["1.", 'USD amount "1." is not a decimal number'],
    [" 1", 'USD amount " 1" is not a decimal number'],
    ["", 'USD amount "" is not a decimal number'],
    ["-", 'USD amount "-" is not a decimal number'],
    ["1e3", 'USD amount "1e3" is not a decimal number'],
    [null, "USD amount null is not a decimal number"],
  ])("NOT_A_NUMBER: %s", (value, message) => {
    expect(error(() => toMoney(usd(value as string)))).toMatchObject({ code: "NOT_A_NUMBER", message });
  });

  test("NOT_A_NUMBER: not a money object at all", () => {
    expect(error(() => toMoney(250 as never))).toMatchObject({
      code: "NOT_A_NUMBER",
      message: "250 is not a money object",
    });
  });

  test("CURRENCY_MISMATCH names both currencies", () => {
    expect(error(() => sumMoney([usd(1), { currency_code: "EUR", value: 5 }]))).toMatchObject({
      code: "CURRENCY_MISMATCH",
      message: "cannot add EUR 5.00 to a sum in USD",
    });
    expect(error(() => sumMoney([usd(1)], "EUR"))).toMatchObject({
      code: "CURRENCY_MISMATCH",
      message: "cannot add USD 1.00 to a sum in EUR",
    });
  });

  test("each example message in the README's table is the one thrown", () => {
    const examples = {
      NOT_EXACT: () => toMoney(usd(1e21)),
      TOO_MANY_DECIMALS: () => toMoney(usd(3.255)),
      UNKNOWN_CURRENCY: () => toMoney({ currency_code: "usd", value: 5 }),
      NOT_A_NUMBER: () => toMoney(usd("1,5")),
      CURRENCY_MISMATCH: () => sumMoney([usd(1), { currency_code: "EUR", value: 5 }]),
    };
    for (const [code, work] of Object.entries(examples)) {
      const row = README.split("\n").find((line) => line.startsWith(`| \`${code}\` |`));
      const message = row?.match(/\| `([^`]+)` \|$/)?.[1];
      expect(message, `README's money table has an example message for ${code}`).toBeDefined();
      expect(error(work)).toMatchObject({ code, message });
    }
  });

  test("a value that is neither a number nor a string is not read through its string", () => {
    for (const value of [[5], true, {}, 5n]) {
      expect(error(() => toMoney(usd(value as never)))).toMatchObject({ code: "NOT_A_NUMBER" });
    }
  });

  test("an empty sum needs a currency", () => {
    expect(error(() => sumMoney([]))).toMatchObject({
      code: "UNKNOWN_CURRENCY",
      message: "an empty sum has no currency: pass one",
    });
  });
});

describe("sumMoney", () => {
  test("adds exactly where floats do not", () => {
    expect(Array.from({ length: 1000 }, () => 19.99).reduce((a, b) => a + b, 0)).not.toBe(19990);
    expect(sumMoney(Array.from({ length: 1000 }, () => usd(19.99))).amount).toBe("19990.00");
    expect(sumMoney(Array.from({ length: 12 }, () => usd(82.4))).amount).toBe("988.80");
  });

  test("adds Money and raw objects together; an empty list in a currency is zero", () => {
    expect(sumMoney([toMoney(usd("0.10")), usd(0.2)])).toEqual(toMoney(usd("0.30")));
    expect(sumMoney([], "JPY")).toEqual({ currency: "JPY", amount: "0", minor: 0n, exponent: 0 });
  });
});

describe("formatMoney", () => {
  test("formats from the decimal string, never through a float", () => {
    expect(formatMoney(usd("90071992547409.93"), "en-US")).toBe("$90,071,992,547,409.93");
    expect(Number("90071992547409.93").toFixed(2)).not.toBe("90071992547409.93");
  });

  test("prints the currency's ISO digits, whatever CLDR says", () => {
    // Intl puts a no-break space between code and number.
    const format = (...args: Parameters<typeof formatMoney>) => formatMoney(...args).replace(/\s/g, " ");
    expect(format({ currency_code: "BHD", value: 1.5 }, "en-US")).toBe("BHD 1.500");
    expect(format({ currency_code: "JPY", value: 250 }, "en-US")).toBe("¥250");
    expect(format({ currency_code: "CLF", value: "12.3456" }, "en-US")).toBe("CLF 12.3456");
    expect(format(toMoney(usd(-0.5)), "de-DE")).toBe("-0,50 $");
  });
});
