// With OpenTelemetry's own fetch instrumentation (instrumentation-undici) registered, there is exactly
// one span per HTTP attempt either way: ours (the instrumented fetch beneath silenced), or, with
// attemptSpans: false, the instrumentation's, nested under our call span. Real fetch, real server.
import { UndiciInstrumentation } from "@opentelemetry/instrumentation-undici";
import type { ReadableSpan } from "@opentelemetry/sdk-trace-base";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { createProlifiClient } from "../../../src/prolifi/index";
import { type FaultServer, json, startFaultServer } from "../../helpers/fault-server";
import { CUSTOMER_ID, SECRET_KEY, USAGE_BODY } from "../../helpers/fixtures";
import { type Otel, startOtel } from "../../helpers/otel";

let otel: Otel;
let undici: UndiciInstrumentation;
let server: FaultServer;
beforeEach(async () => {
  otel = startOtel();
  // Constructed enabled, then given the provider: enabling it later recorded nothing.
  undici = new UndiciInstrumentation();
  undici.setTracerProvider(otel.provider);
  server = await startFaultServer((_req, res, n) =>
    n % 2 === 1 ? json(res, 503, {}, { "retry-after-ms": "1" }) : json(res, 200, USAGE_BODY),
  );
});
afterEach(async () => {
  undici.disable();
  await server.close();
  await otel.close();
});

const ids = (span: ReadableSpan | undefined) => [span?.spanContext().spanId, span?.parentSpanContext?.spanId];

describe("beside instrumentation-undici", () => {
  test("our attempt spans, and the instrumented fetch silenced beneath them: one CLIENT span per attempt", async () => {
    const client = createProlifiClient({
      apiKey: SECRET_KEY,
      baseUrl: server.url,
      tracer: otel.tracer,
      logLevel: "off",
    });
    await client.getCustomerUsage(CUSTOMER_ID);
    const clientSpans = otel.spans().filter((s) => s.kind === 2);
    expect(clientSpans.map((s) => s.name)).toEqual(["GET /customers/{id}/usage", "GET /customers/{id}/usage"]);
  });

  test("attemptSpans: false: the instrumentation's spans, one per attempt, nested under our call span", async () => {
    const client = createProlifiClient({
      apiKey: SECRET_KEY,
      baseUrl: server.url,
      tracer: otel.tracer,
      attemptSpans: false,
      logLevel: "off",
    });
    await client.getCustomerUsage(CUSTOMER_ID);
    const [call] = otel.spans().filter((s) => s.name === "prolifi getCustomerUsage");
    const clientSpans = otel.spans().filter((s) => s.kind === 2);
    expect(clientSpans).toHaveLength(2);
    expect(clientSpans.map((s) => s.name)).not.toContain("GET /customers/{id}/usage");
    for (const span of clientSpans) expect(ids(span)[1]).toBe(ids(call)[0]);
  });
});
