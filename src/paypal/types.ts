// Names for the PayPal shapes callers handle, taken from the generated types (never restated).
import type { components, paths } from "../../generated/paypal-billing";

/** The PayPal spec's paths, operations and schemas, as openapi-typescript generates them. */
export type {
  components as PayPalComponents,
  operations as PayPalOperations,
  paths as PayPalPaths,
} from "../../generated/paypal-billing";

export type PastUsagePage = components["schemas"]["PastUsagePage"];
export type UsagePeriod = components["schemas"]["UsagePeriod"];
export type ChargeUsage = components["schemas"]["ChargeUsage"];
export type Charge = components["schemas"]["Charge"];
export type Metric = components["schemas"]["Metric"];
export type Money = components["schemas"]["Money"];
export type PaginationMeta = components["schemas"]["PaginationMeta"];
export type AccessToken = components["schemas"]["AccessToken"];
export type PayPalErrorBody = components["schemas"]["Error"];
export type PastUsageQuery =
  paths["/v1/commerce/billing/customers/{external_customer_id}/past_usage"]["get"]["parameters"]["query"];

/**
 * A result with the request id PayPal sent beside it (`PayPal-Debug-Id`), to quote to PayPal support.
 * Non-enumerable: `JSON.stringify(page)` is the page as sent.
 */
export type WithRequestId<T> = T & { readonly requestId: string | undefined };
