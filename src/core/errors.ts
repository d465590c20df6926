// The one error model for both providers. Every class sets `name` explicitly so minified bundles
// keep it, and nothing here ever holds a request, its headers or a credential.

/** Which API answered, e.g. `"prolifi"` or `"paypal"`. */
export type Provider = string;

/** Where Node and undici put a system error's code. */
type NodeCode = { code?: unknown };

/** Base class of every error this package throws. */
export class BillingUsageError extends Error {
  override name = "BillingUsageError";

  /**
   * `JSON.stringify(error)` gives its name, message and documented fields (an ApiError's headers as
   * a plain object, a cause as its name, message and code). Every field was redacted when it was set.
   */
  toJSON(): Record<string, unknown> {
    const { cause } = this;
    // Error sets message as not enumerable, so it is named, and name first so the JSON reads name,
    // message, fields. (`as object`: the spread repeats name on purpose, which TypeScript would refuse.)
    return {
      name: this.name,
      message: this.message,
      ...(this as object),
      // A cause's code (ECONNREFUSED, UND_ERR_SOCKET) when it has one; JSON leaves out an undefined one.
      cause:
        cause instanceof Error
          ? { name: cause.name, message: cause.message, code: (cause as NodeCode).code }
          : undefined,
    };
  }
}

/** A bad argument or option, caught before any request was sent. */
export class InvalidInputError extends BillingUsageError {
  override name = "InvalidInputError";
  /** The option or parameter at fault, e.g. `"start_date"` or `"apiKey"`. */
  readonly param: string;
  constructor(param: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.param = param;
  }
}

/** One field-level problem the API reported (Prolifi `error.errors[]`, PayPal `details[]`). */
export interface FieldError {
  field: string | undefined;
  message: string;
}

/**
 * What an {@link ApiError} is made of. The clients fill in every field; a test making its own error
 * (`new RateLimitError("slow down", { provider: "paypal", method: "GET", url, status: 429 })`) may
 * leave out the optional ones: no headers, body, code, request id or wait, and no field errors.
 */
export interface ApiErrorInit {
  provider: Provider;
  method: string;
  url: string;
  status: number;
  headers?: Headers;
  body?: unknown;
  code?: string | undefined;
  requestId?: string | undefined;
  retryAfterMs?: number | undefined;
  fieldErrors?: FieldError[];
}

/** The API answered with an HTTP error status. */
export class ApiError extends BillingUsageError {
  override name = "ApiError";
  declare readonly status: number;
  declare readonly headers: Headers;
  /** The response body: parsed JSON when it was JSON, else the text. */
  declare readonly body: unknown;
  /** Machine-readable code: Prolifi `error.type`, PayPal `name`, OAuth `error`. */
  declare readonly code: string | undefined;
  /** PayPal `debug_id` / `PayPal-Debug-Id`; Prolifi sends none. */
  declare readonly requestId: string | undefined;
  /** How long the server asked to wait (`Retry-After` or `retry-after-ms`), when it did. */
  declare readonly retryAfterMs: number | undefined;
  /** Field-level problems the API listed; empty when it listed none. */
  declare readonly fieldErrors: FieldError[];
  declare readonly provider: Provider;
  declare readonly method: string;
  declare readonly url: string;
  constructor(message: string, init: ApiErrorInit) {
    super(message);
    Object.assign(this, { headers: new Headers(), fieldErrors: [] }, init);
  }

  /** As every error's, with the (redacted) headers as a plain object. */
  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), headers: Object.fromEntries(this.headers) };
  }
}

export class BadRequestError extends ApiError {
  override name = "BadRequestError";
}
export class AuthenticationError extends ApiError {
  override name = "AuthenticationError";
}
export class PermissionDeniedError extends ApiError {
  override name = "PermissionDeniedError";
}
export class NotFoundError extends ApiError {
  override name = "NotFoundError";
}
export class ConflictError extends ApiError {
  override name = "ConflictError";
}
export class UnprocessableEntityError extends ApiError {
  override name = "UnprocessableEntityError";
}
export class RateLimitError extends ApiError {
  override name = "RateLimitError";
}
export class InternalServerError extends ApiError {
  override name = "InternalServerError";
}

const BY_STATUS: Record<number, typeof ApiError> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

/** The class for an HTTP error status: the Stainless map, shared by both providers. */
export const apiErrorClassFor = (status: number): typeof ApiError =>
  BY_STATUS[status] ?? (status >= 500 ? InternalServerError : ApiError);

/** A 2xx whose body is not the JSON the spec promises. */
export class InvalidResponseError extends BillingUsageError {
  override name = "InvalidResponseError";
  readonly status: number;
  readonly contentType: string | null;
  constructor(message: string, status: number, contentType: string | null) {
    super(message);
    this.status = status;
    this.contentType = contentType;
  }
}

/** A response body (of any status) longer than `maxResponseBytes`; the read was cancelled there. */
export class ResponseTooLargeError extends InvalidResponseError {
  override name = "ResponseTooLargeError";
  readonly maxResponseBytes: number;
  constructor(message: string, status: number, contentType: string | null, maxResponseBytes: number) {
    super(message, status, contentType);
    this.maxResponseBytes = maxResponseBytes;
  }
}

/** The request a `ConnectionError` was for: method, and URL without its query. */
export interface RequestTarget {
  method?: string | undefined;
  url?: string | undefined;
}

/** The request never got an HTTP answer (refused, reset, DNS, TLS...); `cause` says why. */
export class ConnectionError extends BillingUsageError {
  override name = "ConnectionError";
  /** The request's method, when the error is about one request (not a wait for a shared token). */
  readonly method: string | undefined;
  /** The request's origin and path, never its query. */
  readonly url: string | undefined;
  constructor(message: string, init: RequestTarget & { cause?: unknown } = {}) {
    super(message, "cause" in init ? { cause: init.cause } : undefined);
    this.method = init.method;
    this.url = init.url;
  }
}

/** A `ConnectionError` caused by `timeoutMs` (one attempt) or `deadlineMs` (the whole call). */
export class TimeoutError extends ConnectionError {
  override name = "TimeoutError";
}

/** The caller's `signal` aborted the call; `cause` is the abort reason. */
export class RequestAbortedError extends BillingUsageError {
  override name = "RequestAbortedError";
}
