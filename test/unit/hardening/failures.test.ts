// How a call fails when no HTTP answer comes: what the error says and carries, what it never
// carries, and a deadline that a wall-clock step cannot stretch.
import { inspect } from "node:util";
import { afterEach, describe, expect, test, vi } from "vitest";
import { ConnectionError, RequestAbortedError, TimeoutError } from "../../../src/index";
import { paypalWith, prolifiWith } from "../../helpers/clients";
import { CUSTOMER_ID, SECRET_KEY, SUBSCRIPTION, USAGE_BODY } from "../../helpers/fixtures";
import { jsonResponse } from "../../helpers/mock-fetch";

const failure = (promise: Promise<unknown>): Promise<Error> =>
  promise.then(
    () => {
      throw new Error("expected the call to fail");
    },
    (error: unknown) => error as Error,
  );

/** What undici throws: a TypeError "fetch failed" whose cause says what went wrong. */
function fetchFailed(cause: Error & { code?: string }): TypeError {
  return new TypeError("fetch failed", { cause });
}

describe("a connection error", () => {
  test("names method, origin and path, never the query, and carries method and url", async () => {
    const { client } = prolifiWith(() => {
      throw fetchFailed(Object.assign(new Error("connect ECONNREFUSED 10.0.0.1:443"), { code: "ECONNREFUSED" }));
    });
    const error = await failure(client.getCustomerUsage(CUSTOMER_ID, { start_date: "2026-01-01" }, { maxRetries: 0 }));
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.message).toBe(
      `GET https://api.prolifi.co/api/v1/public/customers/${CUSTOMER_ID}/usage failed: ECONNREFUSED (connect ECONNREFUSED 10.0.0.1:443)`,
    );
    expect(error).toMatchObject({
      method: "GET",
      url: `https://api.prolifi.co/api/v1/public/customers/${CUSTOMER_ID}/usage`,
    });
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({ name: "ConnectionError", method: "GET" });
  });

  test("keeps the deepest reason a fetch gives, code or message", async () => {
    const { client } = prolifiWith(() => {
      throw fetchFailed(new Error('Nock: Disallowed net connect for "api.prolifi.co:443"'));
    });
    const error = await failure(client.getCustomerUsage(CUSTOMER_ID, {}, { maxRetries: 0 }));
    expect(error.message).toMatch(/failed: Nock: Disallowed net connect for "api\.prolifi\.co:443"$/);
  });

  test("a timeout names the request the same way, and carries method and url", async () => {
    const { client } = prolifiWith(
      (request) =>
        new Promise((_, reject) => request.signal.addEventListener("abort", () => reject(request.signal.reason))),
      {
        timeoutMs: 20,
        maxRetries: 0,
      },
    );
    const error = await failure(client.getCustomerUsage(CUSTOMER_ID));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.message).toMatch(
      /^GET https:\/\/api\.prolifi\.co\/api\/v1\/public\/customers\/.+\/usage timed out after 20 ms/,
    );
    expect(error).toMatchObject({ method: "GET" });
  });
});

describe("a fetch whose error quotes the request's credentials", () => {
  const quoting = () =>
    prolifiWith(
      () => {
        const cause = Object.assign(new Error(`proxy said no to Authorization: Bearer ${SECRET_KEY}`), {
          code: "EPROXY",
        });
        throw fetchFailed(cause);
      },
      { maxRetries: 0 },
    );

  test("has the key in no rendering: message, String, stack, inspect and the cause chain", async () => {
    const error = await failure(quoting().client.getCustomerUsage(CUSTOMER_ID));
    expect(error).toBeInstanceOf(ConnectionError);
    const texts = [
      error.message,
      String(error),
      String(error.stack),
      JSON.stringify(error),
      inspect(error, { depth: Infinity, showHidden: true }),
    ];
    for (const text of texts) expect(text).not.toContain(SECRET_KEY);
  });

  test("keeps the cause's name, code and message shape, redacted", async () => {
    const error = await failure(quoting().client.getCustomerUsage(CUSTOMER_ID));
    const cause = error.cause as TypeError & { cause: Error & { code: string } };
    expect(cause.name).toBe("TypeError");
    expect(cause.message).toBe("fetch failed");
    expect(cause.cause.code).toBe("EPROXY");
    expect(cause.cause.message).toBe("proxy said no to Authorization: Bearer [redacted]");
  });

  test("a cause with nothing to redact is handed on as it was", async () => {
    const original = fetchFailed(Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }));
    const { client } = prolifiWith(
      () => {
        throw original;
      },
      { maxRetries: 0 },
    );
    expect((await failure(client.getCustomerUsage(CUSTOMER_ID))).cause).toBe(original);
  });
});

describe("an already-aborted signal", () => {
  test("sends nothing from a cold PayPal client, not even a token request", async () => {
    const paypal = paypalWith();
    const error = await failure(paypal.client.getPastUsage("cust_42", SUBSCRIPTION, { signal: AbortSignal.abort() }));
    expect(error).toBeInstanceOf(RequestAbortedError);
    expect(paypal.mock.requests).toHaveLength(0);
  });

  test("sends nothing through raw either", async () => {
    const { client, mock } = prolifiWith(() => jsonResponse(200, USAGE_BODY));
    await expect(
      client.raw.GET("/customers/{id}/usage", { params: { path: { id: CUSTOMER_ID } }, signal: AbortSignal.abort() }),
    ).rejects.toBeInstanceOf(RequestAbortedError);
    expect(mock.requests).toHaveLength(0);
  });
});

describe("the deadline and the wall clock", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  test("a wall-clock step back of an hour mid-call does not stretch deadlineMs", async () => {
    const realNow = Date.now.bind(Date);
    const { client, mock } = prolifiWith(
      (_request, n) => {
        // The clock is set back an hour during the first attempt.
        if (n === 1) vi.spyOn(Date, "now").mockImplementation(() => realNow() - 3_600_000);
        return jsonResponse(503, { error: { type: "api_error", message: "busy" } });
      },
      { maxRetries: 20, deadlineMs: 1_200 },
    );
    const started = performance.now();
    const error = await failure(client.getCustomerUsage(CUSTOMER_ID));
    // Without the step: 503, wait ~0.5 s, 503, then the next wait (~1 s) would pass the deadline.
    expect(mock.requests.length).toBeLessThanOrEqual(3);
    expect(error.name).toMatch(/InternalServerError|TimeoutError/);
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});
