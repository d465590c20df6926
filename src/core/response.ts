// Turning a finished response into a typed result or a typed error. One function picks the error
// class; providers only say how their error body yields a code, a request id and a message.
import { apiErrorClassFor, type ApiError, type FieldError, InvalidResponseError, type Provider } from "./errors";
import type { Redactor } from "./redact";
import { retryAfterMs } from "./retry-policy";

/** What a provider reads out of its own error body. */
export interface ErrorBodyFields {
  code?: string | undefined;
  requestId?: string | undefined;
  message?: string | undefined;
  fieldErrors?: FieldError[] | undefined;
}

export type ErrorBodyReader = (body: unknown, headers: Headers) => ErrorBodyFields;

export interface ResponseContext {
  provider: Provider;
  readErrorBody: ErrorBodyReader;
  redactor: Redactor;
  /** Picks the error class from the status; the shared status map unless a provider needs another. */
  errorClassFor?: (status: number) => typeof ApiError;
}

/** The server's message goes into ours, but never more than this of it. */
const MAX_MESSAGE_DETAIL = 200;

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** Takes out any registered secret the server echoed, keeping the body's shape. */
function redactBody(body: unknown, redactor: Redactor): unknown {
  if (typeof body === "string") return redactor.redact(body);
  if (body === undefined) return undefined;
  const json = JSON.stringify(body);
  const safe = redactor.redact(json);
  return safe === json ? body : (JSON.parse(safe) as unknown);
}

export function describeRequest(method: string, url: string): string {
  return `${method} ${new URL(url).pathname}`;
}

/**
 * The `ApiError` subclass for an HTTP error response. `rawBody` is the body as openapi-fetch read
 * it: parsed JSON when it parsed, else the text.
 */
export function errorFromResponse(response: Response, rawBody: unknown, method: string, ctx: ResponseContext): ApiError {
  const url = ctx.redactor.redact(response.url);
  const contentType = response.headers.get("content-type");
  const body = redactBody(rawBody, ctx.redactor);
  const { code, requestId, message, fieldErrors = [] } = ctx.readErrorBody(body, response.headers);
  let detail = "";
  if (message) detail = `: ${clip(message, MAX_MESSAGE_DETAIL)}`;
  if (fieldErrors.length > 0) detail += ` (${clip(fieldErrors.map((f) => (f.field ? `${f.field}: ${f.message}` : f.message)).join("; "), MAX_MESSAGE_DETAIL)})`;
  else if (typeof body === "string") detail = ` (${contentType ?? "no content type"}, ${body.length} characters)`;
  const id = requestId ? ` [request id ${requestId}]` : "";
  const text = `${describeRequest(method, url)} failed with ${response.status}${code ? ` ${code}` : ""}${detail}${id}`;
  const ErrorClass = (ctx.errorClassFor ?? apiErrorClassFor)(response.status);
  return new ErrorClass(text, {
    provider: ctx.provider,
    method,
    url,
    status: response.status,
    headers: response.headers,
    body,
    code,
    requestId,
    retryAfterMs: retryAfterMs(response.headers),
    fieldErrors,
  });
}

/** The parsed JSON of a 2xx body, or an `InvalidResponseError` naming status and content type. */
export function parseJsonBody<T>(response: Response, text: string, method: string, url: string): T {
  const contentType = response.headers.get("content-type");
  try {
    if (text.trim() === "") throw new SyntaxError("empty body");
    return JSON.parse(text) as T;
  } catch {
    throw new InvalidResponseError(
      `${describeRequest(method, url)} returned ${response.status} with a body that is not JSON (${contentType ?? "no content type"}, ${text.length} bytes)`,
      response.status,
      contentType,
    );
  }
}

/** What openapi-fetch resolves to when called with `parseAs: "text"`. */
export interface TextResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/** The typed 2xx body of a call made with `parseAs: "text"`, or the typed error it deserves. */
export function resultOf<T>({ data, error, response }: TextResult, method: string, ctx: ResponseContext): T {
  if (!response.ok) throw errorFromResponse(response, error, method, ctx);
  return parseJsonBody<T>(response, typeof data === "string" ? data : "", method, response.url);
}
