// billing-usage/money: exact amounts from PayPal's money objects. No runtime dependency, and nothing
// of a client: a bundle that imports only this carries the error base and no transport.

export { BillingUsageError } from "../core/errors";
export { MoneyError, type MoneyErrorCode } from "./errors";
export { formatMoney, type Money, type MoneyInput, sumMoney, toMoney } from "./money";
