// The Prolifi client: one read-only endpoint, a bearer key, and the shared transport.
import createClient, { type Client } from "openapi-fetch";
import type { components, paths } from "../../generated/prolifi";
import { operations, servers } from "../../generated/prolifi.meta";
import { checkBaseUrl, checkOperationInput } from "../core/checks";
import { InvalidInputError } from "../core/errors";
import { type CommonClientOptions, createClientCore, type RequestOptions, startCheckedCall } from "../core/options";
import { type ResponseContext, resultOf } from "../core/response";
import type { Call } from "../core/transport";
import { resolveApiKey } from "./api-key";
import { readProlifiError } from "./errors";
import { type WithRateLimit, withRateLimit } from "./rate-limit";

export type UsageSummary = components["schemas"]["UsageSummary"];
export type CustomerUsage = components["schemas"]["CustomerUsageResponse"];
export type CustomerUsageQuery = NonNullable<paths["/customers/{id}/usage"]["get"]["parameters"]["query"]>;
export type ProlifiPaths = paths;

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
   * const usage = await prolifi.getCustomerUsage(customerId, { start_date: "2026-01-01", end_date: "2026-01-31" });
   * usage.data; // UsageSummary[]
   * usage.rateLimit; // { limit, remaining } from the response headers
   */
  getCustomerUsage(
    customerId: string,
    query?: CustomerUsageQuery,
    options?: RequestOptions,
  ): Promise<WithRateLimit<CustomerUsage>>;
  /** The typed openapi-fetch client with auth, retries and timeouts applied: `{ data, error, response }`, middleware. */
  readonly raw: Client<paths>;
}

const USAGE = operations.getCustomerUsage;

function checkUsageQuery(customerId: string, query: CustomerUsageQuery): void {
  checkOperationInput({ id: customerId }, query, USAGE.parameters);
  if (query.start_date !== undefined && query.end_date !== undefined && query.start_date > query.end_date) {
    throw new InvalidInputError("end_date", `end_date (${query.end_date}) is before start_date (${query.start_date})`);
  }
}

export function createProlifiClient(options: ProlifiClientOptions = {}): ProlifiClient {
  const key = resolveApiKey(options.apiKey, options.dangerouslyAllowBrowser === true);
  const baseUrl = checkBaseUrl(options.baseUrl ?? PROLIFI_PRODUCTION_URL);
  const core = createClientCore(options);
  core.redactor.add(key.value);
  if (key.mode === "live" && baseUrl === PROLIFI_SANDBOX_URL) {
    core.log("warn", "a live Prolifi key is pointed at the sandbox host; live keys act on real data");
  }
  const responses: ResponseContext = { provider: "prolifi", readErrorBody: readProlifiError, redactor: core.redactor };

  const authorization = `Bearer ${key.value}`;
  const send = (request: Request, call: Call): Promise<Response> => {
    request.headers.set("Authorization", authorization);
    return core.transport.send(request, call);
  };

  const raw = createClient<paths>({
    baseUrl,
    fetch: (request) => send(request, core.transport.startCall({ signal: request.signal })),
  });

  return {
    raw,
    async getCustomerUsage(customerId, query = {}, requestOptions) {
      checkUsageQuery(customerId, query);
      const { call, headers } = startCheckedCall(core, requestOptions);
      const result = await raw.GET("/customers/{id}/usage", {
        params: { path: { id: customerId }, query },
        parseAs: "text",
        ...(headers && { headers }),
        fetch: (request) => send(request, call),
      });
      return withRateLimit(resultOf<CustomerUsage>(result, "GET", responses), result.response.headers);
    },
  };
}
