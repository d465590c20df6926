// Behind a proxy, as the README's "Behind a proxy" section sets it up: each way goes through a real
// forwarding proxy (the `proxy` package, as undici's own tests use) to a scripted PayPal and a
// Prolifi stand-in on 127.0.0.1, and the proxy's own events prove the requests passed through it.
// PayPal's token request, a typed call and a raw call are each counted.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createProxy } from "proxy";
import { EnvHttpProxyAgent, ProxyAgent, fetch as undiciFetch } from "undici";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { createPayPalBillingClient } from "../../../src/paypal/index";
import { createProlifiClient } from "../../../src/prolifi/index";
import { json } from "../../helpers/fault-server";
import { CLIENT_ID, CLIENT_SECRET, CUSTOMER_ID, SECRET_KEY, SUBSCRIPTION, USAGE_BODY } from "../../helpers/fixtures";
import { type ScriptedPayPal, startScriptedPayPal } from "../../helpers/paypal-server";

/** A forwarding proxy on 127.0.0.1 that records the target of every request it carried. */
async function startProxy() {
  const carried: string[] = [];
  const server: Server = createProxy(createServer());
  // Plain HTTP targets arrive as absolute-form requests; a tunnelling client sends CONNECT.
  server.on("request", (req) => carried.push(`${req.method} ${new URL(req.url ?? "").pathname}`));
  server.on("connect", (req) => carried.push(`CONNECT ${req.url}`));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    carried,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

type Proxy = Awaited<ReturnType<typeof startProxy>>;
type Fetch = typeof fetch;

let proxy: Proxy;
let paypal: ScriptedPayPal;
beforeEach(async () => {
  proxy = await startProxy();
  paypal = await startScriptedPayPal({
    data: (res, _n, _page, req) =>
      new URL(req.url ?? "", "http://x").pathname === USAGE
        ? json(res, 200, USAGE_BODY)
        : json(res, 200, { usage_periods: [], meta: { current_page: 1, total_count: 0, total_pages: 1 } }),
  });
});
afterEach(async () => {
  await paypal.close();
  await proxy.close();
});

/**
 * Each README way: the custom fetch the clients are given, from the proxy's URL and the agent's
 * options. The APIs are HTTPS, so an agent tunnels through the proxy with CONNECT, and a proxy sees
 * one CONNECT per connection; the stand-ins here are plain HTTP, so `proxyTunnel: false` has the
 * proxy forward each request, and see (and list) every one.
 */
type ProxiedFetch = (proxyUrl: string, agentOptions: { proxyTunnel: boolean }) => Fetch;
const WAYS: [string, ProxiedFetch][] = [
  [
    "the global fetch with an undici ProxyAgent dispatcher",
    (uri, options) => {
      const dispatcher = new ProxyAgent({ uri, ...options });
      return (url, init) => fetch(url, { ...init, dispatcher } as RequestInit);
    },
  ],
  [
    "undici's own fetch with a ProxyAgent",
    (uri, options) => {
      const dispatcher = new ProxyAgent({ uri, ...options });
      return ((url: string, init: object) => undiciFetch(url, { ...init, dispatcher })) as unknown as Fetch;
    },
  ],
  [
    "HTTP_PROXY/HTTPS_PROXY read by undici's EnvHttpProxyAgent",
    (uri, options) => {
      vi.stubEnv("HTTP_PROXY", uri);
      vi.stubEnv("HTTPS_PROXY", uri);
      vi.stubEnv("NO_PROXY", "");
      const dispatcher = new EnvHttpProxyAgent(options);
      return (url, init) => fetch(url, { ...init, dispatcher } as RequestInit);
    },
  ],
];

const PAST_USAGE = "/v1/commerce/billing/customers/cust_42/past_usage";
const USAGE = `/customers/${CUSTOMER_ID}/usage`;

function paypalClient(fetch: Fetch) {
  return createPayPalBillingClient({
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    baseUrl: paypal.url,
    fetch,
    logLevel: "off",
  });
}

/** A token request, a typed call and a raw call; resolves to the raw call's status. */
async function paypalCalls(fetch: Fetch): Promise<number> {
  const client = paypalClient(fetch);
  await client.getPastUsage("cust_42", SUBSCRIPTION);
  const { response } = await client.raw.GET("/v1/commerce/billing/customers/{external_customer_id}/past_usage", {
    params: { path: { external_customer_id: "cust_42" }, query: SUBSCRIPTION },
  });
  return response.status;
}

describe.each(WAYS)("behind a proxy: %s", (_way, proxiedFetch) => {
  test("PayPal's token request, a typed call and a raw call each pass through the proxy", async () => {
    expect(await paypalCalls(proxiedFetch(proxy.url, { proxyTunnel: false }))).toBe(200);
    expect([paypal.tokenRequests, paypal.dataRequests]).toEqual([1, 2]);
    expect(proxy.carried).toEqual(["POST /v1/oauth2/token", `GET ${PAST_USAGE}`, `GET ${PAST_USAGE}`]);
  });

  test("tunnelled as for an HTTPS API, the calls reach the server through the proxy's CONNECT", async () => {
    expect(await paypalCalls(proxiedFetch(proxy.url, { proxyTunnel: true }))).toBe(200);
    expect([paypal.tokenRequests, paypal.dataRequests]).toEqual([1, 2]);
    expect(proxy.carried.length).toBeGreaterThan(0);
    expect(new Set(proxy.carried)).toEqual(new Set([`CONNECT ${new URL(paypal.url).host}`]));
  });

  test("a Prolifi typed call and a raw call pass through the proxy", async () => {
    const fetch = proxiedFetch(proxy.url, { proxyTunnel: false });
    const prolifi = createProlifiClient({ apiKey: SECRET_KEY, baseUrl: paypal.url, fetch });
    expect(await prolifi.getCustomerUsage(CUSTOMER_ID)).toEqual(USAGE_BODY);
    const { data } = await prolifi.raw.GET("/customers/{id}/usage", { params: { path: { id: CUSTOMER_ID } } });
    expect(data).toEqual(USAGE_BODY);
    expect(proxy.carried).toEqual([`GET ${USAGE}`, `GET ${USAGE}`]);
  });
});

describe("undici's own fetch, no proxy", () => {
  test("serves the token request, typed calls and raw calls (it refuses a Request of the runtime's class)", async () => {
    const client = paypalClient(undiciFetch as unknown as Fetch);
    await client.getPastUsage("cust_42", SUBSCRIPTION);
    // With middleware on raw, typed calls go through openapi-fetch's Request too.
    client.raw.use({ onRequest: () => undefined });
    await client.getPastUsage("cust_42", SUBSCRIPTION);
    const { response } = await client.raw.GET("/v1/commerce/billing/customers/{external_customer_id}/past_usage", {
      params: { path: { external_customer_id: "cust_42" }, query: SUBSCRIPTION },
    });
    expect(response.status).toBe(200);
    expect([paypal.tokenRequests, paypal.dataRequests]).toEqual([1, 3]);
  });
});
