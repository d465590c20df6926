// The PayPal commerce-billing client: OAuth client credentials, past usage, and its pagination.
import createClient, { type Client } from "openapi-fetch";
import { operations } from "../../generated/paypal-billing.meta";
import { untilCallEnds } from "../core/call";
import { checkOperationInput, isHeaderSafe } from "../core/checks";
import { AuthenticationError, apiErrorClassFor, InvalidInputError, InvalidResponseError } from "../core/errors";
import {
  type ClientCore,
  type CommonClientOptions,
  checkRequestOptions,
  createClientCore,
  type RequestOptions,
  startCheckedCall,
} from "../core/options";
import { describeRequest, type ResponseContext, resultOf } from "../core/response";
import type { Call } from "../core/transport";
import {
  type AccessTokenSource,
  type CredentialOptions,
  checkTokenStore,
  resolveBaseUrl,
  resolveCredentials,
} from "./credentials";
import { DEFAULT_MAX_PAGES } from "./defaults";
import { readOAuthError, readPayPalError } from "./errors";
import { type NumberedPage, walkPages } from "./pagination";
import { createTokenManager, type IssuedToken, type TokenManager, type TokenStore } from "./token-manager";
import type { AccessToken, PastUsagePage, PastUsageQuery, PayPalPaths, UsagePeriod } from "./types";

const PAST_USAGE = "/v1/commerce/billing/customers/{external_customer_id}/past_usage";
const TOKEN = "/v1/oauth2/token";

export interface PayPalBillingClientOptions extends CommonClientOptions, CredentialOptions {
  /** Shares one token between clients or processes. */
  tokenStore?: TokenStore | undefined;
}

export interface ListOptions extends RequestOptions {
  /** Stop after this many pages, whatever `meta` says. @default 10000 */
  maxPages?: number | undefined;
}

/** Every usage period across pages; `.pages()` walks page by page instead. */
export interface PastUsageIterable extends AsyncIterable<UsagePeriod> {
  pages(): AsyncIterable<NumberedPage>;
}

export interface PayPalBillingClient {
  /**
   * One page of a customer's usage in closed billing periods.
   * @example
   * const page = await paypal.getPastUsage("cust_42", { subscription_id: "sub_7", page: 1, per_page: 20 });
   */
  getPastUsage(externalCustomerId: string, query: PastUsageQuery, options?: RequestOptions): Promise<PastUsagePage>;
  /**
   * Every usage period across all pages, fetched lazily. `query.page` is where the walk starts.
   * @example
   * for await (const period of paypal.listPastUsage("cust_42", { subscription_id: "sub_7" })) console.log(period.total_amount);
   */
  listPastUsage(externalCustomerId: string, query: PastUsageQuery, options?: ListOptions): PastUsageIterable;
  /** The typed openapi-fetch client with auth, retries and timeouts applied. */
  readonly raw: Client<PayPalPaths>;
}

interface Authorizer {
  token(call: Call): Promise<string>;
  /** Called after a 401; false when asking again cannot help (a fixed token). */
  renew(token: string): boolean;
}

function tokenManagerAuthorizer(manager: TokenManager): Authorizer {
  return {
    token: (call) => manager.get(call),
    renew(token) {
      manager.invalidate(token);
      return true;
    },
  };
}

function accessTokenAuthorizer(source: AccessTokenSource, core: ClientCore): Authorizer {
  if (typeof source === "string") {
    core.redactor.add(source);
    return { token: async () => source, renew: () => false };
  }
  return {
    async token(call) {
      const token = await untilCallEnds(Promise.resolve().then(source), call, "getting a PayPal access token");
      if (!isHeaderSafe(token)) {
        throw new InvalidInputError(
          "accessToken",
          "the accessToken function must return a non-empty string of visible ASCII (the value returned is not shown)",
        );
      }
      core.redactor.add(token);
      return token;
    },
    // The function is asked again once after a 401.
    renew: () => true,
  };
}

const checkPastUsageInput = (externalCustomerId: string, query: PastUsageQuery): void =>
  checkOperationInput({ external_customer_id: externalCustomerId }, query, operations.getPastUsage.parameters);

