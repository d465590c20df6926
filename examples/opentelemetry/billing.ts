// Your code: clients made with the tracer and meter, and a job that reads usage inside its own span.

import { createPayPalBillingClient } from "billing-usage/paypal";
import type { MeterLike, TracerLike } from "billing-usage/prolifi";
import { createProlifiClient } from "billing-usage/prolifi";

export function makeClients(baseUrl: string, { tracer, meter }: { tracer: TracerLike; meter: MeterLike }) {
  const telemetry = { tracer, meter };
  return {
    prolifi: createProlifiClient({ apiKey: "sk_test_example0123456789", baseUrl, logLevel: "off", ...telemetry }),
    paypal: createPayPalBillingClient({
      clientId: "example",
      clientSecret: "example-secret-0123456789",
      baseUrl,
      logLevel: "off",
      ...telemetry,
    }),
  };
}
