// One cached OAuth token per client (or per tokenStore), fetched by exactly one request however
// many calls are waiting, refreshed well before it expires, and dropped when a 401 proves it bad.
// A tokenStore is help, never a dependency: each call to it is bounded in time, and a store that
// fails or hangs is logged once and bypassed.
import { monotonicNow, untilCallEnds } from "../core/call";
import { isHeaderSafe } from "../core/checks";
import type { Log } from "../core/log";
import type { Call } from "../core/transport";
import { TOKEN_REFRESH_FRACTION, TOKEN_REFRESH_MIN_MARGIN_MS, TOKEN_STORE_TIMEOUT_MS } from "./defaults";

/** A token as a `tokenStore` keeps it. */
export interface StoredToken {
  accessToken: string;
  /** When it expires, in epoch milliseconds (a time shared between processes, so wall-clock time). */
  expiresAt: number;
}

/** Shares one token between clients or processes (Redis, a KV store, a file...). */
export interface TokenStore {
  get(): StoredToken | undefined | Promise<StoredToken | undefined>;
  set(token: StoredToken): void | Promise<void>;
}

export interface IssuedToken {
  accessToken: string;
  expiresInMs: number;
}

/** A token this client holds: `refreshAt` is on the monotonic clock. */
interface HeldToken {
  accessToken: string;
  refreshAt: number;
}

export interface TokenManager {
  get(call: Call): Promise<string>;
  /** Forgets `token` after a 401, so the next `get` fetches a new one. */
  invalidate(token: string): void;
}

/**
 * How long before expiry a token with this lifetime is replaced: `max(60 s, 10 %)`, but never more
 * than half its lifetime, so a short-lived token is still used for a while rather than refetched
 * for every call.
 */
export function refreshMarginMs(lifetimeMs: number): number {
  return Math.min(Math.max(TOKEN_REFRESH_MIN_MARGIN_MS, TOKEN_REFRESH_FRACTION * lifetimeMs), lifetimeMs / 2);
}

const REMEMBERED_REJECTIONS = 8;
const TIMED_OUT = Symbol("timed out");

/** `work`, or TIMED_OUT if it takes longer than the store bound; the timer never outlives it. */
function bounded<T>(work: () => T | Promise<T>): Promise<T | typeof TIMED_OUT> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => resolve(TIMED_OUT), TOKEN_STORE_TIMEOUT_MS);
    Promise.resolve()
      .then(work)
      .then(resolve, reject)
      .finally(() => clearTimeout(timer));
  });
}

export function createTokenManager(
  fetchToken: () => Promise<IssuedToken>,
  store: TokenStore | undefined,
  log: Log,
): TokenManager {
  let held: HeldToken | undefined;
  let inflight: Promise<HeldToken> | undefined;
  let storeTrouble = false;
  const rejected: string[] = [];

  const usable = (token: HeldToken | undefined): token is HeldToken =>
    token !== undefined && monotonicNow() < token.refreshAt && !rejected.includes(token.accessToken);

  /** Logs a store's trouble once until it works again, so an outage is one warning, not one per call. */
  function storeFailed(what: string): undefined {
    if (!storeTrouble) log("warn", `tokenStore.${what}; using this client's own PayPal token until it answers`);
    storeTrouble = true;
    return undefined;
  }

  async function fromStore(): Promise<HeldToken | undefined> {
    if (!store) return undefined;
    try {
      const stored = await bounded(() => store.get());
      if (stored === TIMED_OUT) return storeFailed(`get() did not answer within ${TOKEN_STORE_TIMEOUT_MS} ms`);
      storeTrouble = false;
      if (!isHeaderSafe(stored?.accessToken) || !Number.isFinite(stored.expiresAt)) return undefined;
      // The store does not know the token's lifetime; the least margin is the safe reading.
      const expiresIn = stored.expiresAt - Date.now();
      return { accessToken: stored.accessToken, refreshAt: monotonicNow() + expiresIn - TOKEN_REFRESH_MIN_MARGIN_MS };
    } catch {
      return storeFailed("get() failed");
    }
  }

  /** Shares a new token; never awaited, so a slow or hanging store does not delay its use. */
  function toStore(token: StoredToken): void {
    if (!store) return;
    bounded(() => store.set(token)).then(
      (outcome) => {
        if (outcome === TIMED_OUT) storeFailed(`set() did not answer within ${TOKEN_STORE_TIMEOUT_MS} ms`);
        else storeTrouble = false;
      },
      () => storeFailed("set() failed"),
    );
  }

  async function refresh(): Promise<HeldToken> {
    const shared = await fromStore();
    if (usable(shared)) return shared;
    const issued = await fetchToken();
    toStore({ accessToken: issued.accessToken, expiresAt: Date.now() + issued.expiresInMs });
    const refreshAt = monotonicNow() + issued.expiresInMs - refreshMarginMs(issued.expiresInMs);
    return { accessToken: issued.accessToken, refreshAt };
  }

  return {
    async get(call) {
      if (usable(held)) return held.accessToken;
      if (!inflight) {
        inflight = refresh()
          .then((token) => {
            held = token;
            return token;
          })
          .finally(() => {
            inflight = undefined;
          });
        // Every waiter handles the failure through its own await; this keeps a fetch whose
        // waiters all gave up from surfacing as an unhandled rejection.
        inflight.catch(() => {});
      }
      const token = await untilCallEnds(inflight, call, "fetching a PayPal access token");
      return token.accessToken;
    },
    invalidate(token) {
      if (!rejected.includes(token)) rejected.push(token);
      if (rejected.length > REMEMBERED_REJECTIONS) rejected.shift();
      if (held?.accessToken === token) held = undefined;
    },
  };
}
