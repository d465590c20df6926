// The clients users would pick instead, from test/bench/package.json (installed by deps.mjs into
// test/bench/node_modules), each pointed at the loopback server on a route it knows. A package that
// is not installed is left out, with a note.
const ORDER_ID = "5O190127TN364715T";
const PAYPAL_SANDBOX = "https://api-m.sandbox.paypal.com";

async function optional(name, load) {
  try {
    return await load();
  } catch (error) {
    if (error?.code !== "ERR_MODULE_NOT_FOUND") throw error;
    console.error(`bench: ${name} is not installed (node test/bench/deps.mjs installs it); left out`);
    return undefined;
  }
}

/**
 * PayPal's own SDK, on its client-credentials flow and its GET of an order. It knows only PayPal's
 * hosts; an axios adapter rewrites the host to the loopback server and changes nothing else.
 */
export async function paypalSdkClient(baseUrl) {
  const sdk = await optional("@paypal/paypal-server-sdk", () => import("@paypal/paypal-server-sdk"));
  const axios = await optional("axios", () => import("axios"));
  if (!sdk || !axios) return undefined;
  const http = axios.default.getAdapter("http");
  const client = new sdk.Client({
    clientCredentialsAuthCredentials: { oAuthClientId: "bench", oAuthClientSecret: "bench" },
    environment: sdk.Environment.Sandbox,
    unstable_httpClientOptions: {
      adapter: (config) => http({ ...config, url: config.url.replace(PAYPAL_SANDBOX, baseUrl) }),
    },
  });
  const orders = new sdk.OrdersController(client);
  return () => orders.getOrder({ id: ORDER_ID });
}

export async function loadCompetitors(baseUrl, { customer, key }) {
  const contenders = [];
  const axios = await optional("axios", () => import("axios"));
  if (axios) {
    const client = axios.default.create({ baseURL: baseUrl, headers: { Authorization: `Bearer ${key}` } });
    contenders.push({ name: "axios", route: "usage", call: () => client.get(`/customers/${customer}/usage`) });
  }
  const lago = await optional("lago-javascript-client", () => import("lago-javascript-client"));
  if (lago) {
    const client = lago.Client(key, { baseUrl: `${baseUrl}/api/v1` });
    contenders.push({
      name: "lago-javascript-client",
      route: "past usage",
      call: () => client.customers.findAllCustomerPastUsage("cust_42", { external_subscription_id: "sub_7" }),
    });
  }
  const paypalSdk = await paypalSdkClient(baseUrl);
  if (paypalSdk) {
    // Its route has baselines of its own: raw fetch and bare openapi-fetch on the same order GET.
    const { default: createClient } = await import("openapi-fetch");
    const bare = createClient({ baseUrl });
    const auth = { Authorization: "Bearer A21AA-bench" };
    contenders.push(
      {
        name: "raw fetch + json()",
        route: "PayPal order",
        call: async () => (await fetch(`${baseUrl}/v2/checkout/orders/${ORDER_ID}`, { headers: auth })).json(),
      },
      {
        name: "openapi-fetch",
        route: "PayPal order",
        call: () => bare.GET("/v2/checkout/orders/{id}", { params: { path: { id: ORDER_ID } }, headers: auth }),
      },
      { name: "@paypal/paypal-server-sdk getOrder (warm token)", route: "PayPal order", call: paypalSdk },
    );
  }
  return contenders;
}
