import { bodyText, type ErrorBodyFields } from "../core/response";

/** Reads Prolifi's `{ error: { type, message, errors[] } }`; anything else yields nothing. */
export function readProlifiError(body: unknown): ErrorBodyFields {
  const error = (body as { error?: { type?: unknown; message?: unknown; errors?: unknown } } | undefined)?.error;
  if (typeof error !== "object" || error === null) return {};
  const items = Array.isArray(error.errors) ? (error.errors as { field?: unknown; message?: unknown }[]) : [];
  return {
    code: bodyText(error.type),
    message: bodyText(error.message),
    fieldErrors: items.flatMap((item) => {
      const message = bodyText(item?.message);
      return message ? [{ field: bodyText(item.field), message }] : [];
    }),
  };
}
