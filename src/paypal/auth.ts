// Where a data request's bearer token comes from, and what a 401 may do about it: a token manager
// (client credentials) fetches a new one; an `accessToken` function is asked again; a fixed token
// cannot be renewed.
import { untilCallEnds } from "../core/call";
import { isHeaderSafe } from "../core/checks";
import { InvalidInputError } from "../core/errors";
import type { ClientCore } from "../core/options";
import type { Call } from "../core/transport";
import type { AccessTokenSource } from "./credentials";
import type { TokenManager } from "./token-manager";

export interface Authorizer {
  token(call: Call): Promise<string>;
  /** Called after a 401; false when asking again cannot help (a fixed token). */
  renew(token: string): boolean;
}

/** Every token handed out, fetched or taken from a store, is redacted while it is among the newest few. */
export function tokenManagerAuthorizer(manager: TokenManager, core: ClientCore): Authorizer {
  return {
    async token(call) {
      const token = await manager.get(call);
      core.redactor.addToken(token);
      return token;
    },
    renew(token) {
      manager.invalidate(token);
      return true;
    },
  };
}

export function accessTokenAuthorizer(source: AccessTokenSource, core: ClientCore): Authorizer {
  if (typeof source === "string") {
    core.redactor.add(source);
    return { token: async () => source, renew: () => false };
  }
  return {
    async token(call) {
      const token = await untilCallEnds(Promise.resolve().then(source), call, "getting a PayPal access token");
      if (!isHeaderSafe(token)) {
        throw new InvalidInputError(
          "accessToken",
          "the accessToken function must return a non-empty string of visible ASCII (the value returned is not shown)",
        );
      }
      core.redactor.addToken(token);
      return token;
    },
    // The function is asked again once after a 401.
    renew: () => true,
  };
}
