// The token lifecycle against a scripted PayPal on 127.0.0.1: every test counts token and data
// requests separately.
import { afterEach, describe, expect, test } from "vitest";
import {
  ApiError,
  AuthenticationError,
  BadRequestError,
  createPayPalBillingClient,
  InternalServerError,
  InvalidInputError,
  NotFoundError,
  type PayPalBillingClientOptions,
  PermissionDeniedError,
  RequestAbortedError,
  type StoredToken,
  TimeoutError,
  type TokenStore,
  UnprocessableEntityError,
} from "../../../src/paypal/index";
import { refreshMarginMs } from "../../../src/paypal/token-manager";
import { json } from "../../helpers/fault-server";
import {
  ACCESS_TOKEN,
  BASIC_AUTH,
  CLIENT_ID,
  CLIENT_SECRET,
  pastUsagePage,
  SUBSCRIPTION,
} from "../../helpers/fixtures";
import { issueToken, type Script, type ScriptedPayPal, startScriptedPayPal } from "../../helpers/paypal-server";

let paypal: ScriptedPayPal | undefined;
afterEach(async () => {
  await paypal?.close();
  paypal = undefined;
});

async function clientFor(script: Script = {}, options: PayPalBillingClientOptions = {}) {
  paypal = await startScriptedPayPal(script);
  return createPayPalBillingClient({
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    baseUrl: paypal.url,
    logLevel: "off",
    ...options,
  });
}

const get = (client: ReturnType<typeof createPayPalBillingClient>, options = {}) =>
  client.getPastUsage("cust_42", SUBSCRIPTION, options);

