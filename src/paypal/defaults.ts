// The PayPal client's defaults, written once; the README's tables and test/unit/core/defaults.test.ts pin them.
import { servers } from "../../generated/paypal-billing.meta";

export const PAYPAL_LIVE_URL: string = servers[0];
export const PAYPAL_SANDBOX_URL: string = servers[1];
export const PAYPAL_CLIENT_ID_ENV = "PAYPAL_CLIENT_ID";
export const PAYPAL_CLIENT_SECRET_ENV = "PAYPAL_CLIENT_SECRET";
export const PAYPAL_ENVIRONMENT_ENV = "PAYPAL_ENVIRONMENT";
/** A cached token is replaced at least this long before it expires... */
export const TOKEN_REFRESH_MIN_MARGIN_MS = 60_000;
/** ...or this fraction of its lifetime before, whichever is longer (about 54 min for PayPal's 9 h tokens). */
export const TOKEN_REFRESH_FRACTION = 0.1;
/**
 * A token is taken to live at most this long, whatever `expires_in` says (PayPal's live about 9 h):
 * an absurd one such as 1e306 s would otherwise make the refresh time meaningless.
 */
export const TOKEN_LIFETIME_CAP_MS = 24 * 60 * 60 * 1000;
/**
 * How long a tokenStore's get() or set() may take before it is bypassed and logged: Redis clients
 * queue commands while Redis is down, so a store call can hang, and it must not wedge the client.
 */
export const TOKEN_STORE_TIMEOUT_MS = 1_000;
/**
 * How long a fleet's lease on fetching the next token lasts at most (`tokenStore.lease`): the holder
 * normally stores the token within a second; if it dies, the others take over after this.
 */
export const TOKEN_LEASE_MS = 10_000;
/** How often a process waiting on another's lease looks for the token it stores. */
export const TOKEN_LEASE_POLL_MS = 50;
/** A walk over past usage stops after this many pages, whatever `meta` says. */
export const DEFAULT_MAX_PAGES = 10_000;
