// One cached OAuth token per client (or per tokenStore), fetched by exactly one request however
// many calls are waiting, refreshed well before it expires, and dropped when a 401 proves it bad.
import { untilCallEnds } from "../core/call";
import { isHeaderSafe } from "../core/checks";
import type { Log } from "../core/log";
import type { Call } from "../core/transport";
import { TOKEN_REFRESH_FRACTION, TOKEN_REFRESH_MIN_MARGIN_MS } from "./defaults";

/** A token as a `tokenStore` keeps it. */
export interface StoredToken {
  accessToken: string;
  /** When it expires, in epoch milliseconds. */
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

interface HeldToken extends StoredToken {
  refreshAt: number;
}

export interface TokenManager {
  get(call: Call): Promise<string>;
  /** Forgets `token` after a 401, so the next `get` fetches a new one. */
  invalidate(token: string): void;
}

/** How long before expiry a token with this lifetime is replaced. */
export function refreshMarginMs(lifetimeMs: number): number {
  return Math.max(TOKEN_REFRESH_MIN_MARGIN_MS, TOKEN_REFRESH_FRACTION * lifetimeMs);
}

const REMEMBERED_REJECTIONS = 8;

export function createTokenManager(
  fetchToken: () => Promise<IssuedToken>,
  store: TokenStore | undefined,
  log: Log,
): TokenManager {
  let held: HeldToken | undefined;
  let inflight: Promise<HeldToken> | undefined;
  const rejected: string[] = [];

  const usable = (token: HeldToken | undefined): token is HeldToken =>
    token !== undefined && Date.now() < token.refreshAt && !rejected.includes(token.accessToken);

  async function fromStore(): Promise<HeldToken | undefined> {
    if (!store) return undefined;
    try {
      const stored = await store.get();
      if (!isHeaderSafe(stored?.accessToken) || typeof stored.expiresAt !== "number") return undefined;
      // The store does not know the token's lifetime; the least margin is the safe reading.
      return { ...stored, refreshAt: stored.expiresAt - TOKEN_REFRESH_MIN_MARGIN_MS };
    } catch {
      log("warn", "tokenStore.get() failed; fetching a new PayPal token instead");
      return undefined;
    }
  }

  async function refresh(): Promise<HeldToken> {
    const shared = await fromStore();
    if (usable(shared)) return shared;
    const issued = await fetchToken();
    const expiresAt = Date.now() + issued.expiresInMs;
    const token = {
      accessToken: issued.accessToken,
      expiresAt,
      refreshAt: expiresAt - refreshMarginMs(issued.expiresInMs),
    };
    try {
      await store?.set({ accessToken: token.accessToken, expiresAt });
    } catch {
      log("warn", "tokenStore.set() failed; the new PayPal token is cached in this client only");
    }
    return token;
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
