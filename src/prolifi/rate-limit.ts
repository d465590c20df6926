// Prolifi's rate-limit headers, handed back beside the typed body without changing its shape.
import { withHidden } from "../core/response";

export interface RateLimit {
  /** Requests allowed in the current window (`X-RateLimit-Limit`). */
  limit: number;
  /** Requests left in the current window (`X-RateLimit-Remaining`). */
  remaining: number;
}

/** A result body with its rate-limit state; `rateLimit` is non-enumerable, so the body serialises as sent. */
export type WithRateLimit<T> = T & { readonly rateLimit: RateLimit | undefined };

function headerInt(headers: Headers, name: string): number | undefined {
  const raw = headers.get(name);
  if (raw === null || !/^\d+$/.test(raw.trim())) return undefined;
  return Number(raw);
}

export function readRateLimit(headers: Headers): RateLimit | undefined {
  const limit = headerInt(headers, "x-ratelimit-limit");
  const remaining = headerInt(headers, "x-ratelimit-remaining");
  return limit === undefined || remaining === undefined ? undefined : { limit, remaining };
}

export const withRateLimit = <T extends object>(body: T, headers: Headers): WithRateLimit<T> =>
  withHidden(body, "rateLimit", readRateLimit(headers));
