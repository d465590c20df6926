// toMoney, sumMoney and formatMoney against an arbitrary-precision oracle (big.js): random decimal
// strings of any length, random numbers of at most 15 significant digits, sums of 10,000 amounts,
// and formatting that never changes a digit.
import Big from "big.js";
import fc from "fast-check";
import { afterAll, describe, expect, test } from "vitest";
import { formatMoney, type Money, sumMoney, toMoney } from "../../../src/money/index";
import { CASES_PER_PROPERTY, casesRun, countCases } from "../../helpers/fuzz";

const CURRENCIES = [
  ["USD", 2],
  ["JPY", 0],
  ["BHD", 3],
  ["CLF", 4],
] as const;

const digits = (max: number, min = 0) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: min, maxLength: max }).map((d) => d.join(""));

/** A decimal string PayPal's pattern allows, with at most `exponent` decimals, of any length. */
const decimalString = (exponent: number) =>
  fc
    .tuple(fc.boolean(), digits(60, 1), digits(exponent))
    .map(([negative, whole, fraction]) => `${negative ? "-" : ""}${whole}${fraction ? `.${fraction}` : ""}`);

/** A number of at most 15 significant digits with at most `exponent` decimals. */
const exactNumber = (exponent: number) =>
  fc
    .tuple(fc.bigInt({ min: -(10n ** 15n) + 1n, max: 10n ** 15n - 1n }), fc.integer({ min: 0, max: exponent }))
    .map(([mantissa, scale]) => Number(`${mantissa}e-${scale}`));

/** The oracle's reading: minor units and the canonical amount. */
function oracle(value: string | number, exponent: number) {
  const big = new Big(value);
  const minor = BigInt(big.times(new Big(10).pow(exponent)).toFixed(0));
  const amount = big.eq(0) ? new Big(0).toFixed(exponent) : big.toFixed(exponent);
  return { minor, amount };
}

const run = (
  property: fc.IPropertyWithHooks<never> | fc.IAsyncPropertyWithHooks<never>,
  numRuns = CASES_PER_PROPERTY,
) => {
  fc.assert(property as fc.IProperty<never>, { numRuns });
  countCases(numRuns);
};

afterAll(() => console.log(`fuzz: ${casesRun()} generated cases run in money.fuzz.test.ts`));

describe.each(CURRENCIES)("money in %s against big.js", (currency, exponent) => {
  test("a decimal string of any length reads exactly", () => {
    run(
      fc.property(decimalString(exponent), (value) => {
        const money = toMoney({ currency_code: currency, value });
        expect({ minor: money.minor, amount: money.amount }).toEqual(oracle(value, exponent));
      }) as never,
    );
  });

  test("a number of at most 15 significant digits reads exactly", () => {
    run(
      fc.property(exactNumber(exponent), (value) => {
        const money = toMoney({ currency_code: currency, value });
        expect({ minor: money.minor, amount: money.amount }).toEqual(oracle(String(value), exponent));
      }) as never,
    );
  });

  test("formatting never changes a digit", () => {
    run(
      fc.property(
        decimalString(exponent),
        fc.constantFrom("en-US", "de-DE", "fr-FR", "ja-JP", "en-IN"),
        (value, locale) => {
          const money = toMoney({ currency_code: currency, value });
          const shown = formatMoney(money, locale).replace(/[^0-9]/g, "");
          const expected = money.amount.replace(/[^0-9]/g, "");
          expect(shown).toBe(expected);
        },
      ) as never,
      200,
    );
  });
});

describe("sums against big.js", () => {
  test("the sum of 10,000 random amounts, numbers and strings mixed, is the oracle's exactly", () => {
    const amounts = fc.sample(
      fc.oneof(exactNumber(2), decimalString(2)).map((value) => ({ currency_code: "USD", value })),
      { numRuns: 10_000, seed: 20261206 },
    );
    const exact = amounts.reduce((sum, { value }) => sum.plus(value), new Big(0));
    const total: Money = sumMoney(amounts);
    expect(total.amount).toBe(exact.eq(0) ? "0.00" : exact.toFixed(2));
    countCases(amounts.length);
  });
});
