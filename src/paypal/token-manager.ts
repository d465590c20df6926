// One cached OAuth token per client, fetched by exactly one request however many calls are waiting,
// refreshed well before it expires, and dropped when a 401 proves it bad. With a tokenStore, one
// token per fleet: the store shares it, an optional lease lets one process fetch while the others
// wait for what it stores, and an optional invalidate drops a revoked token everywhere. A store is
// help, never a dependency: every call to it is bounded in time, and a store that fails or hangs is
// logged once and bypassed until it answers again.
import { bounded } from "../core/bounded";
import { monotonicNow, untilCallEnds } from "../core/call";
import { isHeaderSafe } from "../core/checks";
import type { Log } from "../core/log";
import type { Call } from "../core/transport";
import {
  TOKEN_LEASE_MS,
  TOKEN_LEASE_POLL_MS,
  TOKEN_REFRESH_FRACTION,
  TOKEN_REFRESH_MIN_MARGIN_MS,
  TOKEN_STORE_TIMEOUT_MS,
} from "./defaults";

/** A token as a `tokenStore` keeps it. Times are epoch milliseconds: they are shared between processes. */
export interface StoredToken {
  accessToken: string;
  /** When it expires. */
  expiresAt: number;
  /** When to replace it, as the process that fetched it reckoned; absent: 60 s before `expiresAt`. */
  refreshAt?: number | undefined;
}

/** The right to fetch the next token for a fleet, held until released or until its time runs out. */
export interface TokenLease {
  release(): void | Promise<void>;
}

/**
 * Shares one token between clients or processes (Redis, a KV store...). `get` and `set` are enough to
 * share; `lease` and `invalidate` make a fleet fetch one token where it would fetch one per process.
 */
export interface TokenStore {
  get(): StoredToken | undefined | Promise<StoredToken | undefined>;
  set(token: StoredToken): void | Promise<void>;
  /**
   * Optional. Asks for the right to fetch the next token, for at most `ttlMs`: a lease when this
   * process should fetch, `undefined` when another holds it (this one then waits for what it stores).
   */
  lease?(ttlMs: number): TokenLease | undefined | Promise<TokenLease | undefined>;
  /** Optional. A 401 proved `accessToken` bad: drop it, if it is still the one stored. */
  invalidate?(accessToken: string): void | Promise<void>;
}

export interface IssuedToken {
  accessToken: string;
  expiresInMs: number;
}

/**
 * A token this client holds, due for refresh at one moment on two clocks. The monotonic one cannot be
 * stepped back, but stops while a laptop or VM sleeps; the wall clock goes on during a sleep, and the
 * server expires tokens by it. Whichever says it is due first wins: after a 10-hour sleep the wall
 * clock does, so no expired token is sent (and a fleet does not collect a burst of 401s).
 */
interface HeldToken {
  accessToken: string;
  /** On the monotonic clock (performance.now()). */
  refreshAt: number;
  /** The same moment in epoch milliseconds. */
  refreshAtWall: number;
}

