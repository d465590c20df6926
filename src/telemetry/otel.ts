// OpenTelemetry traces and metrics, by OpenTelemetry's conventions for HTTP clients, from the one
// call path: a span per SDK call (INTERNAL), a span per HTTP attempt (CLIENT), the request duration
// histogram and two counters. Loaded only when a client is given a tracer or a meter
// (src/core/telemetry.ts). Nothing secret is recorded: names are routes, URLs are redacted, errors are
// recorded by class only.
import type { Redactor } from "../core/redact";
import type { SpanLike, Telemetry, TelemetryAttributes, TelemetryOptions } from "../core/telemetry";

/** How a walk ended: it ran out (or reached maxPages), its caller stopped early, or a page failed. */
type WalkEnd = "completed" | "max_pages" | "broken_off" | "failed";

// SpanKind and SpanStatusCode as @opentelemetry/api numbers them.
const INTERNAL = 0;
const CLIENT = 2;
const ERROR = 2;

/** OpenTelemetry's advised buckets for `http.client.request.duration`, in seconds. */
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

/** The context key OpenTelemetry's fetch instrumentations honour to record nothing (`suppressTracing`). */
const SUPPRESS_TRACING = Symbol.for("OpenTelemetry SDK Context Key SUPPRESS_TRACING");

interface ContextLike {
  setValue(key: symbol, value: unknown): ContextLike;
}
interface ContextManagerLike {
  active(): ContextLike;
  with<T>(context: ContextLike, fn: () => T): T;
}

/** The context manager @opentelemetry/api registered, if any (the API keeps it in one global slot). */
const contextManager = (): ContextManagerLike | undefined =>
  (globalThis as Record<symbol, { context?: ContextManagerLike } | undefined>)[Symbol.for("opentelemetry.js.api.1")]
    ?.context;

/** An error as `error.type` names it: its class. */
const errorType = (error: unknown): string => (error instanceof Error ? error.name : "Error");

function failed(span: SpanLike, type: string): void {
  span.setAttribute("error.type", type);
  span.setStatus({ code: ERROR });
}

/** Where a request goes, as the HTTP conventions name it. */
function target(url: string, redactor: Redactor): TelemetryAttributes {
  const { protocol, hostname, port } = new URL(url);
  return {
    "server.address": hostname,
    "server.port": Number(port || (protocol === "https:" ? 443 : 80)),
    "url.full": redactor.redact(url),
  };
}

export function createTelemetry(options: TelemetryOptions, redactor: Redactor): Telemetry {
  const { tracer, meter, attemptSpans = true } = options;
  const duration = meter?.createHistogram("http.client.request.duration", {
    unit: "s",
    description: "Duration of HTTP client requests.",
    advice: { explicitBucketBoundaries: DURATION_BUCKETS },
  });
  const retries = meter?.createCounter("billing_usage.retries", {
    description: "Attempts made again after a failure.",
  });
  const tokens = meter?.createCounter("billing_usage.token.requests", { description: "OAuth token requests sent." });

  /** `work` inside a span of `kind` when there is a tracer, ending it and marking a failure. */
  const spanned = <T>(
    name: string,
    kind: number,
    attributes: TelemetryAttributes,
    work: (span: SpanLike | undefined) => Promise<T>,
  ): Promise<T> =>
    tracer
      ? tracer.startActiveSpan(name, { kind, attributes }, async (span) => {
          try {
            return await work(span);
          } catch (error) {
            failed(span, errorType(error));
            throw error;
          } finally {
            span.end();
          }
        })
      : work(undefined);

  return {
    call: (provider, operation, work) =>
      spanned(
        `${provider} ${operation}`,
        INTERNAL,
        { "billing_usage.provider": provider, "billing_usage.operation": operation },
        work,
      ),

    async attempt(method, url, route, resends, work) {
      const where = target(url, redactor);
      const started = performance.now();
      const metric: TelemetryAttributes = {
        "http.request.method": method,
        "server.address": where["server.address"],
        "server.port": where["server.port"],
      };
      const traced = tracer && attemptSpans;
      try {
        const attributes: TelemetryAttributes = { "http.request.method": method, ...where, "url.template": route };
        if (resends > 0) attributes["http.request.resend_count"] = resends;
        const send = async (span: SpanLike | undefined) => {
          const manager = span && contextManager();
          // An instrumented fetch beneath would record this attempt a second time: silence it.
          const received = await (manager
            ? manager.with(manager.active().setValue(SUPPRESS_TRACING, true), work)
            : work());
          const { status } = received.response;
          metric["http.response.status_code"] = status;
          span?.setAttribute("http.response.status_code", status);
          if (status >= 400) {
            metric["error.type"] = String(status);
            if (span) failed(span, String(status));
          }
          return received;
        };
        return await (traced
          ? spanned(route ? `${method} ${route}` : method, CLIENT, attributes, send)
          : send(undefined));
      } catch (error) {
        metric["error.type"] ??= errorType(error);
        throw error;
      } finally {
        duration?.record((performance.now() - started) / 1000, metric);
      }
    },

    retried(span, waitMs, reason) {
      retries?.add(1);
      span?.addEvent("billing_usage.retry_wait", { "billing_usage.wait_ms": waitMs, "billing_usage.reason": reason });
    },
    tokenRequested: () => tokens?.add(1),

    walk<T>(
      provider: string,
      operation: string,
      source: () => AsyncIterator<T>,
      maxPages: number,
    ): AsyncIterableIterator<T> {
      if (!tracer) {
        const iterator = source();
        return Object.assign(iterator, { [Symbol.asyncIterator]: () => iterator }) as AsyncIterableIterator<T>;
      }
      // A pump inside the span pulls each step, so every page call made for the walk runs in the walk
      // span's context and nests under it; the caller's `next` only asks the pump for one more.
      let ask: ((more: boolean) => void) | undefined;
      let answer: { resolve(result: IteratorResult<T>): void; reject(error: unknown): void } | undefined;
      let finished = false;
      let pumping: Promise<void> | undefined;
      let pages = 0;
      const attributes = { "billing_usage.provider": provider, "billing_usage.operation": operation };
      const pump = (): Promise<void> =>
        tracer.startActiveSpan(`${provider} ${operation}`, { kind: INTERNAL, attributes }, async (span) => {
          const inner = source();
          let how: WalkEnd = "broken_off";
          try {
            while (await new Promise<boolean>((resolve) => (ask = resolve))) {
              const result = await inner.next().catch((error: unknown) => {
                how = "failed";
                failed(span, errorType(error));
                answer?.reject(error);
                return undefined;
              });
              if (!result) break;
              answer?.resolve(result);
              if (result.done) {
                how = pages >= maxPages ? "max_pages" : "completed";
                break;
              }
              pages += 1;
            }
            if (how === "broken_off") await inner.return?.();
          } finally {
            finished = true;
            span.setAttribute("billing_usage.pages", pages);
            span.setAttribute("billing_usage.walk.end", how);
            span.end();
          }
        });
      const iterator: AsyncIterableIterator<T> = {
        next() {
          if (finished) return Promise.resolve({ done: true, value: undefined });
          pumping ??= pump();
          return new Promise((resolve, reject) => {
            answer = { resolve, reject };
            ask?.(true);
          });
        },
        async return() {
          // The walk's span ends (and says it was broken off) before the caller's loop goes on.
          if (pumping && !finished) {
            ask?.(false);
            await pumping;
          }
          return { done: true, value: undefined };
        },
        [Symbol.asyncIterator]: () => iterator,
      };
      return iterator;
    },
  };
}