describe("PayPal token lifecycle", () => {
  test("asks for a token with Basic auth and a client_credentials form body", async () => {
    const client = await clientFor();
    await get(client);
    const [token, data] = paypal?.server.requests ?? [];
    expect(token?.method).toBe("POST");
    expect(token?.url).toBe("/v1/oauth2/token");
    expect(token?.headers.authorization).toBe(BASIC_AUTH);
    expect(token?.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(data?.headers.authorization).toBe(`Bearer ${ACCESS_TOKEN}-1`);
  });

  test("50 concurrent cold calls make one token request", async () => {
    const client = await clientFor({ token: (res, n) => setTimeout(() => issueToken(res, n), 50) });
    await Promise.all(Array.from({ length: 50 }, () => get(client)));
    expect(paypal?.tokenRequests).toBe(1);
    expect(paypal?.dataRequests).toBe(50);
  });

  test("reuses the cached token on later calls", async () => {
    const client = await clientFor();
    for (let i = 0; i < 5; i++) await get(client);
    expect(paypal?.tokenRequests).toBe(1);
  });

  test("refreshes a token near expiry once for many waiting calls", async () => {
    // 2 s tokens are replaced halfway through their life: after about 1 s the cached one is due.
    const client = await clientFor({ token: (res, n) => setTimeout(() => issueToken(res, n, 2), 30) });
    await get(client);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const seen = new Set<string>();
    await Promise.all(Array.from({ length: 20 }, () => get(client)));
    for (const r of paypal?.server.requests.slice(2) ?? [])
      if (r.headers.authorization?.startsWith("Bearer")) seen.add(r.headers.authorization);
    expect(paypal?.tokenRequests).toBe(2);
    expect([...seen]).toEqual([`Bearer ${ACCESS_TOKEN}-2`]);
  });

  test("the refresh margin is 60 s or 10 % of the lifetime, whichever is longer, but at most half of it", () => {
    expect(refreshMarginMs(32_400_000)).toBe(3_240_000);
    expect(refreshMarginMs(600_000)).toBe(60_000);
    expect(refreshMarginMs(120_000)).toBe(60_000);
    expect(refreshMarginMs(30_000)).toBe(15_000);
  });

  test("a 401 with a cached token fetches one new token and replays once", async () => {
    const client = await clientFor({
      data: (res, n, page) =>
        n === 1
          ? json(res, 401, { name: "AUTHENTICATION_FAILURE", message: "expired", debug_id: "d1" })
          : json(res, 200, pastUsagePage(page, 1)),
    });
    const page = await get(client);
    expect(page.meta.current_page).toBe(1);
    expect(paypal?.tokenRequests).toBe(2);
    expect(paypal?.dataRequests).toBe(2);
    expect(paypal?.server.requests.at(-1)?.headers.authorization).toBe(`Bearer ${ACCESS_TOKEN}-2`);
  });

  test("a 401 forever ends with AuthenticationError after two of each", async () => {
    const client = await clientFor({
      data: (res) => json(res, 401, { name: "AUTHENTICATION_FAILURE", message: "nope", debug_id: "d401" }),
    });
    const error = await get(client).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ code: "AUTHENTICATION_FAILURE", requestId: "d401", status: 401 });
    expect(paypal?.tokenRequests).toBe(2);
    expect(paypal?.dataRequests).toBe(2);
  });

  test("concurrent 401s on one token share one new token", async () => {
    const client = await clientFor({
      data: (res, _n, page, req) =>
        req.headers.authorization === `Bearer ${ACCESS_TOKEN}-1`
          ? json(res, 401, { name: "AUTHENTICATION_FAILURE", message: "x", debug_id: "d" })
          : json(res, 200, pastUsagePage(page, 1)),
    });
    await get(client);
    expect(paypal?.tokenRequests).toBe(2);
    await Promise.all(Array.from({ length: 10 }, () => get(client)));
    expect(paypal?.tokenRequests).toBe(2);
  });

  test("invalid_client from the token endpoint is an AuthenticationError with the OAuth code, and no data request", async () => {
    const client = await clientFor({
      token: (res) => json(res, 401, { error: "invalid_client", error_description: "Client Authentication failed" }),
    });
    const error = await get(client).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ code: "invalid_client", status: 401, provider: "paypal", method: "POST" });
    expect((error as Error).message).toBe(
      `POST ${paypal?.url}/v1/oauth2/token failed with 401 invalid_client: Client Authentication failed`,
    );
    expect(paypal?.tokenRequests).toBe(1);
    expect(paypal?.dataRequests).toBe(0);
  });

  test.each(["invalid_client", "invalid_grant", "unauthorized_client"])(
    "a 400 %s from the token endpoint is an AuthenticationError carrying the vendor's description",
    async (code) => {
      const client = await clientFor({ token: (res) => json(res, 400, { error: code, error_description: "Refused" }) });
      const error = await get(client).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AuthenticationError);
      expect(error).toMatchObject({ code, status: 400 });
      expect((error as Error).message).toBe(`POST ${paypal?.url}/v1/oauth2/token failed with 400 ${code}: Refused`);
    },
  );

  test("a 400 problem+json from the token endpoint is a BadRequestError with its detail, redacted and cut", async () => {
    const detail = `grant rejected for ${CLIENT_SECRET} ${"x".repeat(400)}`;
    const client = await clientFor({
      token: (res) => {
        res.writeHead(400, { "content-type": "application/problem+json" });
        res.end(JSON.stringify({ type: "about:blank", title: "Bad Request", status: 400, detail }));
      },
    });
    const error = await get(client).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    const { message } = error as Error;
    expect(message).toMatch(
      /^POST http:\/\/127\.0\.0\.1:\d+\/v1\/oauth2\/token failed with 400: grant rejected for \[redacted\] x+…$/,
    );
    expect(message).not.toContain(CLIENT_SECRET);
    expect(message.length).toBeLessThan(300);
    expect(paypal?.tokenRequests).toBe(1);
  });

  test("a proxy's 413 HTML page on the token request is an ApiError naming the token endpoint, not an AuthenticationError", async () => {
    const client = await clientFor({
      token: (res) => {
        res.writeHead(413, { "content-type": "text/html" });
        res.end("<html><body><h1>413 Request Entity Too Large</h1></body></html>");
      },
    });
    const error = await get(client).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).not.toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ status: 413, method: "POST", url: `${paypal?.url}/v1/oauth2/token` });
    expect((error as ApiError).body).toContain("413 Request Entity Too Large");
    expect(paypal?.tokenRequests).toBe(1);
  });

  test.each([
    [403, PermissionDeniedError],
    [404, NotFoundError],
    [422, UnprocessableEntityError],
  ])("a %i from the token endpoint is the class a data call gets for it", async (status, ErrorClass) => {
    const client = await clientFor({ token: (res) => json(res, status, { name: "SOME_ERROR", message: "Nope" }) });
    const error = await get(client).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ErrorClass);
    expect((error as Error).message).toBe(`POST ${paypal?.url}/v1/oauth2/token failed with ${status} SOME_ERROR: Nope`);
  });

  test("retries a 429 from the token endpoint after its Retry-After", async () => {
    const client = await clientFor({
      token: (res, n) => (n === 1 ? json(res, 429, {}, { "retry-after": "0" }) : issueToken(res, n)),
    });
    await get(client);
    expect(paypal?.tokenRequests).toBe(2);
  });

  test("retries a 503 from the token endpoint like a GET", async () => {
    const client = await clientFor({
      token: (res, n) => (n === 1 ? json(res, 503, { name: "SERVICE_UNAVAILABLE" }) : issueToken(res, n)),
    });
    await get(client);
    expect(paypal?.tokenRequests).toBe(2);
  });

  test("a token endpoint that keeps failing with 500 is an InternalServerError", async () => {
    const client = await clientFor({ token: (res) => json(res, 500, {}) }, { maxRetries: 0 });
    await expect(get(client)).rejects.toBeInstanceOf(InternalServerError);
  });

  test("a 200 without an access_token is an InvalidResponseError", async () => {
    const client = await clientFor({ token: (res) => json(res, 200, { token_type: "Bearer" }) });
    await expect(get(client)).rejects.toMatchObject({ name: "InvalidResponseError", status: 200 });
  });

  test.each([null, 42])("a 200 token response of %s is an InvalidResponseError", async (body) => {
    const client = await clientFor({ token: (res) => json(res, 200, body) });
    await expect(get(client)).rejects.toMatchObject({ name: "InvalidResponseError", status: 200 });
  });

  test("a 200 token with characters a header cannot carry is an InvalidResponseError that does not show it", async () => {
    const client = await clientFor({
      token: (res) => json(res, 200, { access_token: "tok en-123456", token_type: "Bearer", expires_in: 32_400 }),
    });
    const error = await get(client).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "InvalidResponseError", status: 200 });
    expect((error as Error).message).not.toContain("tok en");
    expect(paypal?.dataRequests).toBe(0);
  });

  test("the deadline covers the token request", async () => {
    const client = await clientFor({ token: () => {} }, { deadlineMs: 300 });
    const started = performance.now();
    await expect(get(client)).rejects.toBeInstanceOf(TimeoutError);
    // The stalled token request would otherwise run to the 30 s timeout.
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(paypal?.dataRequests).toBe(0);
  });

  test("one caller's abort while waiting for the token leaves the other callers' calls alone", async () => {
    const client = await clientFor({ token: (res, n) => setTimeout(() => issueToken(res, n), 200) });
    const controller = new AbortController();
    const quitter = get(client, { signal: controller.signal });
    const stayer = get(client);
    setTimeout(() => controller.abort(), 50);
    await expect(quitter).rejects.toBeInstanceOf(RequestAbortedError);
    await expect(stayer).resolves.toMatchObject({ meta: { current_page: 1 } });
    expect(paypal?.tokenRequests).toBe(1);
  });
});

