// Your code: the event types a Prolifi customer used, and every period PayPal billed.
import type { PayPalBillingClient, UsagePeriod } from "billing-usage/paypal";
import type { ProlifiClient } from "billing-usage/prolifi";

export async function usedEvents(prolifi: ProlifiClient, customerId: string): Promise<string[]> {
  const usage = await prolifi.getCustomerUsage(customerId);
  return usage.data.filter((row) => row.count > 0).map((row) => row.event_name);
}

export async function billedPeriods(paypal: PayPalBillingClient, customerId: string): Promise<UsagePeriod[]> {
  const periods: UsagePeriod[] = [];
  for await (const period of paypal.listPastUsage(customerId, { subscription_id: "sub_7" })) periods.push(period);
  return periods;
}
