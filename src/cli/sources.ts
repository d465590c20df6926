// What the export reads from each provider, through its public client as any user's code would:
// the columns it writes, a check of a customer's values before anything is sent, and a customer's
// rows page by page from a given page on (so a resumed export starts where it stopped).
import { operations as paypalOperations } from "../../generated/paypal-billing.meta";
import { operations as prolifiOperations } from "../../generated/prolifi.meta";
import { checkOperationInput, type OperationParameters } from "../core/checks";
import type { RateLimiter } from "../core/rate-limiter";
import { toMoney } from "../money/index";
import { createPayPalBillingClient, type TokenStore } from "../paypal/index";
import { createProlifiClient } from "../prolifi/index";
import type { Column, Row } from "./csv";
import type { Customer, CustomerCheck } from "./customers";

export interface SourcePage {
  /** 1-based; a checkpoint records the last page written. */
  readonly page: number;
  readonly rows: readonly Row[];
}

export interface ExportSource {
  readonly columns: readonly Column[];
  readonly check: CustomerCheck;
  pages(customer: Customer, fromPage: number, signal: AbortSignal): AsyncIterable<SourcePage>;
}

/** A column whose text cells are neutralised in CSV, and one whose cells are written as they are. */
const text = (name: string): Column => ({ name, kind: "text" });
const number = (name: string): Column => ({ name, kind: "number" });

/** The message of the InvalidInputError the client would throw for these values, or undefined. */
function problemWith(path: Record<string, unknown>, query: object, parameters: OperationParameters) {
  try {
    checkOperationInput(path, query, parameters);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/** Options every client of the export shares. */
interface ClientOptions {
  baseUrl: string | undefined;
  /** Clients log to standard error; --quiet keeps errors only. */
  logLevel: "warn" | "error";
  /** --rate: this run's budget, or the fleet's. */
  rateLimiter: RateLimiter | undefined;
}

/** Prolifi: one row per usage summary, the window in every row. One page per customer. */
export function prolifiSource(
  options: ClientOptions & { from?: string | undefined; to?: string | undefined; eventName?: string | undefined },
): ExportSource {
  const client = createProlifiClient({
    baseUrl: options.baseUrl,
    logLevel: options.logLevel,
    rateLimiter: options.rateLimiter,
  });
  const query = {
    ...(options.from && { start_date: options.from }),
    ...(options.to && { end_date: options.to }),
    ...(options.eventName && { event_name: options.eventName }),
  };
  return {
    // Column order as documented; count is a number, never neutralised.
    columns: [
      text("customer_id"),
      text("event_name"),
      number("count"),
      text("last_reported_at"),
      text("start_date"),
      text("end_date"),
    ],
    check: ({ id }) => problemWith({ id }, query, prolifiOperations.getCustomerUsage.parameters),
    async *pages(customer, fromPage, signal) {
      // Its one page was written already (the run stopped before marking the customer done).
      if (fromPage > 1) return;
      const usage = await client.getCustomerUsage(customer.id, query, { signal });
      const rows = usage.data.map((summary) => ({
        customer_id: customer.id,
        event_name: summary.event_name,
        count: summary.count,
        last_reported_at: summary.last_reported_at ?? null,
        start_date: options.from ?? null,
        end_date: options.to ?? null,
      }));
      yield { page: 1, rows };
    },
  };
}

const PAYPAL_TEXT = [
  "customer_id",
  "subscription_id",
  "period_from",
  "period_to",
  "issuing_date",
  "invoice_id",
  "metric_code",
  "metric_name",
  "aggregation_type",
  "charge_id",
  "charge_model",
];
const PAYPAL_NUMBERS = ["units", "events_count", "amount", "currency", "period_total", "period_taxes"];

/** PayPal: one row per charge of each period; a period without charges gets one row, charge columns empty. */
export function paypalSource(
  options: ClientOptions & {
    environment?: "sandbox" | "live" | undefined;
    perPage?: number | undefined;
    maxPages?: number | undefined;
    tokenStore?: TokenStore | undefined;
  },
): ExportSource {
  const client = createPayPalBillingClient({
    baseUrl: options.baseUrl,
    environment: options.environment,
    tokenStore: options.tokenStore,
    logLevel: options.logLevel,
    rateLimiter: options.rateLimiter,
  });
  const perPage = options.perPage === undefined ? {} : { per_page: options.perPage };
  return {
    // currency sits among the amounts: a code, but never a formula, so never neutralised.
    columns: [...PAYPAL_TEXT.map(text), ...PAYPAL_NUMBERS.map(number)],
    check: ({ id, subscription }) =>
      problemWith(
        { external_customer_id: id },
        { subscription_id: subscription, ...perPage },
        paypalOperations.getPastUsage.parameters,
      ),
    async *pages(customer, fromPage, signal) {
      const walk = client.listPastUsage(
        customer.id,
        { subscription_id: customer.subscription as string, page: fromPage, ...perPage },
        { signal, ...(options.maxPages && { maxPages: options.maxPages }) },
      );
      for await (const page of walk.pages()) {
        const rows = page.usage_periods.flatMap((period): Row[] => {
          const common = {
            customer_id: customer.id,
            subscription_id: customer.subscription ?? null,
            period_from: period.from_datetime,
            period_to: period.to_datetime,
            issuing_date: period.issuing_date,
            invoice_id: period.invoice_id ?? null,
            period_total: toMoney(period.total_amount).amount,
            period_taxes: toMoney(period.taxes_amount).amount,
          };
          const none = { metric_code: null, metric_name: null, aggregation_type: null, charge_id: null };
          if (period.charges_usage.length === 0) {
            return [
              {
                ...common,
                ...none,
                charge_model: null,
                units: null,
                events_count: null,
                amount: null,
                currency: period.total_amount.currency_code,
              },
            ];
          }
          return period.charges_usage.map((charge) => {
            const amount = toMoney(charge.amount);
            return {
              ...common,
              metric_code: charge.metric.code,
              metric_name: charge.metric.name,
              aggregation_type: charge.metric.aggregation_type ?? null,
              charge_id: charge.charge.id,
              charge_model: charge.charge.charge_model ?? null,
              units: charge.units,
              events_count: charge.events_count,
              amount: amount.amount,
              currency: amount.currency,
            };
          });
        });
        yield { page: page.pageNumber, rows };
      }
    },
  };
}
