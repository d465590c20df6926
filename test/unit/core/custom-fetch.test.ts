// What a custom `fetch` option receives, as the README documents it: always `fetch(url, init)`, a URL
// string and a plain init (method, headers, body, signal), never a Request, so any WHATWG-shaped
// fetch works (undici's own refuses a Request made by the runtime's class). `raw`, and the typed
// methods once middleware is added to `raw`, still go through openapi-fetch, so middleware sees them.
import type { Middleware } from "openapi-fetch";
import { describe, expect, test } from "vitest";
import { ConnectionError, InvalidInputError } from "../../../src/core/errors";
import { createPayPalBillingClient } from "../../../src/paypal/index";
import { createProlifiClient } from "../../../src/prolifi/index";
import { CUSTOMER_ID, SECRET_KEY, USAGE_BODY } from "../../helpers/fixtures";
import { jsonResponse } from "../../helpers/mock-fetch";

type Seen = { input: unknown; init: RequestInit | undefined };

function recordingFetch(body: unknown) {
  const seen: Seen[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    seen.push({ input, init });
    return jsonResponse(200, body);
  };
  return { seen, fetch };
}

/** A Prolifi client whose fetch throws `failure()` every time, counting its calls. */
function failingFetch(failure: () => Error) {
  let calls = 0;
  const prolifi = createProlifiClient({
    apiKey: SECRET_KEY,
    logLevel: "off",
    fetch: async () => {
      calls += 1;
      throw failure();
    },
  });
  return { prolifi, calls: () => calls };
}

const USAGE_URL = `https://api.prolifi.co/api/v1/public/customers/${CUSTOMER_ID}/usage?start_date=2026-01-01`;

