// The transport against a real server on 127.0.0.1 that misbehaves on cue. Every test counts the
// requests the server saw and bounds the time the call took.
import { afterEach, describe, expect, test } from "vitest";
import {
  BadRequestError,
  ConnectionError,
  InternalServerError,
  InvalidResponseError,
  NotFoundError,
  RateLimitError,
  RequestAbortedError,
  TimeoutError,
} from "../../../src/index";
import { createProlifiClient, type ProlifiClientOptions } from "../../../src/prolifi/index";
import {
  closedPortUrl,
  type FaultHandler,
  type FaultServer,
  json,
  startFaultServer,
  waitFor,
} from "../../helpers/fault-server";
import { CUSTOMER_ID, SECRET_KEY, USAGE_BODY } from "../../helpers/fixtures";

let server: FaultServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function clientFor(handler: FaultHandler, options: ProlifiClientOptions = {}) {
  server = await startFaultServer(handler);
  return createProlifiClient({ apiKey: SECRET_KEY, baseUrl: server.url, logLevel: "off", ...options });
}

/** Runs `fn`, returning what it threw (or failing when it did not) and how long it took. */
async function timedFailure(fn: () => Promise<unknown>): Promise<{ error: unknown; ms: number }> {
  const started = performance.now();
  try {
    await fn();
  } catch (error) {
    return { error, ms: performance.now() - started };
  }
  throw new Error("expected the call to fail");
}

/**
 * Room for a busy machine's timer lateness in an upper time bound. Every such bound sits well below
 * what the wrong behaviour would take (the next backoff, a long Retry-After, a full timeout), so the
 * bound tells right from wrong even on a loaded machine.
 */
const SCHEDULING_SLACK_MS = 1_000;

const ok: FaultHandler = (_req, res) => json(res, 200, USAGE_BODY);
const status =
  (
    code: number,
    body: unknown = { error: { type: "api_error", message: "boom" } },
    headers: Record<string, string> = {},
  ): FaultHandler =>
  (_req, res) =>
    json(res, code, body, headers);

describe("transport retries", () => {
  test("retries a 503 once, then returns the success", async () => {
    const client = await clientFor((req, res, n) => (n === 1 ? status(503)(req, res, n) : ok(req, res, n)));
    const started = performance.now();
    const usage = await client.getCustomerUsage(CUSTOMER_ID);
    const ms = performance.now() - started;
    expect(usage.data).toEqual(USAGE_BODY.data);
    expect(server?.count).toBe(2);
    expect(ms).toBeGreaterThanOrEqual(370); // first backoff: 500 ms less up to 25 % jitter
    expect(ms).toBeLessThan(1_500);
  });

  test("retries a 500 twice, then throws InternalServerError", async () => {
    const client = await clientFor(status(500));
    const { error, ms } = await timedFailure(() => client.getCustomerUsage(CUSTOMER_ID));
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as InternalServerError).status).toBe(500);
    expect((error as InternalServerError).code).toBe("api_error");
    expect(server?.count).toBe(3);
    expect(ms).toBeGreaterThanOrEqual(1_100); // 375–500 ms, then 750–1000 ms
    expect(ms).toBeLessThan(2_500);
  });

  test.each([
    [400, BadRequestError],
    [404, NotFoundError],
  ])("does not retry a %i", async (code, ErrorClass) => {
    const client = await clientFor(status(code, { error: { type: "not_found", message: "no such customer" } }));
    const { error } = await timedFailure(() => client.getCustomerUsage(CUSTOMER_ID));
    expect(error).toBeInstanceOf(ErrorClass);
    // One request: a retry would show in the count.
    expect(server?.count).toBe(1);
  });

  test("maxRetries: 0 on the call overrides the client's retries", async () => {
    const client = await clientFor(status(503), { maxRetries: 5 });
    await expect(client.getCustomerUsage(CUSTOMER_ID, {}, { maxRetries: 0 })).rejects.toBeInstanceOf(
      InternalServerError,
    );
    expect(server?.count).toBe(1);
  });
});

