// What the one call path knows of telemetry: the shapes of OpenTelemetry's tracer and meter (so
// @opentelemetry/api is no dependency), what it asks of telemetry, and how it gets it. The work itself
// (src/telemetry/otel.ts) is a chunk of its own, loaded the first time a client is given a tracer or
// a meter: a client without them carries none of it.
import type { Redactor } from "./redact";

export type TelemetryAttributes = Record<string, string | number | boolean | undefined>;

/** The part of an OpenTelemetry `Span` this package uses. */
export interface SpanLike {
  setAttribute(key: string, value: string | number | boolean): unknown;
  addEvent(name: string, attributes?: TelemetryAttributes): unknown;
  setStatus(status: { code: number }): unknown;
  end(): void;
}

/** The part of an OpenTelemetry `Tracer` this package uses: `trace.getTracer("billing-usage")`. */
export interface TracerLike {
  startActiveSpan<T>(
    name: string,
    options: { kind: number; attributes?: TelemetryAttributes },
    fn: (span: SpanLike) => T,
  ): T;
}

/** The part of an OpenTelemetry `Meter` this package uses: `metrics.getMeter("billing-usage")`. */
export interface MeterLike {
  createHistogram(
    name: string,
    options?: { unit?: string; description?: string; advice?: { explicitBucketBoundaries?: number[] } },
  ): { record(value: number, attributes?: TelemetryAttributes): void };
  createCounter(
    name: string,
    options?: { description?: string },
  ): { add(value: number, attributes?: TelemetryAttributes): void };
}

export interface TelemetryOptions {
  /** Spans for every SDK call and HTTP attempt. @default none */
  tracer?: TracerLike | undefined;
  /** `http.client.request.duration`, `billing_usage.retries`, `billing_usage.token.requests`. @default none */
  meter?: MeterLike | undefined;
  /**
   * Whether this package makes the CLIENT span of each HTTP attempt (silencing an instrumented fetch
   * beneath it, so there is one either way); `false` leaves them to your fetch instrumentation.
   * @default true
   */
  attemptSpans?: boolean | undefined;
}

export interface Telemetry {
  /** Runs one SDK call (`prolifi getCustomerUsage`) inside its INTERNAL span, handed to `work`. */
  call<T>(provider: string, operation: string, work: (span: SpanLike | undefined) => Promise<T>): Promise<T>;
  /** One HTTP attempt: its CLIENT span (fetch beneath it silenced) and its duration. */
  attempt<T extends { response: Response }>(
    method: string,
    url: string,
    route: string | undefined,
    resends: number,
    work: () => Promise<T>,
  ): Promise<T>;
  /** A retry after `waitMs`: counted, and an event on the call's span. */
  retried(span: SpanLike | undefined, waitMs: number, reason: string): void;
  tokenRequested(): void;
  /** A walk whose every step runs inside one INTERNAL span, ended with the pages walked and how. */
  walk<T>(
    provider: string,
    operation: string,
    source: () => AsyncIterator<T>,
    maxPages: number,
  ): AsyncIterableIterator<T>;
}

/** The telemetry a client was given a tracer or meter for, loaded on first use; undefined without them. */
export const loadTelemetry = (options: TelemetryOptions, redactor: Redactor): Promise<Telemetry> | undefined =>
  options.tracer || options.meter
    ? import("../telemetry/otel").then(({ createTelemetry }) => createTelemetry(options, redactor))
    : undefined;
