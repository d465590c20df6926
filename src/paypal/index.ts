// billing-usage/paypal: the PayPal commerce-billing client and everything a caller needs beside it.

export * from "../core/public";
export { createRateLimiter, type RateLimiterOptions } from "../rate-limit/pacer";
export {
  createPayPalBillingClient,
  type ListOptions,
  type PastUsageIterable,
  type PayPalBillingClient,
  type PayPalBillingClientOptions,
} from "./client";
export type { AccessTokenSource, CredentialOptions, PayPalEnvironment } from "./credentials";
export {
  DEFAULT_MAX_PAGES,
  PAYPAL_CLIENT_ID_ENV,
  PAYPAL_CLIENT_SECRET_ENV,
  PAYPAL_ENVIRONMENT_ENV,
  PAYPAL_LIVE_URL,
  PAYPAL_SANDBOX_URL,
  TOKEN_LEASE_MS,
  TOKEN_LEASE_POLL_MS,
  TOKEN_LIFETIME_CAP_MS,
  TOKEN_REFRESH_FRACTION,
  TOKEN_REFRESH_MIN_MARGIN_MS,
  TOKEN_STORE_TIMEOUT_MS,
} from "./defaults";
export type { NumberedPage } from "./pagination";
export type { StoredToken, TokenLease, TokenStore } from "./token-manager";
export type {
  AccessToken,
  Charge,
  ChargeUsage,
  Metric,
  Money,
  PaginationMeta,
  PastUsagePage,
  PastUsageQuery,
  PayPalComponents,
  PayPalErrorBody,
  PayPalOperations,
  PayPalPaths,
  UsagePeriod,
  WithRequestId,
} from "./types";
