import { bodyText, type ErrorBodyFields } from "../core/response";

interface PayPalErrorBody {
  name?: unknown;
  message?: unknown;
  debug_id?: unknown;
  details?: unknown;
}

/** Reads PayPal's `{ name, message, debug_id, details[] }`; the request id falls back to `PayPal-Debug-Id`. */
export function readPayPalError(body: unknown, headers: Headers): ErrorBodyFields {
  const error = typeof body === "object" && body !== null ? (body as PayPalErrorBody) : {};
  const details = Array.isArray(error.details)
    ? (error.details as { field?: unknown; issue?: unknown; description?: unknown }[])
    : [];
  return {
    code: bodyText(error.name),
    message: bodyText(error.message),
    requestId: bodyText(error.debug_id) ?? headers.get("paypal-debug-id") ?? undefined,
    fieldErrors: details.flatMap((d) => {
      const issue = bodyText(d?.issue);
      const description = bodyText(d?.description);
      const message = issue && description ? `${issue}: ${description}` : (issue ?? description);
      return message ? [{ field: bodyText(d.field), message }] : [];
    }),
  };
}

/**
 * Reads the token endpoint's error: OAuth's `{ error, error_description }` (RFC 6749 §5.2), a
 * problem+json `detail` (RFC 9457), or PayPal's own `{ name, message }`, whichever it sent.
 */
export function readOAuthError(body: unknown, headers: Headers): ErrorBodyFields {
  const error = typeof body === "object" && body !== null ? (body as Record<string, unknown> & PayPalErrorBody) : {};
  return {
    code: bodyText(error.error) ?? bodyText(error.name),
    message: bodyText(error.error_description) ?? bodyText(error.detail) ?? bodyText(error.message),
    requestId: bodyText(error.debug_id) ?? headers.get("paypal-debug-id") ?? undefined,
  };
}
