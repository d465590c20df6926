// Input checks shared by both clients. Parameter checks are driven by the constraint tables
// generated from the specs (generated/*.meta.ts), so a spec change moves them too.
import { InvalidInputError } from "./errors";

/** One parameter's constraints, as scripts/lib/spec-meta.mjs writes them. */
export interface ParamConstraint {
  readonly in: string;
  readonly required: boolean;
  readonly type?: string;
  readonly format?: string;
  readonly pattern?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date in `YYYY-MM-DD` (so `2026-02-30` is not). */
export function isCalendarDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A short, safe rendering of a bad value for a message (ids and dates, never credentials). */
function shown(value: unknown): string {
  const text = typeof value === "string" ? JSON.stringify(value) : String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

function fail(name: string, rule: string, value: unknown): never {
  throw new InvalidInputError(name, `${name} ${rule} (got ${shown(value)})`);
}

export function checkParam(name: string, value: unknown, c: ParamConstraint): void {
  if (value === undefined) {
    if (c.required) throw new InvalidInputError(name, `${name} is required`);
    return;
  }
  if (c.type === "integer") {
    if (typeof value !== "number" || !Number.isInteger(value)) fail(name, "must be an integer", value);
    if (c.minimum !== undefined && value < c.minimum) fail(name, `must be at least ${c.minimum}`, value);
    if (c.maximum !== undefined && value > c.maximum) fail(name, `must be at most ${c.maximum}`, value);
    return;
  }
  if (typeof value !== "string") fail(name, "must be a string", value);
  if (c.minLength !== undefined && value.length < c.minLength) fail(name, c.minLength === 1 ? "must not be empty" : `must be at least ${c.minLength} characters`, value);
  if (c.maxLength !== undefined && value.length > c.maxLength) fail(name, `must be at most ${c.maxLength} characters`, value);
  if (c.format === "uuid" && !UUID.test(value)) fail(name, "must be a UUID", value);
  if (c.format === "date" && !isCalendarDate(value)) fail(name, "must be a calendar date as YYYY-MM-DD", value);
  if (c.pattern !== undefined && !new RegExp(c.pattern).test(value)) fail(name, `must match ${c.pattern}`, value);
}

/** Checks every value against its constraint, and refuses names the operation does not have. */
export function checkParams(values: Record<string, unknown>, constraints: Readonly<Record<string, ParamConstraint>>): void {
  for (const name of Object.keys(values)) {
    if (!(name in constraints)) {
      throw new InvalidInputError(name, `${name} is not a parameter of this operation (expected one of ${Object.keys(constraints).join(", ")})`);
    }
  }
  for (const [name, constraint] of Object.entries(constraints)) checkParam(name, values[name], constraint);
}

/** A non-negative whole number of milliseconds or retries. */
export function checkCount(name: string, value: number | undefined, { min = 0 } = {}): void {
  if (value === undefined) return;
  if (typeof value !== "number" || !Number.isInteger(value) || value < min) {
    throw new InvalidInputError(name, `${name} must be a whole number ≥ ${min} (got ${shown(value)})`);
  }
}

/** Per-call headers as a `Headers`; an invalid name or value is named, its value never echoed. */
export function checkHeaders(headers: HeadersInit | undefined): Headers | undefined {
  if (headers === undefined) return undefined;
  const out = new Headers();
  const entries = headers instanceof Headers ? [...headers.entries()] : Array.isArray(headers) ? headers : Object.entries(headers);
  for (const [name, value] of entries) {
    try {
      // Headers would quietly trim a leading CR/LF; refusing it outright is the honest answer.
      if (/[\r\n\0]/.test(String(value))) throw new TypeError("CR, LF or NUL");
      out.set(name, value);
    } catch {
      throw new InvalidInputError("headers", `headers: ${shown(name)} has an invalid name or value (values may not contain CR, LF or NUL)`);
    }
  }
  return out;
}

/** An absolute http(s) URL without a trailing slash. */
export function checkBaseUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    // Not echoed: a malformed URL may still carry credentials.
    throw new InvalidInputError("baseUrl", "baseUrl must be an absolute http(s) URL");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new InvalidInputError("baseUrl", `baseUrl must use http or https (got ${shown(url.protocol)})`);
  if (url.search || url.hash || url.username || url.password) throw new InvalidInputError("baseUrl", "baseUrl must not carry a query, a fragment or credentials");
  return value.replace(/\/+$/, "");
}
