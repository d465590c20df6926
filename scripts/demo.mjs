#!/usr/bin/env node
// The main job: a customer's Prolifi usage summary and every PayPal past-usage period across all
// pages, through the package's public API only. By default both APIs are Prism mocks of the specs,
// started here and always stopped; `--mocks <prolifi url>,<paypal url>` uses mocks already running
// (the test suite's); with --live it calls the real APIs with credentials from the environment (see
// the README's "The demo" section).
import { parseArgs } from "node:util";
import { createPayPalBillingClient, createProlifiClient } from "../dist/index.js";
import { startMocks } from "../dist/mock.js";
import { formatMoney, sumMoney, toMoney } from "../dist/money.js";
import { formatTable } from "./lib/table.mjs";

const DEMO_CUSTOMER = "9b2f2c6e-3f1d-4c8e-9a57-1f0c2d3e4b5a";
const MOCK_PER_PAGE = 3;
const LIVE_ENV = [
  "PROLIFI_API_KEY",
  "PROLIFI_CUSTOMER_ID",
  "PAYPAL_CLIENT_ID",
  "PAYPAL_CLIENT_SECRET",
  "PAYPAL_ENVIRONMENT",
  "PAYPAL_CUSTOMER_ID",
  "PAYPAL_SUBSCRIPTION_ID",
];

// Amounts arrive as numbers or decimal strings: read exactly, added in minor units, never as floats.
const money = (m) => `${toMoney(m).amount} ${m.currency_code}`;

async function printUsage({ prolifi, paypal, prolifiCustomer, paypalCustomer, subscription, perPage }) {
  const usage = await prolifi.getCustomerUsage(prolifiCustomer);
  console.log(`\nProlifi usage summary for customer ${prolifiCustomer}\n`);
  console.log(
    formatTable(
      ["event", "count", "last reported"],
      usage.data.map((row) => [row.event_name, row.count, row.last_reported_at ?? "never"]),
    ),
  );

  console.log(`\nPayPal past usage for ${paypalCustomer}, subscription ${subscription}\n`);
  const rows = [];
  const totals = [];
  for await (const page of paypal
    .listPastUsage(paypalCustomer, { subscription_id: subscription, ...(perPage && { per_page: perPage }) })
    .pages()) {
    for (const period of page.usage_periods) {
      totals.push(period.total_amount);
      const charges = period.charges_usage
        .map((c) => `${c.metric.name}: ${c.units} units, ${money(c.amount)}`)
        .join("; ");
      rows.push([
        page.pageNumber,
        `${period.from_datetime.slice(0, 10)} – ${period.to_datetime.slice(0, 10)}`,
        money(period.total_amount),
        money(period.taxes_amount),
        charges,
      ]);
    }
  }
  console.log(formatTable(["page", "period", "total", "taxes", "charges"], rows));
  if (totals.length > 0) {
    const total = sumMoney(totals);
    console.log(
      `\nTotal over ${totals.length} periods: ${formatMoney(total, "en-US")} (${total.amount} ${total.currency})`,
    );
  }
}

async function live() {
  const missing = LIVE_ENV.filter((name) => !process.env[name]);
  if (missing.length > 0) {
    console.error(`--live needs these environment variables: ${missing.join(", ")}`);
    process.exit(2);
  }
  await printUsage({
    prolifi: createProlifiClient(),
    paypal: createPayPalBillingClient(),
    prolifiCustomer: process.env.PROLIFI_CUSTOMER_ID,
    paypalCustomer: process.env.PAYPAL_CUSTOMER_ID,
    subscription: process.env.PAYPAL_SUBSCRIPTION_ID,
  });
}

function printMocked(prolifiUrl, paypalUrl) {
  return printUsage({
    prolifi: createProlifiClient({ apiKey: "pk_test_demo", baseUrl: prolifiUrl }),
    paypal: createPayPalBillingClient({
      clientId: "demo-client",
      clientSecret: "demo-secret",
      baseUrl: paypalUrl,
    }),
    prolifiCustomer: DEMO_CUSTOMER,
    paypalCustomer: "cust_42",
    subscription: "sub_7",
    // The mock holds four example periods: three a page makes the walk cross a page boundary.
    perPage: MOCK_PER_PAGE,
  });
}

async function mocked() {
  const mocks = await startMocks();
  const { prolifi, paypal } = mocks;
  console.log(`Mocks of spec/prolifi.yaml and spec/paypal-billing.yaml on ${prolifi.baseUrl} and ${paypal.baseUrl}`);
  try {
    await printMocked(prolifi.baseUrl, paypal.baseUrl);
  } finally {
    await mocks.stop();
    console.log(`\nStopped the Prism mocks (pids ${prolifi.prismPid}, ${paypal.prismPid}).`);
  }
}

const { values } = parseArgs({ options: { live: { type: "boolean" }, mocks: { type: "string" } } });
try {
  if (values.live) await live();
  else if (values.mocks) await printMocked(...values.mocks.split(","));
  else await mocked();
} catch (error) {
  console.error(`demo failed: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
  process.exit(1);
}
