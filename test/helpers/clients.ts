// Clients wired to an injected fetch, for unit tests: each answers from a function and records
// every request. The PayPal one serves the token endpoint itself unless the answer handles it.
import { createPayPalBillingClient, type PayPalBillingClientOptions } from "../../src/paypal/index";
import { createProlifiClient, type ProlifiClientOptions } from "../../src/prolifi/index";
import { ACCESS_TOKEN, CLIENT_ID, CLIENT_SECRET, pastUsagePage, SECRET_KEY } from "./fixtures";
import { jsonResponse, type MockFetch, mockFetch } from "./mock-fetch";

type Answer = (request: Request, n: number) => Response | Promise<Response>;

export function prolifiWith(answer: Answer, options: ProlifiClientOptions = {}) {
  const mock = mockFetch(answer);
  const client = createProlifiClient({ apiKey: SECRET_KEY, fetch: mock.fetch, logLevel: "off", ...options });
  return { mock, client };
}

const isTokenRequest = (request: Request): boolean => new URL(request.url).pathname === "/v1/oauth2/token";

/** A token answer PayPal would give, valid `expiresIn` seconds. */
export const tokenResponse = (expiresIn: number = 32_400, token = ACCESS_TOKEN): Response =>
  jsonResponse(200, { access_token: token, token_type: "Bearer", expires_in: expiresIn, app_id: "APP-1" });

/** Answers each past-usage request with the page it asks for, of `total` pages. */
export const pagesOf =
  (total: number): Answer =>
  (request) =>
    jsonResponse(200, pastUsagePage(Number(new URL(request.url).searchParams.get("page") ?? "1"), total));

export function paypalWith(
  answer: Answer = () => jsonResponse(200, pastUsagePage(1, 1)),
  options: PayPalBillingClientOptions = {},
  token: (request: Request, n: number) => Response | Promise<Response> = () => tokenResponse(),
) {
  let tokens = 0;
  let data = 0;
  const mock: MockFetch = mockFetch((request) => {
    if (isTokenRequest(request)) return token(request, ++tokens);
    return answer(request, ++data);
  });
  const client = createPayPalBillingClient({
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    baseUrl: "https://api-m.sandbox.paypal.com",
    fetch: mock.fetch,
    logLevel: "off",
    ...options,
  });
  return {
    mock,
    client,
    get tokenRequests() {
      return tokens;
    },
    get dataRequests() {
      return data;
    },
  };
}
