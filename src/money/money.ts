// Money read exactly or refused. A PayPal amount arrives as a JSON number (every usage-billing
// example) or a decimal string (PayPal's platform money type); either way it becomes an integer of
// minor units (a bigint) and a canonical decimal string, so sums are exact and nothing is rounded.

import { shown } from "../core/checks";
import { minorDigits } from "./currencies";
import { MoneyError, type MoneyErrorCode } from "./errors";

/** A money object as PayPal sends it: `{ currency_code: "USD", value: 250 }` or `value: "250.00"`. */
export interface MoneyInput {
  readonly currency_code: string;
  readonly value: number | string;
}

/** An exact amount. Frozen; `minor` and `amount` always say the same thing. */
export interface Money {
  /** ISO 4217 code, e.g. `"USD"`. */
  readonly currency: string;
  /** The exact decimal, padded to the currency's digits: `"250.00"`, `"-0.50"`, `"250"` (JPY), `"1.500"` (BHD). */
  readonly amount: string;
  /** The amount in minor units: `25000n` for USD 250. */
  readonly minor: bigint;
  /** The currency's minor unit digits (ISO 4217): 2 for USD, 0 for JPY, 3 for BHD. */
  readonly exponent: number;
}

/**
 * A double holds every decimal of at most 15 significant digits exactly (DBL_DIG), so its shortest
 * form is the amount that was sent; past that it may not be, and the amount is refused.
 */
export const MAX_EXACT_DIGITS = 15;

/** A decimal as PayPal's money pattern allows it: `-?[0-9]+` or `-?([0-9]+)?[.][0-9]+`. */
const DECIMAL = /^(-?)(\d*)(?:\.(\d+))?$/;

/** Throws a MoneyError; every message names the currency and the value. */
const fail = (code: MoneyErrorCode, message: string): never => {
  throw new MoneyError(code, message);
};

function fromMinor(minor: bigint, currency: string, exponent: number): Money {
  const digits = String(minor < 0n ? -minor : minor).padStart(exponent + 1, "0");
  const point = digits.length - exponent;
  const amount = `${minor < 0n ? "-" : ""}${digits.slice(0, point)}${exponent ? "." : ""}${digits.slice(point)}`;
  return Object.freeze({ currency, amount, minor, exponent });
}

/** The currency's ISO digits; `what` says, in the message, what the currency was for. */
const digitsOf = (currency: unknown, what: string): number =>
  minorDigits(currency) ??
  fail("UNKNOWN_CURRENCY", `currency ${shown(currency)} is not an active ISO 4217 code (${what})`);

/**
 * Reads a PayPal money object exactly: `toMoney({ currency_code: "USD", value: 250 })` is
 * `{ currency: "USD", amount: "250.00", minor: 25000n, exponent: 2 }`. A number past 15 significant
 * digits, more decimals than the currency has, an unknown code or a value that is not a decimal
 * throws a MoneyError; nothing is rounded. A `Money` is returned as it is.
 */
export function toMoney(input: MoneyInput | Money): Money {
  // Object(x) is x only for an object: null and primitives come back as something new.
  if (Object(input) !== input) fail("NOT_A_NUMBER", `${shown(input)} is not a money object`);
  if (typeof (input as Money).minor === "bigint") return input as Money;
  const { currency_code: currency, value } = input as MoneyInput;
  const named = `${currency} amount ${shown(value)}`;
  const exponent = digitsOf(currency, named);
  // False for NaN, Infinity and anything not a number.
  const isNumber = Number.isFinite(value);
  // String(1e21) is "1e+21" and String(1e-7) "1e-7": finite, but no decimal. The first is past what a
  // double holds exactly, the second has more decimals than any currency.
  const [, sign = "", whole = "", fraction = ""] =
    ((isNumber || typeof value === "string") && DECIMAL.exec(String(value))) || [];
  const digits = whole + fraction;
  if (isNumber && (Math.abs(value as number) >= 1e21 || digits.replace(/^0+/, "").length > MAX_EXACT_DIGITS))
    fail("NOT_EXACT", `${named} has over ${MAX_EXACT_DIGITS} significant digits`);
  // Trailing zeros past the currency's digits are harmless ("3.250" USD is 3.25); anything else is not rounded.
  if ((isNumber && !digits) || /[1-9]/.test(fraction.slice(exponent)))
    fail("TOO_MANY_DECIMALS", `${named} has over ${exponent} decimals`);
  if (!digits) fail("NOT_A_NUMBER", `${named} is not a decimal number`);
  // The "0" is for ".5" (no whole digits); BigInt reads leading zeros as decimal ("-007" is -7n).
  return fromMinor(BigInt(`${sign}0${whole}${fraction.slice(0, exponent).padEnd(exponent, "0")}`), currency, exponent);
}

/**
 * Adds amounts exactly, in minor units: `Money`s or PayPal money objects, all in one currency. An
 * empty list needs `currency`; mixed currencies throw a MoneyError naming both.
 */
export function sumMoney(amounts: Iterable<Money | MoneyInput>, currency?: string): Money {
  // The currency's digits: the one asked for, checked before any amount, else the first amount's.
  let exponent = currency === undefined ? undefined : digitsOf(currency, "the currency of a sum");
  let total = 0n;
  for (const item of amounts) {
    const money = toMoney(item);
    currency ??= money.currency;
    exponent ??= money.exponent;
    if (money.currency !== currency)
      fail("CURRENCY_MISMATCH", `cannot add ${money.currency} ${money.amount} to a sum in ${currency}`);
    total += money.minor;
  }
  return exponent === undefined
    ? fail("UNKNOWN_CURRENCY", "an empty sum has no currency: pass one")
    : fromMinor(total, currency as string, exponent);
}

/**
 * Formats an amount for people with `Intl.NumberFormat`, from its decimal string (never through a
 * float, so `90071992547409.93` prints as it is) and with exactly the currency's ISO digits.
 */
export function formatMoney(money: Money | MoneyInput, locale?: string | string[]): string {
  const { currency, amount, exponent } = toMoney(money);
  const format = new Intl.NumberFormat(locale, {
    style: "currency",
    currency,
    minimumFractionDigits: exponent,
    maximumFractionDigits: exponent,
  });
  // Intl formats a decimal string exactly (ES2023); the type still says number.
  return format.format(amount as unknown as number);
}
