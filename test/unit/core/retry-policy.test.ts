import { describe, expect, test } from "vitest";
import { backoffMs, isRetryableResponse, retryAfterMs } from "../../../src/core/retry-policy";

describe("retry policy", () => {
  test("backoff doubles from 500 ms and stops at 8 s", () => {
    const noJitter = () => 0;
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => backoffMs(n, noJitter))).toEqual([
      500, 1_000, 2_000, 4_000, 8_000, 8_000, 8_000,
    ]);
  });

  test("jitter cuts each wait by at most 25 %", () => {
    expect(backoffMs(1, () => 1)).toBe(375);
    expect(backoffMs(5, () => 1)).toBe(6_000);
    for (let i = 0; i < 1_000; i++) {
      const ms = backoffMs(2);
      expect(ms).toBeGreaterThanOrEqual(750);
      expect(ms).toBeLessThanOrEqual(1_000);
    }
  });

  test.each([408, 429, 500, 502, 503, 504])("retries a %i", (status) => {
    expect(isRetryableResponse(new Response(null, { status }))).toBe(true);
  });

  test.each([400, 401, 403, 404, 409, 422, 501])("does not retry a %i", (status) => {
    expect(isRetryableResponse(new Response(null, { status }))).toBe(false);
  });

  test("x-should-retry overrides the status rule both ways", () => {
    expect(isRetryableResponse(new Response(null, { status: 400, headers: { "x-should-retry": "true" } }))).toBe(true);
    expect(isRetryableResponse(new Response(null, { status: 503, headers: { "x-should-retry": "false" } }))).toBe(
      false,
    );
  });

  test("reads Retry-After as seconds, as an HTTP date, and retry-after-ms first", () => {
    const now = Date.parse("2026-11-22T10:00:00Z");
    expect(retryAfterMs(new Headers({ "retry-after": "30" }), now)).toBe(30_000);
    expect(retryAfterMs(new Headers({ "retry-after": "1.5" }), now)).toBe(1_500);
    expect(retryAfterMs(new Headers({ "retry-after": "Sun, 22 Nov 2026 10:00:05 GMT" }), now)).toBe(5_000);
    expect(retryAfterMs(new Headers({ "retry-after": "Sun, 22 Nov 2026 09:00:00 GMT" }), now)).toBe(0);
    expect(retryAfterMs(new Headers({ "retry-after-ms": "0", "retry-after": "30" }), now)).toBe(0);
    expect(retryAfterMs(new Headers({ "retry-after-ms": "250.2" }), now)).toBe(251);
  });

  test("ignores missing or unreadable Retry-After values", () => {
    expect(retryAfterMs(new Headers())).toBeUndefined();
    expect(retryAfterMs(new Headers({ "retry-after": "soon" }))).toBeUndefined();
    expect(retryAfterMs(new Headers({ "retry-after": "-5" }))).toBeUndefined();
    expect(retryAfterMs(new Headers({ "retry-after-ms": "nope" }))).toBeUndefined();
  });
});
