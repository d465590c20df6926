// Turning a finished response into a typed result or a typed error. One function picks the error
// class; providers only say how their error body yields a code, a request id and a message.
import { nameRequest } from "./call";
import { type ApiError, apiErrorClassFor, type FieldError, InvalidResponseError, type Provider } from "./errors";
import type { Redactor } from "./redact";
import { retryAfterMs } from "./retry-policy";
import type { Received } from "./transport";

/** What a provider reads out of its own error body. */
export interface ErrorBodyFields {
  code?: string | undefined;
  requestId?: string | undefined;
  message?: string | undefined;
  fieldErrors?: FieldError[] | undefined;
}

/** A field of an error body as message text: a non-empty string, or nothing. */
export const bodyText = (value: unknown): string | undefined =>
  typeof value === "string" && value !== "" ? value : undefined;

type ErrorBodyReader = (body: unknown, headers: Headers) => ErrorBodyFields;

export interface ResponseContext {
  provider: Provider;
  readErrorBody: ErrorBodyReader;
  redactor: Redactor;
  /** Picks the error class from the status and the body's code; the shared status map unless a provider needs another. */
  errorClassFor?: (status: number, code: string | undefined) => typeof ApiError;
}

/** The server's words go into our message, but never more than this many characters of them. */
const MAX_DETAIL = 200;

/** A copy of `headers` with every registered secret taken out of the values (a server may echo one). */
function redactHeaders(headers: Headers, redactor: Redactor): Headers {
  const copy = new Headers();
  headers.forEach((value, name) => {
    copy.append(name, redactor.redact(value));
  });
  return copy;
}

/**
 * A result body with the response's metadata beside it, non-enumerable: `JSON.stringify(result)`
 * stays exactly the body the API sent.
 */
export function withHidden<T extends object, K extends string, V>(
  body: T,
  name: K,
  value: V,
): T & Readonly<Record<K, V>> {
  return Object.defineProperty(body, name, { value, enumerable: false }) as T & Readonly<Record<K, V>>;
}

/** Takes out any registered secret the server echoed, keeping the body's shape. */
function redactBody(body: unknown, redactor: Redactor): unknown {
  if (typeof body === "string") return redactor.redact(body);
  const json = JSON.stringify(body);
  return json === undefined || redactor.redact(json) === json ? body : (JSON.parse(redactor.redact(json)) as unknown);
}

/**
 * The `ApiError` subclass for an HTTP error response. `rawBody` is the body as openapi-fetch read
 * it: parsed JSON when it parsed, else the text. The message says method, path, status, code and
 * the API's own words; a proxy's HTML page stays in `body`.
 */
function errorFromResponse(response: Response, rawBody: unknown, method: string, ctx: ResponseContext): ApiError {
  const url = ctx.redactor.redact(response.url);
  const body = redactBody(rawBody, ctx.redactor);
  const { code, requestId, message, fieldErrors = [] } = ctx.readErrorBody(body, response.headers);
  const details = [message, ...fieldErrors.map((f) => (f.field ? `${f.field}: ${f.message}` : f.message))]
    .filter(Boolean)
    .join("; ");
  let text = `${nameRequest(method, url).text} failed with ${response.status}${code ? ` ${code}` : ""}`;
  if (details) text += `: ${details.length > MAX_DETAIL ? `${details.slice(0, MAX_DETAIL)}…` : details}`;
  if (requestId) text += ` [request id ${requestId}]`;
  const ErrorClass = (ctx.errorClassFor ?? apiErrorClassFor)(response.status, code);
  return new ErrorClass(text, {
    provider: ctx.provider,
    method,
    url,
    status: response.status,
    headers: redactHeaders(response.headers, ctx.redactor),
    body,
    code,
    requestId,
    retryAfterMs: retryAfterMs(response.headers),
    fieldErrors,
  });
}

/** What openapi-fetch resolves to when called with `parseAs: "text"`. */
export interface TextResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

const utf8 = /* @__PURE__ */ new TextDecoder();

/** What openapi-fetch would make of a response with `parseAs: "text"`, for a request sent without it. */
export function textResultOf({ response, body }: Received): TextResult {
  // As response.text() decodes: UTF-8, a BOM dropped, bad bytes replaced.
  const text = utf8.decode(body);
  if (response.ok) return { data: text, response };
  try {
    return { error: JSON.parse(text) as unknown, response };
  } catch {
    return { error: text, response };
  }
}

/**
 * The typed 2xx body of a call made with `parseAs: "text"`, or the typed error it deserves. Every
 * success body these APIs define is a JSON object, so anything else (`null`, a number, broken JSON)
 * is an InvalidResponseError here rather than a TypeError in whatever reads it next.
 */
export function resultOf<T extends object>(
  { data, error, response }: TextResult,
  method: string,
  ctx: ResponseContext,
): T {
  if (!response.ok) throw errorFromResponse(response, error, method, ctx);
  let body: unknown;
  try {
    body = JSON.parse(data as string);
  } catch {
    // Falls through to the error below.
  }
  if (typeof body === "object" && body !== null && !Array.isArray(body)) return body as T;
  const contentType = response.headers.get("content-type");
  throw new InvalidResponseError(
    `${nameRequest(method, response.url).text} returned ${response.status} with a body that is not a JSON object (${contentType})`,
    response.status,
    contentType,
  );
}