export function createPayPalBillingClient(options: PayPalBillingClientOptions = {}): PayPalBillingClient {
  const baseUrl = resolveBaseUrl(options);
  const credentials = resolveCredentials(options);
  checkTokenStore(options.tokenStore, credentials);
  const core = createClientCore(options);
  const dataResponses: ResponseContext = {
    provider: "paypal",
    readErrorBody: readPayPalError,
    redactor: core.redactor,
  };
  // The token endpoint answers in OAuth's format; any 4xx but 429 means the credentials were refused.
  const tokenResponses: ResponseContext = {
    provider: "paypal",
    readErrorBody: readOAuthError,
    redactor: core.redactor,
    errorClassFor: (status) =>
      status >= 400 && status < 500 && status !== 429 ? AuthenticationError : apiErrorClassFor(status),
  };

  /** One token request with HTTP Basic credentials (`basic` is base64 of `id:secret`, built with btoa for every runtime). */
  async function fetchToken(basic: string): Promise<IssuedToken> {
    // Its own call: a token is shared, so no one waiter's signal or deadline may cancel it.
    const call = core.transport.startCall();
    const result = await raw.POST(TOKEN, {
      body: { grant_type: "client_credentials" },
      bodySerializer: (body) => new URLSearchParams(body).toString(),
      headers: {
        Authorization: `Basic ${basic}`,
        "Content-Type": "application/x-www-form-urlencoded",
        Accept: "application/json",
      },
      parseAs: "text",
      // The request is retried like a GET: it has no effect beyond issuing a token.
      fetch: (request) => core.transport.send(request, call, { retry: true }),
    });
    const token = resultOf<AccessToken>(result, "POST", tokenResponses);
    if (!isHeaderSafe(token.access_token) || typeof token.expires_in !== "number" || !(token.expires_in >= 0)) {
      throw new InvalidResponseError(
        `POST ${TOKEN} returned ${result.response.status} without a usable access_token and expires_in`,
        result.response.status,
        result.response.headers.get("content-type"),
      );
    }
    core.redactor.add(token.access_token);
    return { accessToken: token.access_token, expiresInMs: token.expires_in * 1000 };
  }

  let auth: Authorizer;
  if (credentials.kind === "client") {
    const basic = btoa(`${credentials.clientId}:${credentials.clientSecret}`);
    core.redactor.add(credentials.clientSecret);
    core.redactor.add(basic);
    auth = tokenManagerAuthorizer(createTokenManager(() => fetchToken(basic), options.tokenStore, core.log));
  } else {
    auth = accessTokenAuthorizer(credentials.accessToken, core);
  }

  const withBearer = (request: Request, token: string): Request => {
    const authorized = new Request(request);
    authorized.headers.set("Authorization", `Bearer ${token}`);
    return authorized;
  };

  /** A data request with a token; after a 401, one new token and one replay, never more. */
  async function sendAuthorized(request: Request, call: Call): Promise<Response> {
    const token = await auth.token(call);
    const response = await core.transport.send(withBearer(request, token), call);
    if (response.status !== 401 || !auth.renew(token)) return response;
    core.log("info", `${describeRequest(request.method, request.url)}: 401; getting a new token and replaying once`);
    return core.transport.send(withBearer(request, await auth.token(call)), call);
  }

  const raw = createClient<PayPalPaths>({
    baseUrl,
    fetch: (request) => sendAuthorized(request, core.transport.startCall({ signal: request.signal })),
  });

  async function getPastUsage(
    externalCustomerId: string,
    query: PastUsageQuery,
    requestOptions?: RequestOptions,
  ): Promise<PastUsagePage> {
    checkPastUsageInput(externalCustomerId, query);
    const { call, headers } = startCheckedCall(core, requestOptions);
    const result = await raw.GET(PAST_USAGE, {
      params: { path: { external_customer_id: externalCustomerId }, query },
      parseAs: "text",
      ...(headers && { headers }),
      fetch: (request) => sendAuthorized(request, call),
    });
    return resultOf<PastUsagePage>(result, "GET", dataResponses);
  }

  return {
    raw,
    getPastUsage,
    listPastUsage(externalCustomerId, query, listOptions = {}) {
      checkPastUsageInput(externalCustomerId, query);
      checkRequestOptions(listOptions);
      const { maxPages = DEFAULT_MAX_PAGES, ...requestOptions } = listOptions;
      const pages = () =>
        walkPages({
          firstPage: query.page ?? 1,
          maxPages,
          fetchPage: (page) => getPastUsage(externalCustomerId, { ...query, page }, requestOptions),
          log: core.log,
        });
      return {
        pages,
        async *[Symbol.asyncIterator]() {
          for await (const page of pages()) yield* page.usage_periods;
        },
      };
    },
  };
}
