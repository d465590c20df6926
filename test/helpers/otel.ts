// OpenTelemetry's own SDK pieces, in memory: a tracer whose finished spans can be read, a meter whose
// metrics can be collected, and the AsyncLocalStorage context manager that parents spans across awaits.
import { context } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { MeterProvider, MetricReader } from "@opentelemetry/sdk-metrics";
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
} from "@opentelemetry/sdk-trace-base";

/** Reads metrics on demand, with no exporter. */
class InMemoryReader extends MetricReader {
  protected override async onForceFlush(): Promise<void> {}
  protected override async onShutdown(): Promise<void> {}
}

export interface Otel {
  provider: BasicTracerProvider;
  tracer: ReturnType<BasicTracerProvider["getTracer"]>;
  meter: ReturnType<MeterProvider["getMeter"]>;
  spans(): ReadableSpan[];
  /** Every data point of every metric, by metric name. */
  metrics(): Promise<Record<string, { attributes: Record<string, unknown>; value: unknown }[]>>;
  close(): Promise<void>;
}

export function startOtel(): Otel {
  const manager = new AsyncLocalStorageContextManager().enable();
  context.setGlobalContextManager(manager);
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  const reader = new InMemoryReader();
  const meterProvider = new MeterProvider({ readers: [reader] });
  return {
    provider,
    tracer: provider.getTracer("billing-usage-test"),
    meter: meterProvider.getMeter("billing-usage-test"),
    spans: () => exporter.getFinishedSpans(),
    async metrics() {
      const { resourceMetrics } = await reader.collect();
      const out: Record<string, { attributes: Record<string, unknown>; value: unknown }[]> = {};
      for (const scope of resourceMetrics.scopeMetrics)
        for (const metric of scope.metrics)
          out[metric.descriptor.name] = metric.dataPoints.map((point) => ({
            attributes: point.attributes,
            value: point.value,
          }));
      return out;
    },
    async close() {
      await provider.shutdown();
      await meterProvider.shutdown();
      context.disable();
    },
  };
}

/** A span tree as text, one span a line, children indented under their parent: what the README shows. */
export function spanTree(spans: ReadableSpan[]): string {
  const kinds = ["INTERNAL", "SERVER", "CLIENT", "PRODUCER", "CONSUMER"];
  const children = new Map<string | undefined, ReadableSpan[]>();
  const ids = new Set(spans.map((s) => s.spanContext().spanId));
  for (const span of [...spans].sort((a, b) => a.startTime[0] - b.startTime[0] || a.startTime[1] - b.startTime[1])) {
    const parent = span.parentSpanContext?.spanId;
    const key = parent && ids.has(parent) ? parent : undefined;
    children.set(key, [...(children.get(key) ?? []), span]);
  }
  const lines: string[] = [];
  const draw = (parent: string | undefined, depth: number) => {
    for (const span of children.get(parent) ?? []) {
      const attributes = Object.entries(span.attributes)
        .map(([key, value]) => `${key}=${JSON.stringify(value)}`)
        .join(" ");
      const events = span.events.map((e) => ` +${e.name}`).join("");
      lines.push(`${"  ".repeat(depth)}${span.name} [${kinds[span.kind]}] ${attributes}${events}`);
      draw(span.spanContext().spanId, depth + 1);
    }
  };
  draw(undefined, 0);
  return lines.join("\n");
}
