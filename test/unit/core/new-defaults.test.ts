// Pins the defaults added with the long-run fixes, money, the export command, rate limits and
// telemetry; the README names each where it describes the behaviour.
import { describe, expect, test } from "vitest";
import { DEFAULT_CONCURRENCY, MAX_CONCURRENCY } from "../../../src/cli/args";
import { EXIT_FAILED, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE } from "../../../src/cli/main";
import { REDACTED_TOKENS_KEPT } from "../../../src/core/redact";
import { MAX_EXACT_DIGITS } from "../../../src/money/money";
import {
  DEFAULT_RATE_LIMIT_BURST,
  RATE_LIMIT_EXHAUSTED_PAUSE_MS,
  RATE_LIMIT_PAUSE_CAP_MS,
} from "../../../src/rate-limit/index";
import {
  DEFAULT_REDIS_RATE_KEY,
  RATE_LIMIT_MEMBER_TTL_MS,
  RATE_LIMIT_REDIS_RETRY_MS,
  RATE_LIMIT_REDIS_TIMEOUT_MS,
} from "../../../src/redis/index";
import { README } from "../../helpers/readme";

describe("defaults added since the last release", () => {
  test("pins each", () => {
    expect(REDACTED_TOKENS_KEPT).toBe(5);
    expect(MAX_EXACT_DIGITS).toBe(15);
    expect([DEFAULT_CONCURRENCY, MAX_CONCURRENCY]).toEqual([4, 64]);
    expect([EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED]).toEqual([0, 1, 2, 130]);
    expect(DEFAULT_RATE_LIMIT_BURST).toBe(1);
    expect(RATE_LIMIT_PAUSE_CAP_MS).toBe(60_000);
    expect(RATE_LIMIT_EXHAUSTED_PAUSE_MS).toBe(1_000);
    expect(RATE_LIMIT_REDIS_TIMEOUT_MS).toBe(1_000);
    expect(RATE_LIMIT_REDIS_RETRY_MS).toBe(1_000);
    expect(RATE_LIMIT_MEMBER_TTL_MS).toBe(10_000);
    expect(DEFAULT_REDIS_RATE_KEY).toBe("billing-usage:rate");
  });

  test("the README states them where it describes the behaviour", () => {
    for (const text of [
      "the current access token and the four before it",
      "at most 15 significant digits\n  (any amount up to 9 999 999 999 999.99)",
      "`--concurrency N` (default 4, at most 64)",
      "| 130 | interrupted",
      "`DEFAULT_RATE_LIMIT_BURST`, 1)",
      "`RATE_LIMIT_PAUSE_CAP_MS` (60 s)",
      "`RATE_LIMIT_EXHAUSTED_PAUSE_MS` (1 s)",
      "`RATE_LIMIT_REDIS_TIMEOUT_MS` (1 s)",
      "`RATE_LIMIT_MEMBER_TTL_MS`, 10 s)",
      "`RATE_LIMIT_REDIS_RETRY_MS` (1 s)",
      "`{billing-usage:rate}:…`",
    ]) {
      expect(README).toContain(text);
    }
  });
});
