// One path for every typed method. A method names its operation (method, path and parameter tables,
// generated from the spec) and passes the caller's values; this checks them and the request options,
// starts the call, sends it through the client's openapi-fetch instance (so middleware added to `raw`
// sees it too), and turns the response into the typed body or the typed error.
import createClient, { type Client, defaultPathSerializer } from "openapi-fetch";
import type { Call, RequestOptions } from "./call";
import { checkOperationInput, type OperationParameters } from "./checks";
import { InvalidInputError } from "./errors";
import { type ClientCore, checkRequestOptions, startCall } from "./options";
import { type ResponseContext, resultOf, type TextResult } from "./response";

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

/** Sends a request openapi-fetch built, as part of `call`: where a provider adds its auth. */
type Sender = (request: Request, call: Call) => Promise<Response>;

/** A typed method's whole runtime: `(values, options) => answer`. */
interface BoundOperation<T> {
  (values: OperationValues, options?: RequestOptions): Promise<Answer<T>>;
  /** Checks values as a call would, sending nothing: for a walk that must fail before its first page. */
  check(values: OperationValues): void;
}

interface OperationExtras<Query> {
  /** A check the parameter tables cannot express, run after them (e.g. start before end). */
  check?: (query: Query) => void;
}

export interface ApiClient<Paths extends {}> {
  readonly raw: Client<Paths>;
  operation<T extends object, Query = unknown>(
    operation: Operation,
    extras?: OperationExtras<Query>,
  ): BoundOperation<T>;
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
    fetch: (request) => send(request, core.transport.startCall({ signal: request.signal })),
  });
  // openapi-fetch types `request` by literal paths; operations come from the generated tables instead.
  const request = raw.request as unknown as (method: string, path: string, init: object) => Promise<TextResult>;

  function operation<T extends object, Query>(op: Operation, extras: OperationExtras<Query> = {}): BoundOperation<T> {
    const check = (values: OperationValues): void => {
      checkOperationInput(values.path, values.query, op.parameters);
      extras.check?.(values.query as Query);
    };
    const invoke = async (values: OperationValues, options?: RequestOptions): Promise<Answer<T>> => {
      check(values);
      const checked = checkRequestOptions(options);
      const call = startCall(core, checked);
      const result = await request(op.method, op.path, {
        params: { path: ownFields(values.path), query: ownFields(values.query) },
        parseAs: "text",
        ...(checked.headers && { headers: checked.headers }),
        fetch: (built: Request) => send(built, call),
      });
      return { body: resultOf<T>(result, op.method, responses), response: result.response };
    };
    return Object.assign(invoke, { check });
  }

  return { raw, operation };
}
