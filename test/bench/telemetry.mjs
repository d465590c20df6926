// The cost of telemetry per call: the same Prolifi call with no tracer or meter, and with both
// (OpenTelemetry's SDK as a service runs it: the AsyncLocalStorage context manager, a span processor,
// a meter provider, exporting nowhere). Both run in one process with the context manager on, in
// alternating rounds, so the figure is the recording's own cost. `node --expose-gc test/bench/telemetry.mjs`.
import { context, metrics, trace } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { MeterProvider, MetricReader } from "@opentelemetry/sdk-metrics";
import { BasicTracerProvider, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { createProlifiClient } from "../../dist/prolifi.js";
import { median, QUICK, startServer } from "./lib.mjs";

const ROUNDS = QUICK ? 5 : 15;
const CALLS = QUICK ? 100 : 300;
const CUSTOMER = "9b2f2c6e-3f1d-4c8e-9a57-1f0c2d3e4b5a";

context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
const discard = { export: (_spans, done) => done({ code: 0 }), shutdown: async () => {} };
const tracerProvider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(discard)] });
class Never extends MetricReader {
  async onForceFlush() {}
  async onShutdown() {}
}
trace.setGlobalTracerProvider(tracerProvider);
metrics.setGlobalMeterProvider(new MeterProvider({ readers: [new Never()] }));

const server = await startServer();
try {
  const options = { apiKey: "sk_test_benchTelemetry01234", baseUrl: server.baseUrl, logLevel: "off" };
  const contenders = {
    "no tracer or meter": createProlifiClient(options),
    "tracer and meter": createProlifiClient({
      ...options,
      tracer: trace.getTracer("bench"),
      meter: metrics.getMeter("bench"),
    }),
  };
  const perCall = Object.fromEntries(Object.keys(contenders).map((name) => [name, []]));
  const ratios = [];
  for (const client of Object.values(contenders)) for (let i = 0; i < 200; i++) await client.getCustomerUsage(CUSTOMER);
  for (let round = 0; round < ROUNDS; round++) {
    const names = Object.keys(contenders);
    if (round % 2 === 1) names.reverse();
    const mean = {};
    for (const name of names) {
      globalThis.gc?.();
      const started = performance.now();
      for (let i = 0; i < CALLS; i++) await contenders[name].getCustomerUsage(CUSTOMER);
      mean[name] = ((performance.now() - started) * 1000) / CALLS;
      perCall[name].push(mean[name]);
    }
    ratios.push(mean["tracer and meter"] / mean["no tracer or meter"]);
  }
  console.table(
    Object.entries(perCall).map(([name, values]) => ({ client: name, "µs/call (median)": Math.round(median(values)) })),
  );
  console.log(
    `telemetry: a traced call costs ${median(ratios).toFixed(2)}× an untraced one (median of ${ROUNDS} paired rounds of ${CALLS} calls)`,
  );
} finally {
  server.stop();
  await tracerProvider.shutdown();
}
