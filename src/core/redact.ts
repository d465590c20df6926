// Secrets a client holds (API key, client secret, tokens, the Basic header) are registered here,
// and every string that leaves the package through an error or a log passes through `redact`.
// Defence in depth: the code never puts a secret in a message, but a server might echo one.

const REDACTED = "[redacted]";
/** Shorter strings are never treated as secrets: redacting "a" would mangle every message. */
const MIN_SECRET_LENGTH = 8;

export interface Redactor {
  add(secret: string | undefined): void;
  redact(text: string): string;
}

export function createRedactor(): Redactor {
  const secrets = new Set<string>();
  return {
    add(secret) {
      if (secret && secret.length >= MIN_SECRET_LENGTH) secrets.add(secret);
    },
    redact(text) {
      let out = text;
      for (const secret of secrets) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
      return out;
    },
  };
}
