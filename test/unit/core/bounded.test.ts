// The bounded call both shared helpers (the token store, the Redis rate budget) go through.
import { afterEach, describe, expect, test, vi } from "vitest";
import { bounded } from "../../../src/core/bounded";

const fallback = (why: string) => `fallback: ${why}`;

describe("bounded", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  test("an answer in time is the answer, and no timer is left", async () => {
    vi.useFakeTimers();
    await expect(bounded(() => Promise.resolve(7), 1_000, fallback)).resolves.toBe(7);
    await expect(bounded(() => 8, 1_000, fallback)).resolves.toBe(8);
    expect(vi.getTimerCount()).toBe(0);
  });

  test("a throw or a rejection is the fallback, saying it failed", async () => {
    const thrown = bounded(
      () => {
        throw new Error("boom");
      },
      1_000,
      fallback,
    );
    await expect(thrown).resolves.toBe("fallback: failed");
    await expect(bounded(() => Promise.reject(new Error("no")), 1_000, fallback)).resolves.toBe("fallback: failed");
  });

  test("no answer in time is the fallback, naming the bound; a late answer changes nothing", async () => {
    vi.useFakeTimers();
    let answer: (value: number) => void = () => {};
    const call = bounded(() => new Promise<number>((resolve) => (answer = resolve)), 1_000, fallback);
    await vi.advanceTimersByTimeAsync(1_000);
    answer(9);
    await expect(call).resolves.toBe("fallback: did not answer within 1000 ms");
    expect(vi.getTimerCount()).toBe(0);
  });
});
