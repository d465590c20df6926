// The customer list: from --customer flags or a file (or standard input), one customer per line,
// checked whole before anything is sent. A PayPal line may name its subscription
// (`customer,subscription`); blank lines and `#` comments are skipped; a bad line names its number.
import type { Provider } from "./args";
import { UsageError } from "./usage";

export interface Customer {
  readonly id: string;
  /** PayPal only: the subscription whose usage is exported. */
  readonly subscription?: string | undefined;
  /** Where it was given, for messages: "line 7" or "--customer #2". */
  readonly where: string;
}

/** Checks one customer's values as the client would, before anything is sent; a message, or undefined. */
export type CustomerCheck = (customer: Customer) => string | undefined;

/** A checkpoint and the output name a customer by this: its id, and its subscription for PayPal. */
export const customerKey = (customer: Customer): string =>
  customer.subscription === undefined ? customer.id : `${customer.id},${customer.subscription}`;

function parseEntry(text: string, where: string, provider: Provider, subscription: string | undefined): Customer {
  const fields = text.split(",").map((field) => field.trim());
  const most = provider === "paypal" ? 2 : 1;
  if (fields.length > most || fields.some((field) => field === "")) {
    const shape = provider === "paypal" ? "CUSTOMER or CUSTOMER,SUBSCRIPTION" : "one customer id";
    throw new UsageError(`${where}: expected ${shape} (got ${JSON.stringify(text.slice(0, 80))})`);
  }
  const [id = "", own] = fields;
  if (provider === "prolifi") return { id, where };
  const chosen = own ?? subscription;
  if (chosen === undefined) {
    throw new UsageError(
      `${where}: customer ${JSON.stringify(id)} has no subscription; add ,SUBSCRIPTION or --subscription`,
    );
  }
  return { id, subscription: chosen, where };
}

/**
 * The customers, in the order given: from `flags`, or from `listText` (a file's text). Throws a
 * UsageError naming the line for a malformed, invalid or repeated one.
 */
export function parseCustomers(
  source: { flags: readonly string[] } | { listText: string },
  provider: Provider,
  subscription: string | undefined,
  check: CustomerCheck,
): Customer[] {
  const entries =
    "flags" in source
      ? source.flags.map((text, i) => ({ text: text.trim(), where: `--customer #${i + 1}` }))
      : source.listText
          .split(/\r?\n/)
          .map((text, i) => ({ text: text.trim(), where: `line ${i + 1}` }))
          .filter(({ text }) => text !== "" && !text.startsWith("#"));
  const seen = new Map<string, string>();
  return entries.map(({ text, where }) => {
    const customer = parseEntry(text, where, provider, subscription);
    const problem = check(customer);
    if (problem) throw new UsageError(`${where}: ${problem}`);
    const key = customerKey(customer);
    const first = seen.get(key);
    if (first)
      throw new UsageError(`${where}: ${JSON.stringify(key)} repeats ${first}; each customer is exported once`);
    seen.set(key, where);
    return customer;
  });
}
