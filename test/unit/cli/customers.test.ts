// The customer list: one per line, blank lines and comments skipped, a bad line named by its number
// before anything is sent.
import { describe, expect, test } from "vitest";
import { parseCustomers } from "../../../src/cli/customers";
import { UsageError } from "../../../src/cli/usage";

const noCheck = () => undefined;

describe("the customer list", () => {
  test("PayPal lines name their subscription, or take --subscription", () => {
    const listText = "# customers for March\ncust_1,sub_1\n\n  cust_2  \r\ncust_3 , sub_3\n";
    expect(parseCustomers({ listText }, "paypal", "sub_default", noCheck)).toEqual([
      { id: "cust_1", subscription: "sub_1", where: "line 2" },
      { id: "cust_2", subscription: "sub_default", where: "line 4" },
      { id: "cust_3", subscription: "sub_3", where: "line 5" },
    ]);
  });

  test.each([
    [
      "cust_1,s\ncust_2,sub,extra",
      "paypal",
      'line 2: expected CUSTOMER or CUSTOMER,SUBSCRIPTION (got "cust_2,sub,extra")',
    ],
    ["a\nb,c", "prolifi", 'line 2: expected one customer id (got "b,c")'],
    ["cust_1,", "paypal", 'line 1: expected CUSTOMER or CUSTOMER,SUBSCRIPTION (got "cust_1,")'],
    ["cust_1", "paypal", 'line 1: customer "cust_1" has no subscription; add ,SUBSCRIPTION or --subscription'],
    ["c,s\n#\nc,s", "paypal", 'line 3: "c,s" repeats line 1; each customer is exported once'],
  ] as const)("%j (%s) is refused: %s", (listText, provider, message) => {
    expect(() => parseCustomers({ listText }, provider, undefined, noCheck)).toThrow(new UsageError(message));
  });

  test("a value the client would refuse names its line", () => {
    const check = ({ id }: { id: string }) =>
      id.includes(" ") ? `id must not hold a space (got ${JSON.stringify(id)})` : undefined;
    expect(() => parseCustomers({ listText: "ok\nnot ok" }, "prolifi", undefined, check)).toThrow(
      new UsageError('line 2: id must not hold a space (got "not ok")'),
    );
  });

  test("--customer flags are named by their place", () => {
    expect(() => parseCustomers({ flags: ["a", "a"] }, "prolifi", undefined, noCheck)).toThrow(
      new UsageError('--customer #2: "a" repeats --customer #1; each customer is exported once'),
    );
  });
});
