// The rateLimiter option as both clients use it: acquire before every attempt of a data call
// (retries and raw calls too, never the PayPal token request), inside the call's signal and
// deadline; pause on a 429 and on Prolifi's X-RateLimit-Remaining: 0.
import { describe, expect, test } from "vitest";
import { RATE_LIMIT_EXHAUSTED_PAUSE_MS, RATE_LIMIT_PAUSE_CAP_MS } from "../../../src/core/defaults";
import { InvalidInputError, RequestAbortedError, TimeoutError } from "../../../src/core/errors";
import type { RateLimiter } from "../../../src/core/rate-limiter";
import { createRateLimiter as fromPayPal } from "../../../src/paypal/index";
import { createRateLimiter as fromProlifi } from "../../../src/prolifi/index";
import { createRateLimiter } from "../../../src/rate-limit/index";
import { paypalWith, prolifiWith } from "../../helpers/clients";
import { CUSTOMER_ID, SUBSCRIPTION, USAGE_BODY } from "../../helpers/fixtures";
import { captureLogger } from "../../helpers/logger";
import { jsonResponse } from "../../helpers/mock-fetch";

/** A limiter that records what it is asked; `hold` makes acquire wait forever. */
function recordingLimiter({ hold = false } = {}) {
  const acquired: (AbortSignal | undefined)[] = [];
  const paused: number[] = [];
  const limiter: RateLimiter = {
    acquire(signal) {
      acquired.push(signal);
      return hold ? new Promise<void>(() => {}) : undefined;
    },
    pause(ms) {
      paused.push(ms);
    },
  };
  return { limiter, acquired, paused };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

describe("the rateLimiter option", () => {
  test("acquires before every attempt, retries included, each with a signal that ends with the call", async () => {
    const { limiter, acquired } = recordingLimiter();
    const { signal } = new AbortController();
    const { client, mock } = prolifiWith(
      (_r, n) => (n === 1 ? jsonResponse(503, {}, { "retry-after-ms": "1" }) : jsonResponse(200, USAGE_BODY)),
      { rateLimiter: limiter },
    );
    await client.getCustomerUsage(CUSTOMER_ID, {}, { signal });
    expect(mock.requests).toHaveLength(2);
    expect(acquired).toHaveLength(2);
    for (const given of acquired) expect(given).toBeInstanceOf(AbortSignal);
  });

  test("paces raw calls too, and never the PayPal token request", async () => {
    const { limiter, acquired } = recordingLimiter();
    const paypal = paypalWith(undefined, { rateLimiter: limiter });
    await paypal.client.getPastUsage("cust_42", SUBSCRIPTION);
    await paypal.client.raw.GET("/v1/commerce/billing/customers/{external_customer_id}/past_usage", {
      params: { path: { external_customer_id: "cust_42" }, query: SUBSCRIPTION },
    });
    expect(paypal.tokenRequests).toBe(1);
    expect(acquired).toHaveLength(2);
  });

  test("a wait for the limiter ends at the deadline, typed, and nothing is sent", async () => {
    const { limiter, acquired } = recordingLimiter({ hold: true });
    const { client, mock } = prolifiWith(() => jsonResponse(200, USAGE_BODY), { rateLimiter: limiter });
    await expect(client.getCustomerUsage(CUSTOMER_ID, {}, { deadlineMs: 30 })).rejects.toBeInstanceOf(TimeoutError);
    expect(mock.requests).toHaveLength(0);
    // The limiter is told: a pacer waiting out a long pause drops its timer rather than outlive the call.
    expect(acquired[0]?.aborted).toBe(true);
  });

  test("a wait for the limiter ends when the caller aborts", async () => {
    const { limiter, acquired } = recordingLimiter({ hold: true });
    const { client, mock } = prolifiWith(() => jsonResponse(200, USAGE_BODY), { rateLimiter: limiter });
    const controller = new AbortController();
    const call = client.getCustomerUsage(CUSTOMER_ID, {}, { signal: controller.signal });
    controller.abort();
    await expect(call).rejects.toBeInstanceOf(RequestAbortedError);
    expect(mock.requests).toHaveLength(0);
    expect(acquired[0]?.aborted).toBe(true);
  });

  test.each([
    ["Retry-After: 2, retried", { "retry-after": "2" }, 1, 2_000],
    ["Retry-After: 2, retries spent", { "retry-after": "2" }, 0, 2_000],
    ["Retry-After: 600, past the cap and not retried", { "retry-after": "600" }, 2, RATE_LIMIT_PAUSE_CAP_MS],
  ])("a 429 (%s) pauses the limiter", async (_case, headers, maxRetries, pause) => {
    const { limiter, paused } = recordingLimiter();
    const { client } = prolifiWith(
      (_r, n) => (n === 1 ? jsonResponse(429, {}, headers) : jsonResponse(200, USAGE_BODY)),
      { rateLimiter: limiter, maxRetries, deadlineMs: 5_000 },
    );
    // The first retry would wait the Retry-After; the pause is what is asserted, so stop the call early.
    const controller = new AbortController();
    const call = client.getCustomerUsage(CUSTOMER_ID, {}, { signal: controller.signal }).catch(() => undefined);
    await settle();
    controller.abort();
    await call;
    expect(paused).toEqual([pause]);
  });

  test.each([
    ["with Retry-After", { "retry-after": "3" }, 3_000],
    ["without one", {}, RATE_LIMIT_EXHAUSTED_PAUSE_MS],
  ])("Prolifi's X-RateLimit-Remaining: 0 pauses it (%s)", async (_case, headers, pause) => {
    const { limiter, paused } = recordingLimiter();
    const { client } = prolifiWith(
      () => jsonResponse(200, USAGE_BODY, { "x-ratelimit-limit": "100", "x-ratelimit-remaining": "0", ...headers }),
      { rateLimiter: limiter },
    );
    await client.getCustomerUsage(CUSTOMER_ID);
    await settle();
    expect(paused).toEqual([pause]);
  });

  test("a limiter that fails is logged, and the call goes on unpaced", async () => {
    const capture = captureLogger();
    const broken: RateLimiter = {
      acquire: () => Promise.reject(new Error("limiter broke")),
    };
    const { client } = prolifiWith(() => jsonResponse(200, USAGE_BODY), {
      rateLimiter: broken,
      logger: capture.logger,
      logLevel: "warn",
    });
    expect(await client.getCustomerUsage(CUSTOMER_ID)).toEqual(USAGE_BODY);
    expect(capture.lines.map((line) => String(line.args[0]))).toEqual([
      "[billing-usage] rateLimiter.acquire() failed (limiter broke); sending unpaced",
    ]);
  });

  test.each([{}, { acquire: 1 }, { acquire() {}, pause: "no" }])("refuses a rateLimiter shaped %o", (rateLimiter) => {
    expect(() => prolifiWith(() => jsonResponse(200, USAGE_BODY), { rateLimiter: rateLimiter as never })).toThrow(
      new InvalidInputError("rateLimiter", "rateLimiter must be an object with the methods acquire, pause?"),
    );
  });

  test("pins the pause defaults", () => {
    expect(RATE_LIMIT_PAUSE_CAP_MS).toBe(60_000);
    expect(RATE_LIMIT_EXHAUSTED_PAUSE_MS).toBe(1_000);
  });
});

describe("createRateLimiter beside each client", () => {
  test("both provider entries export the one limiter billing-usage/rate-limit does", () => {
    expect(fromProlifi).toBe(createRateLimiter);
    expect(fromPayPal).toBe(createRateLimiter);
  });

  test("paces a client's calls: 20 per second is one request every 50 ms", async () => {
    const sentAt: number[] = [];
    const { client } = prolifiWith(
      () => {
        sentAt.push(performance.now());
        return jsonResponse(200, USAGE_BODY);
      },
      { rateLimiter: fromProlifi({ requestsPerSecond: 20 }) },
    );
    const started = performance.now();
    await Promise.all([1, 2, 3].map(() => client.getCustomerUsage(CUSTOMER_ID)));
    // The n-th start is granted no sooner than n × 50 ms after the first acquire, and each request is
    // sent after its grant: lower bounds from before the calls, which a busy machine only lengthens
    // (gaps between sends could shrink if one send lags its grant). A timer may fire a millisecond
    // early by performance.now().
    const after = sentAt.map((at) => at - started).sort((a, b) => a - b);
    expect(after).toHaveLength(3);
    after.forEach((ms, n) => {
      expect(ms).toBeGreaterThanOrEqual(n * 50 - 2);
    });
  });
});
