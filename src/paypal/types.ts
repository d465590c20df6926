// Names for the PayPal shapes callers handle, taken from the generated types (never restated).
import type { components, paths } from "../../generated/paypal-billing";

type Schemas = components["schemas"];
export type PastUsagePage = Schemas["PastUsagePage"];
export type UsagePeriod = Schemas["UsagePeriod"];
export type ChargeUsage = Schemas["ChargeUsage"];
export type Charge = Schemas["Charge"];
export type Metric = Schemas["Metric"];
export type Money = Schemas["Money"];
export type PaginationMeta = Schemas["PaginationMeta"];
export type AccessToken = Schemas["AccessToken"];
export type PayPalErrorBody = Schemas["Error"];
export type PastUsageQuery =
  paths["/v1/commerce/billing/customers/{external_customer_id}/past_usage"]["get"]["parameters"]["query"];
export type PayPalPaths = paths;

/**
 * A result with the request id PayPal sent beside it (`PayPal-Debug-Id`), to quote to PayPal support.
 * Non-enumerable: `JSON.stringify(page)` is the page as sent.
 */
export type WithRequestId<T> = T & { readonly requestId: string | undefined };
