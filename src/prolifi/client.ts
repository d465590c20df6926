// The Prolifi client: one read-only endpoint, a bearer key, and the shared transport.
import type { Client } from "openapi-fetch";
import type { components, paths } from "../../generated/prolifi";
import { operations, servers } from "../../generated/prolifi.meta";
import type { RequestOptions } from "../core/call";
import { checkBaseUrl } from "../core/checks";
import { RATE_LIMIT_EXHAUSTED_PAUSE_MS } from "../core/defaults";
import { InvalidInputError } from "../core/errors";
import { createApiClient } from "../core/operation";
import { checkOptionNames } from "../core/option-names";
import { COMMON_CLIENT_OPTIONS, type CommonClientOptions, createClientCore, type NameList } from "../core/options";
import { retryAfterMs } from "../core/retry-policy";
import { resolveApiKey } from "./api-key";
import { readProlifiError } from "./errors";
import { readRateLimit, type WithRateLimit, withRateLimit } from "./rate-limit";

export type UsageSummary = components["schemas"]["UsageSummary"];
export type CustomerUsage = components["schemas"]["CustomerUsageResponse"];
export type CustomerUsageQuery = NonNullable<paths["/customers/{id}/usage"]["get"]["parameters"]["query"]>;
/** The Prolifi spec's paths, operations and schemas, as openapi-typescript generates them. */
export type {
  components as ProlifiComponents,
  operations as ProlifiOperations,
  paths as ProlifiPaths,
} from "../../generated/prolifi";

/** Production: both test and live keys work here; the key's prefix picks the mode. */
export const PROLIFI_PRODUCTION_URL: string = servers[0];
/** The sandbox host the vendor's spec lists (unconfirmed by its guides); never the default. */
export const PROLIFI_SANDBOX_URL: string = servers[1];

export interface ProlifiClientOptions extends CommonClientOptions {
  /** `sk_test_…`, `sk_live_…`, `pk_test_…` or `pk_live_…`. @default process.env.PROLIFI_API_KEY */
  apiKey?: string | undefined;
  /** The API root. @default "https://api.prolifi.co/api/v1/public" */
  baseUrl?: string | undefined;
}

export interface ProlifiClient {
  /**
   * A customer's usage summary, one entry per event type.
   * @example
   * ```ts
   * const usage = await prolifi.getCustomerUsage(customerId, { start_date: "2026-01-01", end_date: "2026-01-31" });
   * usage.data; // UsageSummary[]
   * usage.rateLimit; // { limit, remaining } from the response headers
   * ```
   */
  getCustomerUsage(
    customerId: string,
    query?: CustomerUsageQuery,
    options?: RequestOptions,
  ): Promise<WithRateLimit<CustomerUsage>>;
  /** The typed openapi-fetch client with auth, retries and timeouts applied: `{ data, error, response }`, middleware. */
  readonly raw: Client<paths>;
}

/** The date filter is a range: its start may not come after its end. */
function checkDateOrder(query: CustomerUsageQuery): void {
  if (query.start_date !== undefined && query.end_date !== undefined && query.start_date > query.end_date) {
    throw new InvalidInputError("end_date", `end_date (${query.end_date}) is before start_date (${query.start_date})`);
  }
}

const OPTION_NAMES = Object.keys({
  apiKey: true,
  baseUrl: true,
  ...COMMON_CLIENT_OPTIONS,
} satisfies NameList<ProlifiClientOptions>);

export function createProlifiClient(options: ProlifiClientOptions = {}): ProlifiClient {
  checkOptionNames(options, OPTION_NAMES);
  const key = resolveApiKey(options.apiKey, options.dangerouslyAllowBrowser === true);
  const baseUrl = checkBaseUrl(options.baseUrl ?? PROLIFI_PRODUCTION_URL);
  const core = createClientCore(options);
  core.redactor.add(key.value);
  if (key.mode === "live" && baseUrl === PROLIFI_SANDBOX_URL) {
    core.log("warn", "a live Prolifi key is pointed at the sandbox host; live keys act on real data");
  }
  const authorization = `Bearer ${key.value}`;
  const api = createApiClient<paths>(core, {
    baseUrl,
    responses: { provider: "prolifi", readErrorBody: readProlifiError, redactor: core.redactor },
    async send(request, call) {
      request.headers.set("Authorization", authorization);
      const received = await core.transport.send(request, call);
      // Prolifi says when the budget is spent: the rate limiter holds off until the window turns.
      const { headers } = received.response;
      if (readRateLimit(headers)?.remaining === 0)
        core.transport.pause(retryAfterMs(headers) ?? RATE_LIMIT_EXHAUSTED_PAUSE_MS);
      return received;
    },
  });
  const usage = api.operation<CustomerUsage, CustomerUsageQuery>(operations.getCustomerUsage, {
    name: "getCustomerUsage",
    check: checkDateOrder,
  });

  return {
    raw: api.raw,
    async getCustomerUsage(customerId, query = {}, requestOptions) {
      const { body, response } = await usage({ path: { id: customerId }, query }, requestOptions);
      return withRateLimit(body, response.headers);
    },
  };
}
