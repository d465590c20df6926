// The PayPal client's secret, its Basic header and every token it holds must appear in no error
// rendering, no inspection of the client and no log line, on every error path.
import { inspect } from "node:util";
import { afterEach, describe, expect, test } from "vitest";
import { createPayPalBillingClient, type PayPalBillingClientOptions } from "../../../src/paypal/index";
import { json } from "../../helpers/fault-server";
import {
  ACCESS_TOKEN,
  BASIC_AUTH,
  CLIENT_ID,
  CLIENT_SECRET,
  pastUsagePage,
  SUBSCRIPTION,
} from "../../helpers/fixtures";
import { captureLogger } from "../../helpers/logger";
import { issueToken, type Script, type ScriptedPayPal, startScriptedPayPal } from "../../helpers/paypal-server";

const SECRETS = [CLIENT_SECRET, BASIC_AUTH.slice("Basic ".length), ACCESS_TOKEN];

let paypal: ScriptedPayPal | undefined;
afterEach(async () => {
  await paypal?.close();
  paypal = undefined;
});

const echo401: Script["data"] = (res, _n, _p, req) =>
  json(res, 401, { name: "AUTHENTICATION_FAILURE", message: `bad token ${req.headers.authorization}`, debug_id: "d" });

const scenarios: [string, Script, Partial<PayPalBillingClientOptions>, Record<string, unknown>?][] = [
  [
    "the token endpoint refuses and echoes the Basic header",
    {
      token: (res, _n, req) =>
        json(res, 401, { error: "invalid_client", error_description: `bad ${req.headers.authorization}` }),
    },
    {},
  ],
  ["the token endpoint stalls", { token: () => {} }, { timeoutMs: 100, maxRetries: 0 }],
  [
    "the token endpoint sends broken JSON",
    {
      token: (res) =>
        res.writeHead(200, { "content-type": "application/json" }).end(`{"access_token":"${ACCESS_TOKEN}`),
    },
    {},
  ],
  ["every data call is a 401 that echoes the token", { data: echo401 }, {}],
  [
    "the data call fails with 500",
    { data: (res) => json(res, 500, { name: "INTERNAL_SERVER_ERROR", message: "x", debug_id: "d" }) },
    { maxRetries: 0 },
  ],
  [
    "the data call asks to wait an hour",
    {
      data: (res) =>
        json(res, 429, { name: "RATE_LIMIT_REACHED", message: "x", debug_id: "d" }, { "retry-after": "3600" }),
    },
    {},
  ],
  [
    "the call is aborted while the token is fetched",
    { token: (res, n) => setTimeout(() => issueToken(res, n), 200) },
    {},
    { signal: AbortSignal.timeout(50) },
  ],
  ["the data call's deadline passes", { data: () => {} }, { deadlineMs: 150 }],
];

function renderings(error: unknown): string[] {
  return [
    (error as Error).message,
    String((error as Error).stack),
    String(error),
    JSON.stringify(error),
    inspect(error, { depth: Infinity, showHidden: true }),
  ];
}

describe("PayPal secrets", () => {
  test.each(scenarios)(
    "%s: no secret in errors, the client or the logs",
    async (_name, script, options, callOptions = {}) => {
      paypal = await startScriptedPayPal({
        ...script,
        // Tokens carry the recognisable ACCESS_TOKEN text unless the scenario issues its own.
        token: script.token ?? ((res, n) => issueToken(res, n)),
      });
      const capture = captureLogger();
      const client = createPayPalBillingClient({
        clientId: CLIENT_ID,
        clientSecret: CLIENT_SECRET,
        baseUrl: paypal.url,
        logger: capture.logger,
        logLevel: "debug",
        ...options,
      });
      const error = await client.getPastUsage("cust_42", SUBSCRIPTION, callOptions).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Error);
      const everything = [
        ...renderings(error),
        inspect(client, { depth: Infinity, showHidden: true }),
        JSON.stringify(capture.lines),
        inspect(capture.lines, { depth: Infinity }),
      ];
      for (const text of everything) for (const secret of SECRETS) expect(text).not.toContain(secret);
    },
  );

  test("middleware added to raw never sees the token request, the Basic header or a token", async () => {
    // The second data request is a 401, so the client fetches a second token and replays once.
    paypal = await startScriptedPayPal({
      data: (res, n, page) =>
        n === 2
          ? json(res, 401, { name: "AUTHENTICATION_FAILURE", message: "expired", debug_id: "d" })
          : json(res, 200, pastUsagePage(page, 1)),
    });
    const client = createPayPalBillingClient({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, baseUrl: paypal.url });
    const seen: string[] = [];
    const record = async (what: string, message: Request | Response) => {
      seen.push(`${what} ${message.url} ${JSON.stringify([...message.headers])} ${await message.clone().text()}`);
    };
    client.raw.use({
      onRequest: async ({ request }) => void (await record("request", request)),
      onResponse: async ({ response }) => void (await record("response", response)),
      onError: ({ error }) => void seen.push(`error ${String(error)}`),
    });

    await client.getPastUsage("cust_42", SUBSCRIPTION);
    await client.getPastUsage("cust_42", SUBSCRIPTION);
    await client.raw.GET("/v1/commerce/billing/customers/{external_customer_id}/past_usage", {
      params: { path: { external_customer_id: "cust_42" }, query: SUBSCRIPTION },
    });

    expect(paypal.tokenRequests).toBe(2);
    expect(seen).toHaveLength(6);
    const everything = seen.join("\n");
    expect(everything).not.toContain("/v1/oauth2/token");
    expect(everything).not.toContain("access_token");
    expect(everything).not.toContain("Basic ");
    for (const secret of SECRETS) expect(everything).not.toContain(secret);
  });

  test("input errors do not echo a secret either", async () => {
    const error = (() => {
      try {
        return createPayPalBillingClient({
          environment: "sandbox",
          clientId: CLIENT_ID,
          clientSecret: `${CLIENT_SECRET} x`,
        });
      } catch (e) {
        return e;
      }
    })();
    for (const text of renderings(error)) expect(text).not.toContain(CLIENT_SECRET);
  });
});