describe("PayPal tokenStore", () => {
  function memoryStore(): TokenStore & { value: StoredToken | undefined; sets: number } {
    const store = {
      value: undefined as StoredToken | undefined,
      sets: 0,
      get: async () => store.value,
      set: async (token: StoredToken) => {
        store.sets += 1;
        store.value = token;
      },
    };
    return store;
  }

  test("two clients sharing a tokenStore make one token request", async () => {
    const tokenStore = memoryStore();
    const first = await clientFor({}, { tokenStore });
    const second = createPayPalBillingClient({
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      baseUrl: paypal?.url ?? "",
      tokenStore,
      logLevel: "off",
    });
    await get(first);
    await get(second);
    expect(paypal?.tokenRequests).toBe(1);
    expect(tokenStore.sets).toBe(1);
    expect(tokenStore.value?.accessToken).toBe(`${ACCESS_TOKEN}-1`);
    expect(tokenStore.value?.expiresAt).toBeGreaterThan(Date.now() + 32_000_000);
  });

  test("a stored token that a 401 proved bad is not taken from the store again", async () => {
    const tokenStore = memoryStore();
    tokenStore.value = { accessToken: "revoked-token-123", expiresAt: Date.now() + 3_600_000 };
    const client = await clientFor(
      {
        data: (res, _n, page, req) =>
          req.headers.authorization === "Bearer revoked-token-123"
            ? json(res, 401, { name: "AUTHENTICATION_FAILURE", message: "x", debug_id: "d" })
            : json(res, 200, pastUsagePage(page, 1)),
      },
      { tokenStore },
    );
    await get(client);
    expect(paypal?.tokenRequests).toBe(1);
    expect(paypal?.dataRequests).toBe(2);
    expect(tokenStore.value.accessToken).toBe(`${ACCESS_TOKEN}-1`);
  });

  test("a stored token that cannot be a header is passed over for a new one", async () => {
    const tokenStore = memoryStore();
    tokenStore.value = { accessToken: "stored token 123", expiresAt: Date.now() + 3_600_000 };
    const client = await clientFor({}, { tokenStore });
    await get(client);
    expect(paypal?.tokenRequests).toBe(1);
    expect(paypal?.server.requests.at(-1)?.headers.authorization).toBe(`Bearer ${ACCESS_TOKEN}-1`);
  });

  test("a failing tokenStore does not fail the call", async () => {
    const tokenStore: TokenStore = {
      get: () => {
        throw new Error("redis down");
      },
      set: () => Promise.reject(new Error("redis down")),
    };
    const client = await clientFor({}, { tokenStore });
    await expect(get(client)).resolves.toMatchObject({ meta: { current_page: 1 } });
  });
});

