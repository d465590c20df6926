import { BillingUsageError } from "../core/errors";

/** Why an amount could not be read or added exactly. */
export type MoneyErrorCode =
  /** A number past 15 significant digits (or 1e21 and up): a double cannot be trusted there. */
  | "NOT_EXACT"
  /** More decimals than the currency has (3.255 USD, 1.5 JPY): never rounded. */
  | "TOO_MANY_DECIMALS"
  /** Not an active ISO 4217 code, or no currency for an empty sum. */
  | "UNKNOWN_CURRENCY"
  /** Not a number or a decimal string (NaN, Infinity, "1,5", "abc", a money object without a value). */
  | "NOT_A_NUMBER"
  /** Amounts in different currencies added together. */
  | "CURRENCY_MISMATCH";

/** An amount that cannot be read or added exactly; the message names the currency and the value. */
export class MoneyError extends BillingUsageError {
  override name = "MoneyError";
  declare readonly code: MoneyErrorCode;
  constructor(code: MoneyErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}
