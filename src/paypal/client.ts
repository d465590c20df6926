// The PayPal commerce-billing client: OAuth client credentials, past usage, and its pagination.
import type { Client } from "openapi-fetch";
import { operations } from "../../generated/paypal-billing.meta";
import { checkStillWanted, isOver, nameRequest, type RequestOptions } from "../core/call";
import { checkWholeNumber } from "../core/checks";
import { createApiClient } from "../core/operation";
import { checkOptionNames } from "../core/option-names";
import {
  COMMON_CLIENT_OPTIONS,
  type CommonClientOptions,
  checkRequestOptions,
  createClientCore,
  type NameList,
  REQUEST_OPTIONS,
} from "../core/options";
import { withHidden } from "../core/response";
import type { Call, PlainRequest, Received } from "../core/transport";
import { type Authorizer, accessTokenAuthorizer, tokenManagerAuthorizer } from "./auth";
import { type CredentialOptions, checkTokenStore, resolveBaseUrl, resolveCredentials } from "./credentials";
import { DEFAULT_MAX_PAGES } from "./defaults";
import { readPayPalError } from "./errors";
import { type NumberedPage, walkPages } from "./pagination";
import { createTokenManager, type TokenStore } from "./token-manager";
import { createTokenRequest } from "./token-request";
import type { PastUsagePage, PastUsageQuery, PayPalPaths, UsagePeriod, WithRequestId } from "./types";

export interface PayPalBillingClientOptions extends CommonClientOptions, CredentialOptions {
  /** Shares one token between clients or processes. */
  tokenStore?: TokenStore | undefined;
}

export interface ListOptions extends RequestOptions {
  /** Stop after this many pages, whatever `meta` says. @default 10000 */
  maxPages?: number | undefined;
}

const OPTION_NAMES = Object.keys({
  clientId: true,
  clientSecret: true,
  accessToken: true,
  environment: true,
  baseUrl: true,
  tokenStore: true,
  ...COMMON_CLIENT_OPTIONS,
} satisfies NameList<PayPalBillingClientOptions>);

const LIST_OPTION_NAMES = Object.keys({ ...REQUEST_OPTIONS, maxPages: true } satisfies NameList<ListOptions>);

/** Every usage period across pages; `.pages()` walks page by page instead. */
export interface PastUsageIterable extends AsyncIterable<UsagePeriod> {
  pages(): AsyncIterable<NumberedPage>;
}

export interface PayPalBillingClient {
  /**
   * One page of a customer's usage in closed billing periods.
   * @example
   * ```ts
   * const page = await paypal.getPastUsage("cust_42", { subscription_id: "sub_7", page: 1, per_page: 20 });
   * page.requestId; // PayPal-Debug-Id, for PayPal support
   * ```
   */
  getPastUsage(
    externalCustomerId: string,
    query: PastUsageQuery,
    options?: RequestOptions,
  ): Promise<WithRequestId<PastUsagePage>>;
  /**
   * Every usage period across all pages, fetched lazily. `query.page` is where the walk starts.
   * @example
   * ```ts
   * for await (const period of paypal.listPastUsage("cust_42", { subscription_id: "sub_7" })) {
   *   console.log(period.total_amount);
   * }
   * ```
   */
  listPastUsage(externalCustomerId: string, query: PastUsageQuery, options?: ListOptions): PastUsageIterable;
  /** The typed openapi-fetch client with auth, retries and timeouts applied. */
  readonly raw: Client<PayPalPaths>;
}

export function createPayPalBillingClient(options: PayPalBillingClientOptions = {}): PayPalBillingClient {
  checkOptionNames(options, OPTION_NAMES);
  const baseUrl = resolveBaseUrl(options);
  const credentials = resolveCredentials(options);
  checkTokenStore(options.tokenStore, credentials);
  const core = createClientCore(options);
  const auth: Authorizer =
    credentials.kind === "client"
      ? tokenManagerAuthorizer(
          createTokenManager(
            createTokenRequest(core, baseUrl, credentials.clientId, credentials.clientSecret),
            options.tokenStore,
            core.log,
          ),
          core,
        )
      : accessTokenAuthorizer(credentials.accessToken, core);

  // The request's headers are its own (a raw Request's were copied), so middleware never sees a token.
  const withBearer = (request: PlainRequest, token: string): PlainRequest => {
    request.headers.set("Authorization", `Bearer ${token}`);
    return request;
  };

  /** A data request with a token; after a 401, one new token and one replay, never more. */
  async function sendAuthorized(request: PlainRequest, call: Call): Promise<Received> {
    // Nothing at all is sent for a call already aborted or out of time, not even a token request
    // (the request is named, which parses its URL, only when it has to be).
    if (isOver(call)) checkStillWanted(call, nameRequest(request.method, request.url));
    const token = await auth.token(call);
    const received = await core.transport.send(withBearer(request, token), call);
    if (received.response.status !== 401 || !auth.renew(token)) return received;
    core.log("info", `${nameRequest(request.method, request.url).text}: 401; getting a new token and replaying once`);
    return core.transport.send(withBearer(request, await auth.token(call)), call);
  }

  const api = createApiClient<PayPalPaths>(core, {
    baseUrl,
    send: sendAuthorized,
    responses: { provider: "paypal", readErrorBody: readPayPalError, redactor: core.redactor },
  });
  const pastUsage = api.operation<PastUsagePage>(operations.getPastUsage, { name: "getPastUsage" });
  const pastUsageValues = (externalCustomerId: string, query: PastUsageQuery) => ({
    path: { external_customer_id: externalCustomerId },
    query,
  });

  async function getPastUsage(
    externalCustomerId: string,
    query: PastUsageQuery,
    requestOptions?: RequestOptions,
  ): Promise<WithRequestId<PastUsagePage>> {
    const { body, response } = await pastUsage(pastUsageValues(externalCustomerId, query), requestOptions);
    return withHidden(body, "requestId", response.headers.get("paypal-debug-id") ?? undefined);
  }

  return {
    raw: api.raw,
    getPastUsage,
    listPastUsage(externalCustomerId, query, listOptions = {}) {
      // Everything is checked when called, so a bad argument fails here rather than at the first page.
      pastUsage.check(pastUsageValues(externalCustomerId, query));
      checkOptionNames(listOptions, LIST_OPTION_NAMES);
      const { maxPages = DEFAULT_MAX_PAGES, ...requestOptions } = listOptions;
      checkWholeNumber("maxPages", maxPages, 1);
      checkRequestOptions(requestOptions);
      const walk = () =>
        walkPages({
          firstPage: query.page ?? 1,
          maxPages,
          fetchPage: (page) => getPastUsage(externalCustomerId, { ...query, page }, requestOptions),
          log: core.log,
        });
      const { telemetry } = core;
      // Traced: one span for the walk, each page call nested under it.
      const pages = telemetry
        ? async function* traced(): AsyncGenerator<NumberedPage> {
            yield* (await telemetry).walk("paypal", "listPastUsage", walk, maxPages);
          }
        : walk;
      return {
        pages,
        async *[Symbol.asyncIterator]() {
          for await (const page of pages()) yield* page.usage_periods;
        },
      };
    },
  };
}
