// A Cloudflare Worker using both clients. Workers have no process.env (unless the nodejs_compat flag
// is set), so keys and base URLs come from the Worker's bindings and are passed as options.
import { formatMoney, sumMoney } from "billing-usage/money";
import { createPayPalBillingClient, type PayPalBillingClient } from "billing-usage/paypal";
import { createProlifiClient } from "billing-usage/prolifi";

interface Env {
  PROLIFI_API_KEY: string;
  PROLIFI_BASE_URL: string;
  PAYPAL_CLIENT_ID: string;
  PAYPAL_CLIENT_SECRET: string;
  PAYPAL_BASE_URL: string;
}

const CUSTOMER = "9b2f2c6e-3f1d-4c8e-9a57-1f0c2d3e4b5a";

// One PayPal client per tenant, kept for the isolate's life: every request it serves shares its token.
const paypalClients = new Map<string, PayPalBillingClient>();
function paypalFor(env: Env, tenant: string): PayPalBillingClient {
  let client = paypalClients.get(tenant);
  if (!client) {
    client = createPayPalBillingClient({
      clientId: env.PAYPAL_CLIENT_ID,
      clientSecret: env.PAYPAL_CLIENT_SECRET,
      baseUrl: env.PAYPAL_BASE_URL,
    });
    paypalClients.set(tenant, client);
  }
  return client;
}

async function handle(url: URL, env: Env): Promise<unknown> {
  const tenant = url.searchParams.get("tenant") ?? "default";
  switch (url.pathname) {
    case "/runtime":
      return navigator.userAgent;
    case "/prolifi": {
      const prolifi = createProlifiClient({ apiKey: env.PROLIFI_API_KEY, baseUrl: env.PROLIFI_BASE_URL });
      return (await prolifi.getCustomerUsage(CUSTOMER)).data.map((row) => row.event_name);
    }
    case "/paypal/walk": {
      const pages = [];
      for await (const page of paypalFor(env, tenant)
        .listPastUsage("cust_42", { subscription_id: "sub_7", per_page: 2 })
        .pages())
        pages.push(page.usage_periods.map((period) => period.issuing_date));
      return pages;
    }
    case "/paypal/total": {
      // Amounts may be numbers or decimal strings: added exactly, in minor units.
      const amounts = [];
      for await (const period of paypalFor(env, tenant).listPastUsage("cust_42", { subscription_id: "sub_7" }))
        amounts.push(period.total_amount);
      const total = sumMoney(amounts);
      return { amount: total.amount, minor: String(total.minor), shown: formatMoney(total, "en-US") };
    }
    case "/paypal/page":
      return (await paypalFor(env, tenant).getPastUsage("cust_42", { subscription_id: "sub_7" })).meta.current_page;
    default:
      return undefined;
  }
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    try {
      const result = await handle(new URL(request.url), env);
      return result === undefined ? new Response("not found", { status: 404 }) : Response.json(result);
    } catch (error) {
      return Response.json(
        { error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) },
        { status: 500 },
      );
    }
  },
};
