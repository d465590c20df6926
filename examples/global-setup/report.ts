// Your code: one line per billed period, and the event types a customer used.
import { toMoney } from "billing-usage/money";
import type { PayPalBillingClient } from "billing-usage/paypal";
import type { ProlifiClient } from "billing-usage/prolifi";

export async function periodLines(paypal: PayPalBillingClient, customerId: string, subscriptionId: string) {
  const lines: string[] = [];
  const periods = paypal.listPastUsage(customerId, { subscription_id: subscriptionId, per_page: 2 });
  for await (const { from_datetime, total_amount } of periods) {
    lines.push(`${from_datetime.slice(0, 7)}: ${toMoney(total_amount).amount} ${total_amount.currency_code}`);
  }
  return lines;
}

export async function eventNames(prolifi: ProlifiClient, customerId: string) {
  const usage = await prolifi.getCustomerUsage(customerId);
  return usage.data.map((row) => row.event_name);
}
