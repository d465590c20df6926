// Your code: what a customer was billed over every closed PayPal period, per currency, added
// exactly (an amount may arrive as a number or a decimal string; never add them as floats).
import { type Money, sumMoney, toMoney } from "billing-usage/money";
import type { PayPalBillingClient } from "billing-usage/paypal";

export async function billedTotals(
  paypal: PayPalBillingClient,
  customerId: string,
  subscriptionId: string,
): Promise<Record<string, string>> {
  const byCurrency: Record<string, Money[]> = {};
  for await (const period of paypal.listPastUsage(customerId, { subscription_id: subscriptionId })) {
    const amount = toMoney(period.total_amount);
    byCurrency[amount.currency] = [...(byCurrency[amount.currency] ?? []), amount];
  }
  return Object.fromEntries(
    Object.entries(byCurrency).map(([currency, amounts]) => [currency, sumMoney(amounts).amount]),
  );
}
