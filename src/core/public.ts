// What every entry point re-exports from the shared core: the error classes, the defaults and the
// option types. Nothing else in src/core/ is public.

export type { CallSettings, RequestOptions } from "./call";
export {
  BACKOFF_INITIAL_MS,
  BACKOFF_JITTER,
  BACKOFF_MAX_MS,
  DEFAULT_DEADLINE_MS,
  DEFAULT_LOG_LEVEL,
  DEFAULT_MAX_RESPONSE_BYTES,
  DEFAULT_MAX_RETRIES,
  DEFAULT_TIMEOUT_MS,
  LONG_RETRY_WAIT_MS,
  RETRY_AFTER_CAP_MS,
  RETRYABLE_STATUSES,
} from "./defaults";
export {
  ApiError,
  type ApiErrorInit,
  AuthenticationError,
  BadRequestError,
  BillingUsageError,
  ConflictError,
  ConnectionError,
  type FieldError,
  InternalServerError,
  InvalidInputError,
  InvalidResponseError,
  NotFoundError,
  PermissionDeniedError,
  type Provider,
  RateLimitError,
  RequestAbortedError,
  type RequestTarget,
  ResponseTooLargeError,
  TimeoutError,
  UnprocessableEntityError,
} from "./errors";
export { LOG_LEVELS, type Logger, type LogLevel } from "./log";
export type { CommonClientOptions } from "./options";
export type { RateLimiter } from "./rate-limiter";
export type { MeterLike, SpanLike, TelemetryAttributes, TelemetryOptions, TracerLike } from "./telemetry";