describe("transport Retry-After", () => {
  test("waits the seconds a 429 asks for, then succeeds", async () => {
    const client = await clientFor((req, res, n) =>
      n === 1 ? status(429, {}, { "retry-after": "1" })(req, res, n) : ok(req, res, n),
    );
    const started = performance.now();
    await client.getCustomerUsage(CUSTOMER_ID);
    const ms = performance.now() - started;
    expect(server?.count).toBe(2);
    expect(ms).toBeGreaterThanOrEqual(990);
    expect(ms).toBeLessThan(2_000);
  });

  test("waits until the HTTP date a 429 names", async () => {
    const client = await clientFor((req, res, n) =>
      n === 1
        ? status(429, {}, { "retry-after": new Date(Date.now() + 2_000).toUTCString() })(req, res, n)
        : ok(req, res, n),
    );
    const started = performance.now();
    await client.getCustomerUsage(CUSTOMER_ID);
    const ms = performance.now() - started;
    expect(server?.count).toBe(2);
    // An HTTP date has whole seconds: the wait is between 1 and 2 s.
    expect(ms).toBeGreaterThanOrEqual(990);
    expect(ms).toBeLessThan(2_500);
  });

  test("honours retry-after-ms before Retry-After", async () => {
    const client = await clientFor((req, res, n) =>
      n === 1 ? status(429, {}, { "retry-after-ms": "50", "retry-after": "30" })(req, res, n) : ok(req, res, n),
    );
    const started = performance.now();
    await client.getCustomerUsage(CUSTOMER_ID);
    // Retry-After would have been 30 s.
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(server?.count).toBe(2);
  });

  test("fails at once with RateLimitError.retryAfterMs when a 429 asks for an hour", async () => {
    const client = await clientFor(
      status(429, { error: { type: "rate_limit_error", message: "slow down" } }, { "retry-after": "3600" }),
    );
    const { error, ms } = await timedFailure(() => client.getCustomerUsage(CUSTOMER_ID));
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBe(3_600_000);
    expect(server?.count).toBe(1);
    // Sleeping would take the capped 60 s at least.
    expect(ms).toBeLessThan(5_000);
  });

  test("fails at once when the wait asked for is longer than the time left before the deadline", async () => {
    const client = await clientFor(status(429, {}, { "retry-after": "5" }), { deadlineMs: 2_000 });
    const { error, ms } = await timedFailure(() => client.getCustomerUsage(CUSTOMER_ID));
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBe(5_000);
    expect(server?.count).toBe(1);
    // Sleeping would take 5 s, or until the 2 s deadline.
    expect(ms).toBeLessThan(1_500);
  });
});

