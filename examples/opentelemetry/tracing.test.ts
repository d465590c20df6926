// What a service sees in its traces: a retried Prolifi call, and a cold PayPal client hit by three
// calls at once, under the service's own span. The vendor is a local server that fails on cue. The
// tree asserted here is the one the README shows.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, test } from "vitest";
import { makeClients } from "./billing";
import { reader, startTelemetry, tree } from "./tracing";

let server: Server;
let baseUrl: string;
let usageRequests = 0;
const telemetry = startTelemetry();

beforeAll(async () => {
  server = createServer((req, res) => {
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { "content-type": "application/json", ...headers });
      res.end(JSON.stringify(body));
    };
    if (req.url?.startsWith("/v1/oauth2/token")) {
      req.resume();
      return setTimeout(
        () => json(200, { access_token: "A21AA-example-token-0123", token_type: "Bearer", expires_in: 32400 }),
        20,
      );
    }
    if (req.url?.includes("/past_usage"))
      return json(200, { usage_periods: [], meta: { current_page: 1, total_count: 0, total_pages: 1 } });
    usageRequests += 1;
    if (usageRequests <= 2) return json(503, {}, { "retry-after-ms": "1" });
    json(200, { data: [{ event_name: "api_call", count: 3, last_reported_at: null }] });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await telemetry.stop();
});

test("a retried call and a cold PayPal burst, as a span tree under the service's span", async () => {
  const { prolifi, paypal } = makeClients(baseUrl, telemetry);
  await telemetry.tracer.startActiveSpan("nightly usage job", async (job) => {
    await prolifi.getCustomerUsage("9b2f2c6e-3f1d-4c8e-9a57-1f0c2d3e4b5a");
    await Promise.all(Array.from({ length: 3 }, () => paypal.getPastUsage("cust_42", { subscription_id: "sub_7" })));
    job.end();
  });
  const drawn = tree();
  console.log(drawn);
  const past =
    "GET /v1/commerce/billing/customers/{external_customer_id}/past_usage [CLIENT] http.response.status_code=200";
  expect(drawn).toBe(
    [
      "nightly usage job [INTERNAL]",
      "  prolifi getCustomerUsage [INTERNAL] +billing_usage.retry_wait +billing_usage.retry_wait",
      "    GET /customers/{id}/usage [CLIENT] http.response.status_code=503 error.type=503",
      "    GET /customers/{id}/usage [CLIENT] http.response.status_code=503 http.request.resend_count=1 error.type=503",
      "    GET /customers/{id}/usage [CLIENT] http.response.status_code=200 http.request.resend_count=2",
      "  paypal getPastUsage [INTERNAL]",
      "    POST /v1/oauth2/token [CLIENT] http.response.status_code=200",
      `    ${past}`,
      "  paypal getPastUsage [INTERNAL] +billing_usage.token.wait",
      `    ${past}`,
      "  paypal getPastUsage [INTERNAL] +billing_usage.token.wait",
      `    ${past}`,
    ].join("\n"),
  );
  const { resourceMetrics } = await reader.collect();
  const names = resourceMetrics.scopeMetrics.flatMap((scope) => scope.metrics.map((m) => m.descriptor.name));
  expect(names).toEqual(
    expect.arrayContaining(["http.client.request.duration", "billing_usage.retries", "billing_usage.token.requests"]),
  );
});
