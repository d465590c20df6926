// A scripted PayPal for the export command: a token endpoint and past usage for any customer, paged
// one period per page. A customer's id says how it behaves: `fail_…` answers 404, `flaky_…` answers
// 429 (Retry-After: 0) to its first request, `bare_…` has periods without charges. Charges carry the cells a CSV writer gets wrong: commas,
// quotes, CR/LF, emoji, formula starters, and a negative amount sent as a decimal string.
import { type FaultServer, json, startFaultServer } from "./fault-server";
import { issueToken } from "./paypal-server";

export const TRICKY_NAMES = ["a,b", 'say "hi"', "two\r\nlines", "😀 emoji", "=1+1", "+SUM(A1)", "-2", "@cmd", "\tTab"];

export interface ExportServer {
  url: string;
  server: FaultServer;
  readonly tokenRequests: number;
  /** When each past-usage request arrived (performance.now()), in order. */
  readonly dataTimes: number[];
  close(): Promise<void>;
}

/** The period on `page` of a customer: two charges, one tricky name, one refund as a string. */
export function periodFor(page: number) {
  const name = TRICKY_NAMES[(page - 1) % TRICKY_NAMES.length] as string;
  return {
    from_datetime: `2026-${String(((page - 1) % 12) + 1).padStart(2, "0")}-01T00:00:00Z`,
    to_datetime: `2026-${String(((page - 1) % 12) + 1).padStart(2, "0")}-28T23:59:59Z`,
    issuing_date: "2026-12-01",
    invoice_id: `inv_${page}`,
    total_amount: { currency_code: "USD", value: 19.99 },
    taxes_amount: { currency_code: "USD", value: "0.10" },
    charges_usage: [
      {
        units: "1000.0",
        events_count: 1000,
        amount: { currency_code: "USD", value: 32.49 },
        charge: { id: `ch_${page}`, metric_id: "m1", charge_model: "STANDARD", properties: {} },
        metric: { name, code: "api_calls", aggregation_type: "COUNT" },
      },
      {
        units: "-1.0",
        events_count: 1,
        amount: { currency_code: "USD", value: "-12.50" },
        charge: { id: `refund_${page}`, metric_id: "m2", properties: {} },
        metric: { name: "Refund", code: "refund", aggregation_type: null },
      },
    ],
  };
}

export async function startExportServer({ pages = 3, delayMs = 0 } = {}): Promise<ExportServer> {
  let tokenRequests = 0;
  const dataTimes: number[] = [];
  const asked = new Map<string, number>();
  const server = await startFaultServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    if (url.pathname === "/v1/oauth2/token") {
      tokenRequests += 1;
      req.resume();
      return issueToken(res, tokenRequests);
    }
    dataTimes.push(performance.now());
    const customer = decodeURIComponent(url.pathname.split("/")[5] ?? "");
    const n = (asked.get(customer) ?? 0) + 1;
    asked.set(customer, n);
    const page = Number(url.searchParams.get("page") ?? "1");
    const answer = () => {
      if (customer.startsWith("fail_"))
        return json(res, 404, { name: "RESOURCE_NOT_FOUND", message: "No such customer", debug_id: "d1" });
      if (customer.startsWith("flaky_") && n === 1) return json(res, 429, {}, { "retry-after": "0" });
      const period = customer.startsWith("bare_") ? { ...periodFor(page), charges_usage: [] } : periodFor(page);
      const body = {
        usage_periods: page <= pages ? [period] : [],
        meta: { current_page: page, total_count: pages, total_pages: pages },
      };
      json(res, 200, body);
    };
    if (delayMs > 0) setTimeout(answer, delayMs);
    else answer();
  });
  return {
    url: server.url,
    server,
    get tokenRequests() {
      return tokenRequests;
    },
    dataTimes,
    close: () => server.close(),
  };
}