describe("transport timeouts and the deadline", () => {
  test("times out a server that never sends headers, on every attempt", async () => {
    const client = await clientFor(() => {}, { timeoutMs: 200, maxRetries: 1 });
    const { error, ms } = await timedFailure(() => client.getCustomerUsage(CUSTOMER_ID));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toMatch(/timed out after 200 ms/);
    expect(server?.count).toBe(2);
    expect(ms).toBeGreaterThanOrEqual(400 + 370);
    expect(ms).toBeLessThan(2_000);
  });

  test("times out a body that stalls after the headers", async () => {
    const client = await clientFor(
      (_req, res) => {
        res.writeHead(200, { "content-type": "application/json" });
        res.write('{"data":[');
      },
      { timeoutMs: 200, maxRetries: 0 },
    );
    const { error, ms } = await timedFailure(() => client.getCustomerUsage(CUSTOMER_ID));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(server?.count).toBe(1);
    expect(ms).toBeGreaterThanOrEqual(190);
    // A body read outside the timeout would hang until the test's own limit.
    expect(ms).toBeLessThan(5_000);
  });

  test("a deadline shorter than the timeout ends the call at the deadline", async () => {
    const client = await clientFor(() => {}, { timeoutMs: 10_000, deadlineMs: 300 });
    const { error, ms } = await timedFailure(() => client.getCustomerUsage(CUSTOMER_ID));
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as Error).message).toMatch(/deadline of 300 ms/);
    expect(server?.count).toBe(1);
    expect(ms).toBeGreaterThanOrEqual(290);
    // The 10 s timeout would have ended it later.
    expect(ms).toBeLessThan(5_000);
  });

  test("a deadline shorter than the retries stops retrying and returns the last error", async () => {
    const client = await clientFor(status(503), { deadlineMs: 700 });
    const { error, ms } = await timedFailure(() => client.getCustomerUsage(CUSTOMER_ID));
    expect(error).toBeInstanceOf(InternalServerError);
    // Attempt 1, a 375–500 ms wait, attempt 2; the next wait (≥ 750 ms) does not fit.
    expect(server?.count).toBe(2);
    // It ends by its deadline; the margin is only a busy machine's timer lateness.
    expect(ms).toBeLessThan(700 + SCHEDULING_SLACK_MS);
  });

  test("timeoutMs on the call overrides the client's", async () => {
    const client = await clientFor(() => {}, { timeoutMs: 10_000, maxRetries: 0 });
    const { error, ms } = await timedFailure(() => client.getCustomerUsage(CUSTOMER_ID, {}, { timeoutMs: 150 }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as Error).message).toMatch(/timed out after 150 ms \(attempt 1\)/);
    expect(ms).toBeLessThan(5_000); // the client's 10 s would have ended it later
  });

  test("deadlineMs on the call overrides the client's", async () => {
    const client = await clientFor(() => {}, { deadlineMs: 60_000 });
    const { error, ms } = await timedFailure(() => client.getCustomerUsage(CUSTOMER_ID, {}, { deadlineMs: 150 }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(ms).toBeLessThan(5_000); // the client's 60 s, or the 30 s timeout, would have ended it later
  });
});

describe("transport connection failures", () => {
  test("retries a reset connection, then throws ConnectionError", async () => {
    const client = await clientFor((req) => req.socket.destroy());
    const { error, ms } = await timedFailure(() => client.getCustomerUsage(CUSTOMER_ID));
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).not.toBeInstanceOf(TimeoutError);
    expect((error as ConnectionError).cause).toBeDefined();
    expect(server?.count).toBe(3);
    // Two backoffs, at most 0.5 + 1 s.
    expect(ms).toBeLessThan(1_500 + SCHEDULING_SLACK_MS);
  });

  test("a reset connection followed by a success recovers", async () => {
    const client = await clientFor((req, res, n) => (n === 1 ? req.socket.destroy() : ok(req, res, n)));
    await expect(client.getCustomerUsage(CUSTOMER_ID)).resolves.toMatchObject({ data: USAGE_BODY.data });
    expect(server?.count).toBe(2);
  });

  test("throws ConnectionError naming ECONNREFUSED for a refused connection", async () => {
    const client = createProlifiClient({
      apiKey: SECRET_KEY,
      baseUrl: await closedPortUrl(),
      logLevel: "off",
      maxRetries: 1,
    });
    const { error, ms } = await timedFailure(() => client.getCustomerUsage(CUSTOMER_ID));
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toMatch(/ECONNREFUSED/);
    expect(ms).toBeLessThan(500 + SCHEDULING_SLACK_MS); // one backoff, at most 0.5 s
  });
});

