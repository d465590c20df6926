// Secrets a client holds (API key, client secret, tokens, the Basic header) are registered here,
// and every string that leaves the package through an error or a log passes through `redact`.
// Defence in depth: the code never puts a secret in a message, but a server might echo one.

const REDACTED = "[redacted]";
/** Shorter strings are never treated as secrets: redacting "a" would mangle every message. */
const MIN_SECRET_LENGTH = 8;
/**
 * Access tokens held for redaction: the current one and the four before it. A call still in flight
 * with an older token may fail after a rotation, and its error must still be clean; a process that
 * runs for weeks must not hold every token it ever had, in memory and in plain text.
 */
export const REDACTED_TOKENS_KEPT = 5;

export interface Redactor {
  /** A secret held for the client's life: an API key, a client secret, a Basic header. */
  add(secret: string | undefined): void;
  /** A secret that rotates (an access token): only the newest REDACTED_TOKENS_KEPT are held. */
  addToken(token: string): void;
  redact(text: string): string;
}

export function createRedactor(): Redactor {
  const fixed = new Set<string>();
  // Oldest first. The current token is handed to every call, so it is nearly always the last one here.
  const tokens: string[] = [];
  return {
    add(secret) {
      if (secret && secret.length >= MIN_SECRET_LENGTH) fixed.add(secret);
    },
    addToken(token) {
      if (token.length < MIN_SECRET_LENGTH || tokens.includes(token)) return;
      if (tokens.push(token) > REDACTED_TOKENS_KEPT) tokens.shift();
    },
    redact(text) {
      let out = text;
      for (const secret of [...fixed, ...tokens]) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
      return out;
    },
  };
}

/** How deep a cause chain is copied; deeper links are dropped rather than followed forever. */
const MAX_CAUSE_DEPTH = 8;

/**
 * An error with every registered secret taken out of its message, stack, string fields and cause
 * chain: a copy keeping its name, code and message shape, or the error itself when it holds none.
 */
export function redactError(error: unknown, redactor: Redactor, depth = 0): unknown {
  if (typeof error === "string") return redactor.redact(error);
  if (!(error instanceof Error) || depth >= MAX_CAUSE_DEPTH) return error;
  const cause = "cause" in error ? redactError(error.cause, redactor, depth + 1) : undefined;
  const fields = Object.entries(error).map(([key, value]) => [
    key,
    typeof value === "string" ? redactor.redact(value) : value,
  ]);
  const clean =
    redactor.redact(error.message) === error.message &&
    redactor.redact(error.stack ?? "") === (error.stack ?? "") &&
    cause === (error as { cause?: unknown }).cause &&
    fields.every(([key, value]) => (error as unknown as Record<string, unknown>)[key as string] === value);
  if (clean) return error;
  const copy = new Error(redactor.redact(error.message), "cause" in error ? { cause } : undefined);
  Object.assign(copy, Object.fromEntries(fields));
  Object.defineProperty(copy, "name", { value: error.name, configurable: true, writable: true });
  copy.stack = redactor.redact(error.stack ?? "");
  return copy;
}
