// Input checks shared by both clients. Parameter checks are driven by the constraint tables
// generated from the specs (generated/*.meta.ts), so a spec change moves them too.
import type { CallSettings } from "./call";
import { InvalidInputError } from "./errors";

/** One parameter's constraints, as scripts/lib/spec-meta.mjs writes them. */
interface ParamConstraint {
  readonly required?: boolean;
  readonly type?: string;
  readonly format?: string;
  readonly pattern?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
}

/** Credentials go into a header: a non-empty string of visible ASCII, no spaces. */
export const isHeaderSafe = (value: unknown): value is string =>
  typeof value === "string" && /^[\x21-\x7e]+$/.test(value);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A real calendar date in `YYYY-MM-DD`: `2026-02-30` is not one, though `Date` would roll it over. */
function isCalendarDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** A short rendering of a bad value for a message (ids and dates; credentials never come here). */
export function shown(value: unknown): string {
  const text = typeof value === "string" ? JSON.stringify(value) : String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

function problemWith(value: unknown, c: ParamConstraint): string | undefined {
  if (c.type === "integer") {
    // Past 2^53 a number is no longer the integer it looks like (2 ** 53 + 2 sends as ...992).
    if (typeof value !== "number" || !Number.isSafeInteger(value))
      return "must be an integer (a safe one, at most 2^53 - 1)";
    if (c.minimum !== undefined && value < c.minimum) return `must be at least ${c.minimum}`;
    if (c.maximum !== undefined && value > c.maximum) return `must be at most ${c.maximum}`;
    return undefined;
  }
  if (typeof value !== "string") return "must be a string";
  // A lone surrogate cannot be percent-encoded: encodeURIComponent throws a bare URIError on it.
  if (/\p{Cs}/u.test(value)) return "must be well-formed Unicode (it holds a lone surrogate)";
  if (c.minLength !== undefined && value.length < c.minLength)
    return c.minLength === 1 ? "must not be empty" : `must be at least ${c.minLength} characters`;
  if (c.maxLength !== undefined && value.length > c.maxLength) return `must be at most ${c.maxLength} characters`;
  if (c.format === "uuid" && !UUID.test(value)) return "must be a UUID";
  if (c.format === "date" && !isCalendarDate(value)) return "must be a calendar date as YYYY-MM-DD";
  // V8 caches a pattern's compiled code by its source, so a RegExp per call costs an object, not a compile.
  if (c.pattern !== undefined && !new RegExp(c.pattern).test(value)) return `must match ${c.pattern}`;
  return undefined;
}

/**
 * Checks every value against its constraint, and refuses names the operation does not have in
 * that `location` ("path", "query"): a path parameter slipped into a query object is refused too.
 */
function checkParams(
  values: Record<string, unknown>,
  constraints: Readonly<Record<string, ParamConstraint>>,
  location: string,
): void {
  // Own keys only: `constructor` or `toString` must not pass as known because every object inherits them.
  for (const name of Object.keys(values)) {
    if (!Object.hasOwn(constraints, name)) {
      const expected = Object.keys(constraints).join(", ");
      throw new InvalidInputError(name, `${name} is not a ${location} parameter here; expected ${expected}`);
    }
  }
  for (const [name, constraint] of Object.entries(constraints)) {
    const value = Object.hasOwn(values, name) ? values[name] : undefined;
    if (value === undefined) {
      if (constraint.required) throw new InvalidInputError(name, `${name} is required`);
      continue;
    }
    const problem = problemWith(value, constraint);
    if (problem) throw new InvalidInputError(name, `${name} ${problem} (got ${shown(value)})`);
  }
}

/** The longest wait `setTimeout` honours; a longer one fires at once in every runtime. */
const MAX_TIMER_MS = 2_147_483_647; // 2 ** 31 - 1, written out: a bundler keeps an unused expression

/** An operation's constraint tables, as scripts/lib/spec-meta.mjs writes them: one per parameter location. */
export interface OperationParameters {
  readonly path: Readonly<Record<string, ParamConstraint>>;
  readonly query: Readonly<Record<string, ParamConstraint>>;
}

/** Checks a call's path values and query object against its operation's tables. */
export function checkOperationInput(
  pathValues: Record<string, unknown>,
  query: unknown,
  parameters: OperationParameters,
): void {
  if (typeof query !== "object" || query === null) {
    const required = Object.keys(parameters.query).filter((name) => parameters.query[name]?.required);
    throw new InvalidInputError(
      "query",
      `query must be an object${required.length > 0 ? ` with at least ${required.join(", ")}` : ""}`,
    );
  }
  // A Map or URLSearchParams would be read as an empty filter (unfiltered billing data), an array or a
  // class instance by its inherited fields: only a plain object says what it holds.
  const prototype = Object.getPrototypeOf(query);
  if (prototype !== Object.prototype && prototype !== null) {
    const kind = (query as { constructor?: { name?: unknown } }).constructor?.name;
    const got = typeof kind === "string" && kind !== "Object" ? `a ${kind}` : "an object with a prototype of its own";
    throw new InvalidInputError("query", `query must be a plain object (got ${got})`);
  }
  checkParams(pathValues, parameters.path, "path");
  checkParams(query as Record<string, unknown>, parameters.query, "query");
}

/** Refuses a number option that is not a whole number from `min` to `max`. */
export function checkWholeNumber(name: string, value: unknown, min: number, max = Number.POSITIVE_INFINITY): void {
  if (value !== undefined && !(Number.isSafeInteger(value) && (value as number) >= min && (value as number) <= max)) {
    const range = max < Number.POSITIVE_INFINITY ? `from ${min} to ${max}` : `≥ ${min}`;
    throw new InvalidInputError(name, `${name} must be a whole number ${range} (got ${shown(value)})`);
  }
}

/** Retries from 0; times in ms from 1 to the longest a timer can wait; a body limit from 1 byte. */
export function checkCallSettings(settings: CallSettings): void {
  checkWholeNumber("maxRetries", settings.maxRetries, 0);
  checkWholeNumber("maxResponseBytes", settings.maxResponseBytes, 1);
  checkWholeNumber("timeoutMs", settings.timeoutMs, 1, MAX_TIMER_MS);
  checkWholeNumber("deadlineMs", settings.deadlineMs, 1, MAX_TIMER_MS);
}

/**
 * Refuses an option that is not an object with these methods (a rate limiter, a tracer, a meter:
 * taken by shape, so no library is a dependency). A name ending in `?` is optional, but a method if given.
 */
export function checkMethods(name: string, value: unknown, methods: string[]): void {
  const has = (method: string) => {
    const found = (value as Record<string, unknown> | null)?.[method.replace("?", "")];
    return typeof found === "function" || (method.endsWith("?") && found === undefined);
  };
  if (value !== undefined && !methods.every(has)) {
    throw new InvalidInputError(name, `${name} must be an object with the methods ${methods.join(", ")}`);
  }
}

/** A caller's signal: anything shaped like an AbortSignal (one from a polyfill or another realm works too). */
export function checkSignal(signal: unknown): void {
  const shaped = signal as { aborted?: unknown; addEventListener?: unknown } | null | undefined;
  if (signal !== undefined && (typeof shaped?.aborted !== "boolean" || typeof shaped.addEventListener !== "function")) {
    throw new InvalidInputError("signal", "signal must be an AbortSignal");
  }
}

/**
 * Per-call headers as a `Headers`. A name or value fetch would refuse (a CR, LF or NUL inside a
 * value) is an InvalidInputError; the value is never echoed. Surrounding whitespace, CR and LF
 * included, is trimmed as fetch always does, so nothing can smuggle a second header line.
 */
export function checkHeaders(headers: HeadersInit | undefined): Headers | undefined {
  try {
    return headers === undefined ? undefined : new Headers(headers);
  } catch {
    throw new InvalidInputError("headers", "headers holds an invalid name or value (a CR, LF or NUL inside it?)");
  }
}

/** An absolute http(s) URL, minus any trailing slash. Not echoed when bad: it may carry credentials. */
export function checkBaseUrl(value: string): string {
  if (!/^https?:\/\/[^/?#@\s]+(\/[^?#]*)?$/.test(value)) {
    throw new InvalidInputError(
      "baseUrl",
      "baseUrl must be an absolute http(s) URL with no query, fragment or credentials",
    );
  }
  return value.replace(/\/+$/, "");
}
