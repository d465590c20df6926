// Your OpenTelemetry setup, as a service would have it: Node's tracer provider (it registers the
// AsyncLocalStorage context manager, so spans nest across awaits), and a meter provider. The exporter
// is in memory here so the test can read what was recorded; in production it is your OTLP exporter.
import { metrics, trace } from "@opentelemetry/api";
import { MeterProvider, MetricReader } from "@opentelemetry/sdk-metrics";
import {
  InMemorySpanExporter,
  NodeTracerProvider,
  type ReadableSpan,
  SimpleSpanProcessor,
} from "@opentelemetry/sdk-trace-node";

class CollectOnDemand extends MetricReader {
  protected override async onForceFlush(): Promise<void> {}
  protected override async onShutdown(): Promise<void> {}
}

export const spans = new InMemorySpanExporter();
export const reader = new CollectOnDemand();

export function startTelemetry() {
  const tracerProvider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(spans)] });
  tracerProvider.register();
  metrics.setGlobalMeterProvider(new MeterProvider({ readers: [reader] }));
  return {
    tracer: trace.getTracer("billing-usage"),
    meter: metrics.getMeter("billing-usage"),
    stop: () => tracerProvider.shutdown(),
  };
}

/** Finished spans as an indented tree: name, kind and the attributes worth reading. */
export function tree(finished: ReadableSpan[] = spans.getFinishedSpans()): string {
  const kinds = ["INTERNAL", "SERVER", "CLIENT"];
  const byParent = new Map<string | undefined, ReadableSpan[]>();
  const ids = new Set(finished.map((s) => s.spanContext().spanId));
  for (const span of [...finished].sort((a, b) => a.startTime[0] - b.startTime[0] || a.startTime[1] - b.startTime[1])) {
    const parent = span.parentSpanContext?.spanId;
    const key = parent && ids.has(parent) ? parent : undefined;
    byParent.set(key, [...(byParent.get(key) ?? []), span]);
  }
  const shown = ["http.response.status_code", "http.request.resend_count", "error.type", "billing_usage.pages"];
  const lines: string[] = [];
  const draw = (parent: string | undefined, depth: number) => {
    for (const span of byParent.get(parent) ?? []) {
      const attributes = shown
        .filter((key) => span.attributes[key] !== undefined)
        .map((key) => `${key}=${span.attributes[key]}`);
      const events = span.events.map((event) => `+${event.name}`);
      lines.push(
        `${"  ".repeat(depth)}${span.name} [${kinds[span.kind]}] ${[...attributes, ...events].join(" ")}`.trimEnd(),
      );
      draw(span.spanContext().spanId, depth + 1);
    }
  };
  draw(undefined, 0);
  return lines.join("\n");
}