describe("PayPal accessToken option", () => {
  test("a fixed token is sent as is, with no token request and no replay after a 401", async () => {
    paypal = await startScriptedPayPal({
      data: (res) => json(res, 401, { name: "AUTHENTICATION_FAILURE", message: "x", debug_id: "d" }),
    });
    const client = createPayPalBillingClient({
      accessToken: "my-own-token-0123",
      baseUrl: paypal.url,
      logLevel: "off",
    });
    await expect(get(client)).rejects.toBeInstanceOf(AuthenticationError);
    expect(paypal.tokenRequests).toBe(0);
    expect(paypal.dataRequests).toBe(1);
    expect(paypal.server.requests[0]?.headers.authorization).toBe("Bearer my-own-token-0123");
  });

  test("a token function returning what cannot be a header is an InvalidInputError that does not show it", async () => {
    paypal = await startScriptedPayPal({});
    const client = createPayPalBillingClient({
      accessToken: async () => "fn-token\r\nX-Injected: 1",
      baseUrl: paypal.url,
      logLevel: "off",
    });
    const error = await get(client).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error).toMatchObject({ param: "accessToken" });
    expect((error as Error).message).not.toContain("fn-token");
    expect(paypal.dataRequests).toBe(0);
  });

  test("a token function is asked again once after a 401, then the call replays once", async () => {
    paypal = await startScriptedPayPal({
      data: (res, _n, page, req) =>
        req.headers.authorization === "Bearer fn-token-1"
          ? json(res, 401, { name: "AUTHENTICATION_FAILURE", message: "x", debug_id: "d" })
          : json(res, 200, pastUsagePage(page, 1)),
    });
    let asked = 0;
    const client = createPayPalBillingClient({
      accessToken: async () => `fn-token-${++asked}`,
      baseUrl: paypal.url,
      logLevel: "off",
    });
    await get(client);
    expect(asked).toBe(2);
    expect(paypal.dataRequests).toBe(2);
    expect(paypal.tokenRequests).toBe(0);
  });
});
