import type { ErrorBodyFields } from "../core/response";

const text = (value: unknown): string | undefined => (typeof value === "string" && value !== "" ? value : undefined);

interface PayPalErrorBody {
  name?: unknown;
  message?: unknown;
  debug_id?: unknown;
  details?: unknown;
}

/** Reads PayPal's `{ name, message, debug_id, details[] }`; the request id falls back to `PayPal-Debug-Id`. */
export function readPayPalError(body: unknown, headers: Headers): ErrorBodyFields {
  const error = typeof body === "object" && body !== null ? (body as PayPalErrorBody) : {};
  const details = Array.isArray(error.details) ? (error.details as { field?: unknown; issue?: unknown; description?: unknown }[]) : [];
  return {
    code: text(error.name),
    message: text(error.message),
    requestId: text(error.debug_id) ?? headers.get("paypal-debug-id") ?? undefined,
    fieldErrors: details.flatMap((d) => {
      const issue = text(d?.issue);
      const description = text(d?.description);
      const message = issue && description ? `${issue}: ${description}` : (issue ?? description);
      return message ? [{ field: text(d.field), message }] : [];
    }),
  };
}

/** Reads the token endpoint's OAuth error, `{ error, error_description }` (RFC 6749 §5.2). */
export function readOAuthError(body: unknown, headers: Headers): ErrorBodyFields {
  const error = typeof body === "object" && body !== null ? (body as { error?: unknown; error_description?: unknown }) : {};
  return { code: text(error.error), message: text(error.error_description), requestId: headers.get("paypal-debug-id") ?? undefined };
}
