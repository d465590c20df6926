// The in-process rate limiter's arithmetic on a fake clock: GCRA pacing, bursts, FIFO order,
// pauses, and its options checked.
import { describe, expect, test } from "vitest";
import { InvalidInputError } from "../../../src/core/errors";
import { createRateLimiter, DEFAULT_RATE_LIMIT_BURST } from "../../../src/rate-limit/index";
import { createPacer } from "../../../src/rate-limit/pacer";

/** A clock that only moves when told; `starts` records when each acquire may go. */
function fakeClock() {
  let now = 0;
  const starts: number[] = [];
  return {
    starts,
    clock: {
      now: () => now,
      wait: (ms: number) => {
        starts.push(now + ms);
      },
    },
    advance: (ms: number) => {
      now += ms;
    },
  };
}

/** Acquires `n` at the clock's present; the start times, a request that may go at once counting as now. */
function acquireMany(pacer: ReturnType<typeof createPacer>, fake: ReturnType<typeof fakeClock>, n: number) {
  const at = fake.clock.now();
  return Array.from({ length: n }, () => {
    const before = fake.starts.length;
    pacer.acquire();
    return fake.starts.length > before ? (fake.starts.at(-1) as number) : at;
  });
}

describe("createRateLimiter's pacing", () => {
  test("10 per second, burst 1: requests 100 ms apart, in the order they asked", () => {
    const fake = fakeClock();
    const pacer = createPacer({ requestsPerSecond: 10 }, fake.clock);
    expect(acquireMany(pacer, fake, 5)).toEqual([0, 100, 200, 300, 400]);
  });

  test("burst 3: three at once after a quiet spell, then the sustained rate", () => {
    const fake = fakeClock();
    const pacer = createPacer({ requestsPerSecond: 10, burst: 3 }, fake.clock);
    expect(acquireMany(pacer, fake, 5)).toEqual([0, 0, 0, 100, 200]);
    fake.advance(10_000);
    expect(acquireMany(pacer, fake, 4).map((t) => t - 10_000)).toEqual([0, 0, 0, 100]);
  });

  test("a pause holds every request until it ends, then paces from there", () => {
    const fake = fakeClock();
    const pacer = createPacer({ requestsPerSecond: 10 }, fake.clock);
    pacer.acquire();
    pacer.pause(2_000);
    expect(acquireMany(pacer, fake, 3)).toEqual([2_000, 2_100, 2_200]);
  });

  test("a quiet spell does not bank more than the burst", () => {
    const fake = fakeClock();
    const pacer = createPacer({ requestsPerSecond: 50 }, fake.clock);
    fake.advance(60_000);
    expect(acquireMany(pacer, fake, 3).map((t) => t - 60_000)).toEqual([0, 20, 40]);
  });

  test.each([
    [{ requestsPerSecond: 0 }, "requestsPerSecond must be a number above 0 (got 0)"],
    [{ requestsPerSecond: Number.POSITIVE_INFINITY }, "requestsPerSecond must be a number above 0 (got Infinity)"],
    [{ requestsPerSecond: 5, burst: 0 }, "burst must be a whole number ≥ 1 (got 0)"],
    [{ requestsPerSecond: 5, burst: 1.5 }, "burst must be a whole number ≥ 1 (got 1.5)"],
  ])("refuses %o", (options, message) => {
    expect(() => createRateLimiter(options)).toThrow(InvalidInputError);
    expect(() => createRateLimiter(options)).toThrow(message);
  });

  test("pins its default burst", () => {
    expect(DEFAULT_RATE_LIMIT_BURST).toBe(1);
  });

  test("the real limiter waits on the real clock and gives up its wait when the signal aborts", async () => {
    const limiter = createRateLimiter({ requestsPerSecond: 20 });
    // From before the first acquire: the second is due 50 ms after it, however late the first returns.
    const started = performance.now();
    await limiter.acquire();
    await limiter.acquire();
    // 50 ms apart; a timer may fire a millisecond or so early by performance.now(), so allow a little.
    expect(performance.now() - started).toBeGreaterThanOrEqual(45);
    const controller = new AbortController();
    limiter.pause(60_000);
    const waiting = limiter.acquire(controller.signal);
    controller.abort(new Error("stop"));
    await expect(waiting).rejects.toThrow("stop");
  });
});
