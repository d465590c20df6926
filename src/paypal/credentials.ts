// Where the PayPal client's credentials and host come from, checked before anything is sent.
// Guessing an environment is how money moves in the wrong place, so nothing here defaults one.
import { checkBaseUrl, isHeaderSafe } from "../core/checks";
import { InvalidInputError } from "../core/errors";
import type { CommonClientOptions } from "../core/options";
import { isBrowserLike, readEnv } from "../core/runtime";
import {
  PAYPAL_CLIENT_ID_ENV,
  PAYPAL_CLIENT_SECRET_ENV,
  PAYPAL_ENVIRONMENT_ENV,
  PAYPAL_LIVE_URL,
  PAYPAL_SANDBOX_URL,
} from "./defaults";

export type PayPalEnvironment = "sandbox" | "live";

/** A token you already have, or a function that gets one (called per request, and again once after a 401). */
export type AccessTokenSource = string | (() => string | Promise<string>);

/** The client options that say who the client is and where it sends requests. */
export interface CredentialOptions {
  /** @default process.env.PAYPAL_CLIENT_ID */
  clientId?: string | undefined;
  /** Server-side only. @default process.env.PAYPAL_CLIENT_SECRET */
  clientSecret?: string | undefined;
  /** A token you already have, or a function that gets one; instead of clientId and clientSecret. */
  accessToken?: AccessTokenSource | undefined;
  /** Required unless baseUrl is given. @default process.env.PAYPAL_ENVIRONMENT */
  environment?: PayPalEnvironment | undefined;
  /** The host root (paths carry /v1/...), e.g. a proxy or a mock server. */
  baseUrl?: string | undefined;
}

export type Credentials =
  | { kind: "client"; clientId: string; clientSecret: string }
  | { kind: "token"; accessToken: AccessTokenSource };

const HOSTS: Record<PayPalEnvironment, string> = { live: PAYPAL_LIVE_URL, sandbox: PAYPAL_SANDBOX_URL };

export function resolveBaseUrl(options: CredentialOptions): string {
  const environment =
    options.environment ?? (options.baseUrl === undefined ? readEnv(PAYPAL_ENVIRONMENT_ENV) : undefined);
  if (environment !== undefined && !(environment in HOSTS)) {
    throw new InvalidInputError(
      "environment",
      `environment must be "sandbox" or "live" (got ${JSON.stringify(environment).slice(0, 40)})`,
    );
  }
  const envHost = environment === undefined ? undefined : HOSTS[environment as PayPalEnvironment];
  if (options.baseUrl !== undefined) {
    const baseUrl = checkBaseUrl(options.baseUrl);
    if (envHost !== undefined && baseUrl !== envHost) {
      throw new InvalidInputError(
        "baseUrl",
        `Ambiguous PayPal host: environment "${environment}" means ${envHost}, but baseUrl is ${baseUrl}. Pass one of them.`,
      );
    }
    return baseUrl;
  }
  if (envHost === undefined) {
    throw new InvalidInputError(
      "environment",
      `PayPal needs an explicit environment: pass environment: "sandbox" or "live" (or set ${PAYPAL_ENVIRONMENT_ENV}), or a baseUrl.`,
    );
  }
  return envHost;
}

function credential(name: "clientId" | "clientSecret", value: string | undefined, env: string): string {
  if (value === undefined || value === "") {
    throw new InvalidInputError(
      name,
      `No PayPal ${name}: pass the ${name} option (or accessToken) to createPayPalBillingClient, or set the ${env} environment variable.`,
    );
  }
  if (!isHeaderSafe(value)) {
    throw new InvalidInputError(name, `${name} must be visible ASCII without spaces (the value given is not shown)`);
  }
  return value;
}

export function resolveCredentials(
  options: CredentialOptions & Pick<CommonClientOptions, "dangerouslyAllowBrowser">,
): Credentials {
  if (options.accessToken !== undefined) {
    if (options.clientId !== undefined || options.clientSecret !== undefined) {
      throw new InvalidInputError("accessToken", "Pass either accessToken or clientId and clientSecret, not both.");
    }
    const { accessToken } = options;
    if (typeof accessToken === "function") return { kind: "token", accessToken };
    if (!isHeaderSafe(accessToken)) {
      throw new InvalidInputError(
        "accessToken",
        "accessToken must be a non-empty string of visible ASCII, or a function returning one (the value given is not shown)",
      );
    }
    return { kind: "token", accessToken };
  }
  const clientId = credential("clientId", options.clientId ?? readEnv(PAYPAL_CLIENT_ID_ENV), PAYPAL_CLIENT_ID_ENV);
  const clientSecret = credential(
    "clientSecret",
    options.clientSecret ?? readEnv(PAYPAL_CLIENT_SECRET_ENV),
    PAYPAL_CLIENT_SECRET_ENV,
  );
  if (isBrowserLike() && options.dangerouslyAllowBrowser !== true) {
    throw new InvalidInputError(
      "clientSecret",
      "A client secret in a browser is readable by anyone: fetch on your server, pass a short-lived accessToken, or dangerouslyAllowBrowser: true for a trusted internal tool.",
    );
  }
  return { kind: "client", clientId, clientSecret };
}

/** A `tokenStore` must be usable, and used: only tokens fetched with client credentials go into one. */
export function checkTokenStore(
  store: { get?: unknown; set?: unknown; lease?: unknown; invalidate?: unknown } | undefined,
  credentials: Credentials,
): void {
  if (store === undefined) return;
  if (typeof store?.get !== "function" || typeof store.set !== "function") {
    throw new InvalidInputError("tokenStore", "tokenStore must have get() and set() methods");
  }
  for (const optional of ["lease", "invalidate"] as const) {
    if (store[optional] !== undefined && typeof store[optional] !== "function") {
      throw new InvalidInputError("tokenStore", `tokenStore.${optional}, when given, must be a method`);
    }
  }
  if (credentials.kind === "token") {
    throw new InvalidInputError(
      "tokenStore",
      "tokenStore only holds tokens fetched with clientId and clientSecret; with accessToken it is never used",
    );
  }
}
