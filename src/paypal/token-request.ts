// The OAuth client-credentials request. The transport sends it directly, never through `raw`:
// middleware a user adds there must never see the Basic header or the token in the answer.
import { operations } from "../../generated/paypal-billing.meta";
import { isHeaderSafe } from "../core/checks";
import { AuthenticationError, apiErrorClassFor, InvalidResponseError } from "../core/errors";
import type { ClientCore } from "../core/options";
import { type ResponseContext, resultOf, textResultOf } from "../core/response";
import { TOKEN_LIFETIME_CAP_MS } from "./defaults";
import { readOAuthError } from "./errors";
import type { IssuedToken } from "./token-manager";
import type { AccessToken } from "./types";

const TOKEN = operations.createAccessToken;
/** OAuth's error codes for credentials the server refused (RFC 6749 §5.2). */
const REFUSED_CREDENTIALS = ["invalid_client", "invalid_grant", "unauthorized_client"];

/** A function that asks PayPal for one new token with these client credentials. */
export function createTokenRequest(
  core: ClientCore,
  baseUrl: string,
  clientId: string,
  clientSecret: string,
): () => Promise<IssuedToken> {
  // btoa, not Buffer: it exists in every runtime.
  const encoded = btoa(`${clientId}:${clientSecret}`);
  core.redactor.add(clientSecret);
  core.redactor.add(encoded);
  // The token endpoint answers in OAuth's format. Refused credentials are an AuthenticationError at
  // 400 as at 401; any other status (a proxy's 413, a 5xx) is what a data call would get for it.
  const responses: ResponseContext = {
    provider: "paypal",
    readErrorBody: readOAuthError,
    redactor: core.redactor,
    errorClassFor: (status, code) =>
      status === 400 && code && REFUSED_CREDENTIALS.includes(code) ? AuthenticationError : apiErrorClassFor(status),
  };
  const url = `${baseUrl}${TOKEN.path}`;

  return async () => {
    // Its own call: a token is shared, so no one waiter's signal or deadline may cancel it.
    const call = core.transport.startCall();
    call.route = TOKEN.path;
    void core.telemetry?.then((t) => t.tokenRequested());
    const request = {
      method: TOKEN.method,
      url,
      headers: new Headers({
        Authorization: `Basic ${encoded}`,
        "Content-Type": "application/x-www-form-urlencoded",
        Accept: "application/json",
      }),
      body: "grant_type=client_credentials",
    };
    // Retried like a GET: it has no effect beyond issuing a token. Not a data call, so not rate-limited.
    const received = await core.transport.send(request, call, { retry: true, limited: false });
    const { response } = received;
    const token = resultOf<AccessToken>(textResultOf(received), TOKEN.method, responses);
    // A token that expires at once is unusable; one that claims to live for ages is capped by the manager.
    if (!isHeaderSafe(token.access_token) || typeof token.expires_in !== "number" || !(token.expires_in >= 1)) {
      throw new InvalidResponseError(
        `${TOKEN.method} ${TOKEN.path} returned ${response.status} without a usable access_token and expires_in`,
        response.status,
        response.headers.get("content-type"),
      );
    }
    return { accessToken: token.access_token, expiresInMs: Math.min(token.expires_in * 1000, TOKEN_LIFETIME_CAP_MS) };
  };
}
