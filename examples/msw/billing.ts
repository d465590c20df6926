// Your code: what a customer was billed over every closed PayPal period, per currency.
import type { PayPalBillingClient } from "billing-usage/paypal";

export async function billedTotals(
  paypal: PayPalBillingClient,
  customerId: string,
  subscriptionId: string,
): Promise<Record<string, number>> {
  const totals: Record<string, number> = {};
  for await (const period of paypal.listPastUsage(customerId, { subscription_id: subscriptionId })) {
    const { currency_code, value } = period.total_amount;
    totals[currency_code] = (totals[currency_code] ?? 0) + value;
  }
  return totals;
}
