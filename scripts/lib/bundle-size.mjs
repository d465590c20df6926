// How the browser bundles are measured and what they may weigh: one place for scripts/size.mjs
// (the check) and scripts/size-breakdown.mjs (the report).
import { gzipSync } from "node:zlib";

/** The build both scripts measure: esbuild, an ES module for browsers. Minification is added per use. */
export const BROWSER_BUILD = { format: "esm", platform: "browser", target: "es2022" };

/** Gzip bytes at level 9, as `gzip -9` counts them. */
export const gzipSize = (code) => gzipSync(code, { level: 9 }).length;

/**
 * Browser bundle budgets, gzip bytes (1 kB = 1000 B). `ceiling` is what CI holds: a build above it
 * fails (scripts/size.mjs). `target` is the goal set for these bundles, not reached: see the
 * README's "Bundle size" section and `npm run size:breakdown` for where the bytes go. Lower a
 * ceiling whenever a change makes room; never raise one without saying why.
 */
export const BUDGETS = {
  // Raised from 7,500 and 9,100 B for input and robustness fixes, each a typed error where there was
  // a crash or a silent misbehaviour: a 2xx body that is not an object and a page without meta
  // (~95 B), timer-overflow limits (~50 B), a logger checked up front and never failing a call (~85 B),
  // a signal checked up front (~60 B), and (PayPal) a tokenStore checked up front (~95 B).
  // Raised again to 7,800 and 9,650 B for one declarative path per call (~110 B) and, in PayPal, a
  // token request sent past `raw` so user middleware never sees the client secret (~75 B more).
  // Raised to 9,350 and 11,450 B for the hardening against hostile servers and odd input (about
  // 1.5 kB each, most of it code, not text): a counted, cancellable body read (maxResponseBytes),
  // redacted headers and cause chains, typed connection errors naming the host and the deepest
  // reason, unknown options refused with the nearest known name, plain-object and safe-integer
  // checks, dot segments refused in raw paths, errors' toJSON, a monotonic clock, bounded
  // tokenStore calls. The performance issue owns bringing these back down.
  // PayPal then 11,650 B for fleet token sharing in the token manager (a lease with polling, and a
  // fleet-wide invalidate, ~250 B); the Redis store itself is its own entry point, not in this bundle.
  "billing-usage/prolifi": { ceiling: 9_350, target: 6_000 },
  "billing-usage/paypal": { ceiling: 11_650, target: 7_000 },
};
