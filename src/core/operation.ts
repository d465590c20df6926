// One path for every typed method. A method names its operation (method, path and parameter tables,
// generated from the spec) and passes the caller's values; this checks them and the request options,
// starts the call, sends it, and turns the response into the typed body or the typed error.
// Sending takes one of two roads. Until middleware is added to `raw`, the typed methods build the URL
// as openapi-fetch would and hand the transport a plain request, parsing the bytes it read: no
// Request or Response object is made twice. Once middleware is added, they go through openapi-fetch,
// so the middleware sees them as it sees `raw` calls.
import createClient, {
  type Client,
  createFinalURL,
  createQuerySerializer,
  defaultPathSerializer,
  removeTrailingSlash,
} from "openapi-fetch";
import type { Call, RequestOptions } from "./call";
import { checkOperationInput, type OperationParameters } from "./checks";
import { InvalidInputError } from "./errors";
import { type ClientCore, checkRequestOptions, startCall } from "./options";
import { type ResponseContext, resultOf, type TextResult, textResultOf } from "./response";
import type { SpanLike } from "./telemetry";
import { bufferedResponse, type PlainRequest, plainRequestOf, type Received } from "./transport";

/** An operation as generated/*.meta.ts describes it. */
interface Operation {
  readonly method: string;
  readonly path: string;
  readonly parameters: OperationParameters;
}

/** The caller's values for one call: path parameters and the query object. */
interface OperationValues {
  path: Record<string, unknown>;
  query: unknown;
}

/** A typed body and the response it came in (its headers carry rate limits and request ids). */
interface Answer<T> {
  body: T;
  response: Response;
}

/** Sends a request as part of `call`: where a provider adds its auth. */
type Sender = (request: PlainRequest, call: Call) => Promise<Received>;

/** A typed method's whole runtime: `(values, options) => answer`. */
interface BoundOperation<T> {
  (values: OperationValues, options?: RequestOptions): Promise<Answer<T>>;
  /** Checks values as a call would, sending nothing: for a walk that must fail before its first page. */
  check(values: OperationValues): void;
}

interface OperationExtras<Query> {
  /** The method's name, as telemetry names the call's span (`prolifi getCustomerUsage`). */
  name: string;
  /** A check the parameter tables cannot express, run after them (e.g. start before end). */
  check?: (query: Query) => void;
}

export interface ApiClient<Paths extends {}> {
  readonly raw: Client<Paths>;
  operation<T extends object, Query = unknown>(operation: Operation, extras: OperationExtras<Query>): BoundOperation<T>;
}

export interface ApiClientConfig {
  baseUrl: string;
  send: Sender;
  responses: ResponseContext;
}

/**
 * Path values as openapi-fetch writes them, except `.` and `..`: percent-encoding leaves those as
 * they are, and the URL would then resolve them (`/customers/../usage` is `/usage`), sending the
 * request, credentials and all, somewhere else. Typed methods check ids by the spec; this guards `raw`.
 */
function pathWithoutDotSegments(pathname: string, values: Record<string, unknown>): string {
  for (const [name, value] of Object.entries(values)) {
    if (value === "." || value === "..") {
      throw new InvalidInputError(
        name,
        `path parameter ${name} must not be "${value}": it would change which resource is asked for`,
      );
    }
  }
  return defaultPathSerializer(pathname, values);
}

/**
 * Only a value's own enumerable fields reach the URL, never inherited ones: the copy has no
 * prototype, so openapi-fetch's `for...in` cannot find a field polluting `Object.prototype` either.
 */
const ownFields = (value: unknown): Record<string, unknown> =>
  Object.assign(Object.create(null), Object.fromEntries(Object.entries(value as object)));

export function createApiClient<Paths extends {}>(core: ClientCore, config: ApiClientConfig): ApiClient<Paths> {
  const { send, responses } = config;
  const raw = createClient<Paths>({
    baseUrl: config.baseUrl,
    pathSerializer: pathWithoutDotSegments,
    // A raw request is a call of its own, ended by the signal openapi-fetch put on it.
    fetch: async (request) =>
      bufferedResponse(await send(await plainRequestOf(request), core.transport.startCall({ signal: request.signal }))),
  });
  let middleware = false;
  const { use } = raw;
  raw.use = (...added) => {
    middleware = true;
    use(...added);
  };
  // openapi-fetch types `request` by literal paths; operations come from the generated tables instead.
  const request = raw.request as unknown as (method: string, path: string, init: object) => Promise<TextResult>;
  const baseUrl = removeTrailingSlash(config.baseUrl);
  const querySerializer = createQuerySerializer();

  function operation<T extends object, Query>(op: Operation, extras: OperationExtras<Query>): BoundOperation<T> {
    const check = (values: OperationValues): void => {
      checkOperationInput(values.path, values.query, op.parameters);
      extras.check?.(values.query as Query);
    };
    const run = async (values: OperationValues, options?: RequestOptions, span?: SpanLike): Promise<Answer<T>> => {
      check(values);
      const checked = checkRequestOptions(options);
      const call = startCall(core, checked);
      call.span = span;
      call.route = op.path;
      const params = { path: ownFields(values.path), query: ownFields(values.query) };
      const result = middleware
        ? await request(op.method, op.path, {
            params,
            parseAs: "text",
            ...(checked.headers && { headers: checked.headers }),
            fetch: async (built: Request) => bufferedResponse(await send(await plainRequestOf(built), call)),
          })
        : textResultOf(
            await send(
              {
                method: op.method,
                url: createFinalURL(op.path, {
                  baseUrl,
                  params,
                  querySerializer,
                  pathSerializer: pathWithoutDotSegments,
                }),
                headers: new Headers(checked.headers),
              },
              call,
            ),
          );
      return { body: resultOf<T>(result, op.method, responses), response: result.response };
    };
    const { telemetry } = core;
    const invoke = telemetry
      ? async (values: OperationValues, options?: RequestOptions) =>
          (await telemetry).call(responses.provider, extras.name, (span) => run(values, options, span))
      : run;
    return Object.assign(invoke, { check });
  }

  return { raw, operation };
}