describe("transport bad bodies", () => {
  test("broken JSON on a 200 is an InvalidResponseError naming status and content type", async () => {
    const client = await clientFor((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end('{"data": [');
    });
    const { error } = await timedFailure(() => client.getCustomerUsage(CUSTOMER_ID));
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).not.toBeInstanceOf(SyntaxError);
    expect((error as InvalidResponseError).status).toBe(200);
    expect((error as InvalidResponseError).contentType).toBe("application/json");
    expect((error as Error).message).toMatch(/200.*not a JSON object.*application\/json/);
    expect(server?.count).toBe(1);
  });

  test.each(["null", "42", '"usage"'])(
    "a 200 whose JSON is %s, not an object, is an InvalidResponseError",
    async (body) => {
      const client = await clientFor((_req, res) => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(body);
      });
      const { error } = await timedFailure(() => client.getCustomerUsage(CUSTOMER_ID));
      expect(error).toBeInstanceOf(InvalidResponseError);
      expect((error as Error).message).toMatch(
        /returned 200 with a body that is not a JSON object \(application\/json\)/,
      );
    },
  );

  test("an HTML 502 from a proxy is retried, then kept as text out of a short message", async () => {
    const page = `<html><body>${"Bad gateway. ".repeat(16_000)}</body></html>`;
    const client = await clientFor((_req, res) => {
      res.writeHead(502, { "content-type": "text/html" });
      res.end(page);
    });
    const { error } = await timedFailure(() => client.getCustomerUsage(CUSTOMER_ID));
    expect(error).toBeInstanceOf(InternalServerError);
    const apiError = error as InternalServerError;
    expect(apiError.body).toBe(page);
    expect(apiError.message.length).toBeLessThan(200);
    expect(apiError.message).toBe(`GET ${server?.url}/customers/${CUSTOMER_ID}/usage failed with 502`);
    expect(server?.count).toBe(3);
  });
});

describe("transport cancellation", () => {
  test("an abort during the wait before a retry ends the call at once", async () => {
    const client = await clientFor(status(503, {}, { "retry-after": "10" }));
    const controller = new AbortController();
    const pending = client.getCustomerUsage(CUSTOMER_ID, {}, { signal: controller.signal });
    await waitFor(() => server?.count === 1);
    await new Promise((resolve) => setTimeout(resolve, 50)); // the 503 is back; the wait is 10 s
    const abortedAt = performance.now();
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(RequestAbortedError);
    expect(performance.now() - abortedAt).toBeLessThan(SCHEDULING_SLACK_MS);
    expect(server?.count).toBe(1);
  });

  test("an abort during a stalled request ends it at once", async () => {
    const client = await clientFor(() => {});
    const controller = new AbortController();
    const pending = client.getCustomerUsage(CUSTOMER_ID, {}, { signal: controller.signal });
    await waitFor(() => server?.count === 1);
    const abortedAt = performance.now();
    controller.abort(new Error("user navigated away"));
    const { error } = await timedFailure(() => pending);
    expect(error).toBeInstanceOf(RequestAbortedError);
    expect((error as RequestAbortedError).cause).toEqual(new Error("user navigated away"));
    // The stalled request would otherwise run to the 30 s timeout.
    expect(performance.now() - abortedAt).toBeLessThan(SCHEDULING_SLACK_MS);
  });

  test("an already aborted signal sends nothing", async () => {
    const client = await clientFor(ok);
    await expect(client.getCustomerUsage(CUSTOMER_ID, {}, { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(
      RequestAbortedError,
    );
    expect(server?.count).toBe(0);
  });

  test("leaves no listener on a long-lived signal after many calls", async () => {
    const client = await clientFor(ok);
    const controller = new AbortController();
    let added = 0;
    let removed = 0;
    const { signal } = controller;
    const add = signal.addEventListener.bind(signal);
    const remove = signal.removeEventListener.bind(signal);
    signal.addEventListener = ((...args: Parameters<typeof add>) => {
      added += 1;
      add(...args);
    }) as typeof signal.addEventListener;
    signal.removeEventListener = ((...args: Parameters<typeof remove>) => {
      removed += 1;
      remove(...args);
    }) as typeof signal.removeEventListener;
    for (let i = 0; i < 20; i++) await client.getCustomerUsage(CUSTOMER_ID, {}, { signal });
    expect(added).toBeGreaterThanOrEqual(20);
    expect(removed).toBe(added);
  });
});