describe("a custom fetch", () => {
  test("typed methods call it as fetch(url, { method, headers, signal })", async () => {
    const { seen, fetch } = recordingFetch(USAGE_BODY);
    const prolifi = createProlifiClient({ apiKey: SECRET_KEY, fetch });
    await prolifi.getCustomerUsage(CUSTOMER_ID, { start_date: "2026-01-01" }, { headers: { "X-Trace": "t1" } });
    expect(seen).toHaveLength(1);
    const [{ input, init }] = seen as [Seen];
    expect(input).toBe(USAGE_URL);
    expect(init?.method).toBe("GET");
    expect(init?.signal).toBeInstanceOf(AbortSignal);
    const headers = init?.headers as Headers;
    expect(Object.fromEntries(headers)).toEqual({ authorization: `Bearer ${SECRET_KEY}`, "x-trace": "t1" });
  });

  test("raw calls it as fetch(url, { method, headers, signal }), openapi-fetch's Request unpacked", async () => {
    const { seen, fetch } = recordingFetch(USAGE_BODY);
    const prolifi = createProlifiClient({ apiKey: SECRET_KEY, fetch });
    await prolifi.raw.GET("/customers/{id}/usage", {
      params: { path: { id: CUSTOMER_ID }, query: { start_date: "2026-01-01" } },
    });
    const [{ input, init }] = seen as [Seen];
    expect(input).toBe(USAGE_URL);
    expect(Object.keys(init ?? {})).toEqual(["method", "headers", "signal"]);
    expect(init?.method).toBe("GET");
    expect(new Headers(init?.headers).get("authorization")).toBe(`Bearer ${SECRET_KEY}`);
  });

  test("a raw request with a body sends the same bytes again when a 401 is replayed", async () => {
    const bodies: string[] = [];
    const paypal = createPayPalBillingClient({
      accessToken: async () => "A21AA-renewable-token",
      environment: "sandbox",
      logLevel: "off",
      fetch: async (input, init) => {
        expect(typeof input).toBe("string");
        bodies.push(new TextDecoder().decode(init?.body as ArrayBuffer));
        return bodies.length === 1 ? jsonResponse(401, {}) : jsonResponse(200, { ok: true });
      },
    });
    const { response } = await paypal.raw.POST("/v1/oauth2/token", {
      body: { grant_type: "client_credentials" },
      bodySerializer: (body) => new URLSearchParams(body).toString(),
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    expect(response.status).toBe(200);
    expect(bodies).toEqual(["grant_type=client_credentials", "grant_type=client_credentials"]);
  });

  test("once middleware is added to raw, typed methods go through it too, with the same URL and headers", async () => {
    const { seen, fetch } = recordingFetch(USAGE_BODY);
    const prolifi = createProlifiClient({ apiKey: SECRET_KEY, fetch });
    const urls: string[] = [];
    const middleware: Middleware = {
      onRequest: ({ request }) => {
        urls.push(request.url);
        request.headers.set("X-From-Middleware", "yes");
      },
    };
    prolifi.raw.use(middleware);
    const usage = await prolifi.getCustomerUsage(CUSTOMER_ID, { start_date: "2026-01-01" });
    expect(usage).toEqual(USAGE_BODY);
    expect(urls).toEqual([USAGE_URL]);
    const [{ input, init }] = seen as [Seen];
    expect(input).toBe(USAGE_URL);
    const headers = new Headers(init?.headers);
    expect(headers.get("x-from-middleware")).toBe("yes");
    expect(headers.get("authorization")).toBe(`Bearer ${SECRET_KEY}`);
  });

  test("PayPal: the token request and the typed call both get a URL string and a plain init", async () => {
    const token = { access_token: "A21AA-custom", token_type: "Bearer", expires_in: 32_400 };
    const page = { usage_periods: [], meta: { current_page: 1, total_count: 0, total_pages: 1 } };
    const seen: Seen[] = [];
    const paypal = createPayPalBillingClient({
      clientId: "id",
      clientSecret: "secret",
      environment: "sandbox",
      fetch: async (input, init) => {
        seen.push({ input, init });
        return jsonResponse(200, String(input).endsWith("/token") ? token : page);
      },
    });
    await paypal.getPastUsage("cust_42", { subscription_id: "sub_7" });
    expect(seen.map((s) => `${s.init?.method} ${s.input}`)).toEqual([
      "POST https://api-m.sandbox.paypal.com/v1/oauth2/token",
      "GET https://api-m.sandbox.paypal.com/v1/commerce/billing/customers/cust_42/past_usage?subscription_id=sub_7",
    ]);
    expect(seen[0]?.init?.body).toBe("grant_type=client_credentials");
    expect(new Headers(seen[1]?.init?.headers).get("authorization")).toBe("Bearer A21AA-custom");
  });

  test.each([
    [
      "on its cause (undici refusing a foreign Request)",
      { cause: Object.assign(new TypeError("Invalid URL"), { code: "ERR_INVALID_URL" }) },
      "ERR_INVALID_URL",
    ],
    ["on the error itself", { code: "ERR_INVALID_ARG_TYPE" }, "ERR_INVALID_ARG_TYPE"],
    ["from undici's argument checks", { code: "UND_ERR_INVALID_ARG" }, "UND_ERR_INVALID_ARG"],
  ])(
    "a fetch refusing its arguments (a code %s) is an InvalidInputError, thrown at once, not retried",
    async (_where, fields, code) => {
      const { prolifi, calls } = failingFetch(() =>
        Object.assign(new TypeError(`Failed to parse URL from [object Request] ${SECRET_KEY}`), fields),
      );
      const error = await prolifi.getCustomerUsage(CUSTOMER_ID).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidInputError);
      expect(error).toMatchObject({ param: "fetch" });
      expect((error as Error).message).toMatch(
        /^fetch refused its arguments: GET https:\/\/api\.prolifi\.co\/.* failed: /,
      );
      expect((error as Error).message).toContain(code);
      expect(JSON.stringify(error) + String((error as Error).stack)).not.toContain(SECRET_KEY);
      expect(calls()).toBe(1);
    },
  );

  test("a plain TypeError from fetch (a network failure) stays a retried ConnectionError", async () => {
    const { prolifi, calls } = failingFetch(
      () =>
        new TypeError("fetch failed", {
          cause: Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }),
        }),
    );
    const error = await prolifi.getCustomerUsage(CUSTOMER_ID, {}, { maxRetries: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(calls()).toBe(2);
  });
});
