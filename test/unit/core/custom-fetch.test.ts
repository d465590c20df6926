// What a custom `fetch` option receives, as the README documents it: the typed methods pass a URL
// and an init (no Request is made before fetch makes its own); `raw`, and the typed methods once
// middleware is added to `raw`, pass openapi-fetch's Request, so the middleware sees every call.
import type { Middleware } from "openapi-fetch";
import { describe, expect, test } from "vitest";
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

  test("raw calls it as fetch(request, { signal }) with openapi-fetch's Request", async () => {
    const { seen, fetch } = recordingFetch(USAGE_BODY);
    const prolifi = createProlifiClient({ apiKey: SECRET_KEY, fetch });
    await prolifi.raw.GET("/customers/{id}/usage", {
      params: { path: { id: CUSTOMER_ID }, query: { start_date: "2026-01-01" } },
    });
    const [{ input, init }] = seen as [Seen];
    expect(input).toBeInstanceOf(Request);
    expect((input as Request).url).toBe(USAGE_URL);
    expect((input as Request).headers.get("authorization")).toBe(`Bearer ${SECRET_KEY}`);
    expect(Object.keys(init ?? {})).toEqual(["signal"]);
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
    const request = seen[0]?.input as Request;
    expect(request).toBeInstanceOf(Request);
    expect(request.headers.get("x-from-middleware")).toBe("yes");
    expect(request.headers.get("authorization")).toBe(`Bearer ${SECRET_KEY}`);
  });

  test("PayPal: the typed call gets a URL, its token request a Request it never shares with raw", async () => {
    const token = { access_token: "A21AA-custom", token_type: "Bearer", expires_in: 32_400 };
    const page = { usage_periods: [], meta: { current_page: 1, total_count: 0, total_pages: 1 } };
    const seen: Seen[] = [];
    const paypal = createPayPalBillingClient({
      clientId: "id",
      clientSecret: "secret",
      environment: "sandbox",
      fetch: async (input, init) => {
        seen.push({ input, init });
        return jsonResponse(200, input instanceof Request ? token : page);
      },
    });
    await paypal.getPastUsage("cust_42", { subscription_id: "sub_7" });
    expect(seen.map((s) => (s.input instanceof Request ? `Request ${s.input.method}` : String(s.input)))).toEqual([
      "Request POST",
      "https://api-m.sandbox.paypal.com/v1/commerce/billing/customers/cust_42/past_usage?subscription_id=sub_7",
    ]);
    expect(new Headers(seen[1]?.init?.headers).get("authorization")).toBe("Bearer A21AA-custom");
  });
});
