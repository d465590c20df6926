// The benchmark's HTTP server, in its own process so it does not share the clients' event loop.
// Prints its port. Serves ~2 KB JSON bodies on the routes the contenders call:
//   GET  /customers/{id}/usage                                   Prolifi usage summary (also axios, raw fetch)
//   POST /v1/oauth2/token                                         a PayPal token, counted, after `tokenDelayMs`
//   GET  /v1/commerce/billing/customers/{id}/past_usage           PayPal past usage, `pages` pages of `per_page`
//   GET  /api/v1/customers/{id}/past_usage                        the same body on Lago's route
//   GET  /v2/checkout/orders/{id}                                 a PayPal order, for PayPal's own SDK
//   GET  /__stats, POST /__config?pages=N&tokenDelayMs=M&rotateEvery=K  counters and settings, for the bench
// With `rotateEvery` K > 0, a data request whose bearer token already served K requests gets a 401,
// so a PayPal client fetches a new token every K calls (the soak's token rotation). With
// `limitPerSecond` R > 0, data requests pass a token bucket of R per second (holding R): beyond it,
// 429 with `Retry-After: 1`, counted in `rateLimited` (the rate-limit benchmark's vendor).
import { createServer } from "node:http";

const usageBody = JSON.stringify({
  data: Array.from({ length: 24 }, (_, i) => ({
    event_name: `event_${i}`,
    count: 1000 + i,
    last_reported_at: "2026-01-31T18:04:11Z",
  })),
});

const period = (i) => ({
  from_datetime: "2026-01-01T00:00:00Z",
  to_datetime: "2026-01-31T23:59:59Z",
  issuing_date: "2026-01-31",
  invoice_id: `inv_${i}`,
  total_amount: { currency_code: "USD", value: 250 },
  taxes_amount: { currency_code: "USD", value: 3.25 },
  charges_usage: [
    {
      units: "200.0",
      events_count: 200,
      amount: { currency_code: "USD", value: 100 },
      charge: { id: "1a90", metric_id: "metric_01", charge_model: "STANDARD", properties: { amount: "0.50" } },
      metric: { name: "API Calls", code: "api_calls", aggregation_type: "COUNT" },
    },
  ],
});

const orderBody = JSON.stringify({
  id: "5O190127TN364715T",
  status: "COMPLETED",
  intent: "CAPTURE",
  create_time: "2026-01-31T18:04:11Z",
  purchase_units: Array.from({ length: 6 }, (_, i) => ({
    reference_id: `ref_${i}`,
    amount: { currency_code: "USD", value: "100.00" },
    payee: { email_address: "merchant@example.com", merchant_id: "7KNGBPH2U58GQ" },
    description: "Usage-based billing, January",
  })),
});

const settings = { pages: 1, tokenDelayMs: 0, rotateEvery: 0, limitPerSecond: 0 };
/** Requests served per bearer token, for `rotateEvery`. */
const servedBy = new Map();
const stats = { tokenRequests: 0, dataRequests: 0, rateLimited: 0 };
const bucket = { tokens: 0, at: 0 };

/** Whether a data request fits the vendor's budget now (a token bucket of limitPerSecond, refilled continuously). */
function withinBudget() {
  const now = performance.now();
  const rate = settings.limitPerSecond;
  bucket.tokens = Math.min(rate, bucket.tokens + ((now - bucket.at) * rate) / 1000);
  bucket.at = now;
  if (bucket.tokens < 1) return false;
  bucket.tokens -= 1;
  return true;
}
/** Per-page bodies are cached: the bench measures the client, not this server's JSON.stringify. */
const pageCache = new Map();

function pageBody(page, perPage) {
  const key = `${page}/${perPage}/${settings.pages}`;
  let body = pageCache.get(key);
  if (!body) {
    const totalPages = settings.pages;
    const items = page <= totalPages ? Array.from({ length: perPage }, (_, i) => period((page - 1) * perPage + i)) : [];
    body = JSON.stringify({
      usage_periods: items,
      meta: { current_page: page, total_count: totalPages * perPage, total_pages: totalPages },
    });
    if (pageCache.size > 20_000) pageCache.clear();
    pageCache.set(key, body);
  }
  return body;
}

function send(res, status, body) {
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(body),
    "x-ratelimit-limit": "1000",
    "x-ratelimit-remaining": "999",
    "paypal-debug-id": "bench",
  });
  res.end(body);
}

const server = createServer((req, res) => {
  const url = new URL(req.url, "http://bench");
  const path = url.pathname;
  if (path === "/__stats") return send(res, 200, JSON.stringify(stats));
  if (path === "/__config") {
    for (const key of Object.keys(settings))
      if (url.searchParams.has(key)) settings[key] = Number(url.searchParams.get(key));
    stats.tokenRequests = 0;
    stats.dataRequests = 0;
    stats.rateLimited = 0;
    bucket.tokens = settings.limitPerSecond;
    bucket.at = performance.now();
    pageCache.clear();
    servedBy.clear();
    return send(res, 200, JSON.stringify(settings));
  }
  if (path === "/v1/oauth2/token") {
    stats.tokenRequests += 1;
    req.resume();
    const answer = () =>
      send(
        res,
        200,
        JSON.stringify({
          access_token: `A21AA-bench-${stats.tokenRequests}`,
          token_type: "Bearer",
          expires_in: 32_400,
        }),
      );
    return settings.tokenDelayMs > 0 ? setTimeout(answer, settings.tokenDelayMs) : answer();
  }
  stats.dataRequests += 1;
  if (settings.limitPerSecond > 0 && !withinBudget()) {
    stats.rateLimited += 1;
    res.writeHead(429, { "content-type": "application/json", "retry-after": "1" });
    return res.end(JSON.stringify({ error: { type: "rate_limited", message: "Too many requests" } }));
  }
  if (settings.rotateEvery > 0) {
    const served = (servedBy.get(req.headers.authorization) ?? 0) + 1;
    servedBy.set(req.headers.authorization, served);
    if (served > settings.rotateEvery) return send(res, 401, JSON.stringify({ error: "invalid_token" }));
  }
  if (path.endsWith("/past_usage")) {
    const page = Number(url.searchParams.get("page") ?? 1);
    const perPage = Number(url.searchParams.get("per_page") ?? 4);
    return send(res, 200, pageBody(page, perPage));
  }
  if (path.endsWith("/usage")) return send(res, 200, usageBody);
  if (path.startsWith("/v2/checkout/orders/")) return send(res, 200, orderBody);
  send(res, 404, JSON.stringify({ error: { type: "not_found", message: path } }));
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => console.log(server.address().port));
process.on("disconnect", () => process.exit(0));