export interface TokenManager {
  get(call: Call): Promise<string>;
  /** Forgets `token` after a 401 (and has the store drop it), so the next `get` fetches a new one. */
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
/** What a store call that failed or ran out of time yields: the store is down, go on without it. */
const STORE_DOWN = Symbol("store down");

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createTokenManager(
  fetchToken: () => Promise<IssuedToken>,
  store: TokenStore | undefined,
  log: Log,
): TokenManager {
  let current: HeldToken | undefined;
  let inflight: Promise<HeldToken> | undefined;
  let storeTrouble = false;
  const rejected: string[] = [];

  const usable = (token: HeldToken | undefined | typeof STORE_DOWN): token is HeldToken =>
    typeof token === "object" &&
    monotonicNow() < token.refreshAt &&
    Date.now() < token.refreshAtWall &&
    !rejected.includes(token.accessToken);

  /** A token due for refresh `inMs` from now, on both clocks. */
  const held = (accessToken: string, inMs: number): HeldToken => ({
    accessToken,
    refreshAt: monotonicNow() + inMs,
    refreshAtWall: Date.now() + inMs,
  });

  /**
   * One store call, bounded by TOKEN_STORE_TIMEOUT_MS. A failure or a timeout yields STORE_DOWN and
   * is logged once until the store answers again, so an outage is one warning, not one per call.
   */
  async function storeCall<T>(what: string, work: () => T | Promise<T>): Promise<T | typeof STORE_DOWN> {
    const result = await bounded(work, TOKEN_STORE_TIMEOUT_MS, (why): typeof STORE_DOWN => {
      if (!storeTrouble)
        log("warn", `tokenStore.${what}() ${why}; using this client's own PayPal token until it answers`);
      storeTrouble = true;
      return STORE_DOWN;
    });
    if (result !== STORE_DOWN) storeTrouble = false;
    return result;
  }

  /** The shared token, if the store has a well-formed one; STORE_DOWN when the store did not answer. */
  async function fromStore(): Promise<HeldToken | undefined | typeof STORE_DOWN> {
    if (!store) return undefined;
    const stored = await storeCall("get", () => store.get());
    if (stored === STORE_DOWN) return STORE_DOWN;
    if (!isHeaderSafe(stored?.accessToken) || !Number.isFinite(stored.expiresAt)) return undefined;
    const refreshAtEpoch = Number.isFinite(stored.refreshAt)
      ? Math.min(stored.refreshAt as number, stored.expiresAt)
      : stored.expiresAt - TOKEN_REFRESH_MIN_MARGIN_MS;
    return held(stored.accessToken, refreshAtEpoch - Date.now());
  }

  /** Fetches a token and offers it to the store; `shareFirst` waits for the store (a lease holder's fleet is waiting). */
  async function fetchAndShare(shareFirst: boolean): Promise<HeldToken> {
    const issued = await fetchToken();
    const margin = refreshMarginMs(issued.expiresInMs);
    const now = Date.now();
    const shared =
      store &&
      storeCall("set", () =>
        store.set({
          accessToken: issued.accessToken,
          expiresAt: now + issued.expiresInMs,
          refreshAt: now + issued.expiresInMs - margin,
        }),
      );
    // Without a lease, never wait for the store: a slow one must not delay using the new token.
    if (shareFirst) await shared;
    return held(issued.accessToken, issued.expiresInMs - margin);
  }

  /** With a lease, one process of the fleet fetches; the others wait for the token it stores. */
  async function refreshAsFleet(lease: NonNullable<TokenStore["lease"]>): Promise<HeldToken> {
    const giveUpAt = monotonicNow() + TOKEN_LEASE_MS;
    while (monotonicNow() < giveUpAt) {
      const granted = await storeCall("lease", () => lease.call(store, TOKEN_LEASE_MS));
      if (granted === STORE_DOWN) return fetchAndShare(false);
      if (granted) {
        try {
          // The holder before may have stored a token between this process's look and its lease.
          const stored = await fromStore();
          return usable(stored) ? stored : await fetchAndShare(true);
        } finally {
          void storeCall("release", () => granted.release());
        }
      }
      await pause(TOKEN_LEASE_POLL_MS);
      const stored = await fromStore();
      if (stored === STORE_DOWN) return fetchAndShare(false);
      if (usable(stored)) return stored;
    }
    // The holder neither stored a token nor let go in time: fetch one here rather than wait longer.
    return fetchAndShare(false);
  }

  /** A new token for the fleet; `call` is the call that asked first (its span records a store hit). */
  async function refresh(call: Call): Promise<HeldToken> {
    const stored = await fromStore();
    if (usable(stored)) {
      call.span?.addEvent("billing_usage.token.from_store");
      return stored;
    }
    if (stored === STORE_DOWN || !store?.lease) return fetchAndShare(false);
    return refreshAsFleet(store.lease);
  }

  return {
    async get(call) {
      if (usable(current)) return current.accessToken;
      if (inflight) call.span?.addEvent("billing_usage.token.wait");
      else {
        inflight = refresh(call)
          .then((token) => {
            current = token;
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
      if (current?.accessToken === token) current = undefined;
      // Once per token: fifty calls failing on one revoked token make one store call, not fifty.
      if (rejected.includes(token)) return;
      rejected.push(token);
      if (rejected.length > REMEMBERED_REJECTIONS) rejected.shift();
      if (store?.invalidate) void storeCall("invalidate", () => store.invalidate?.(token));
    },
  };
}
