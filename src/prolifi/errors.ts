import type { ErrorBodyFields } from "../core/response";

const text = (value: unknown): string | undefined => (typeof value === "string" && value !== "" ? value : undefined);

/** Reads Prolifi's `{ error: { type, message, errors[] } }`; anything else yields nothing. */
export function readProlifiError(body: unknown): ErrorBodyFields {
  const error = (body as { error?: { type?: unknown; message?: unknown; errors?: unknown } } | undefined)?.error;
  if (typeof error !== "object" || error === null) return {};
  const items = Array.isArray(error.errors) ? (error.errors as { field?: unknown; message?: unknown }[]) : [];
  return {
    code: text(error.type),
    message: text(error.message),
    fieldErrors: items.flatMap((item) => {
      const message = text(item?.message);
      return message ? [{ field: text(item.field), message }] : [];
    }),
  };
}
