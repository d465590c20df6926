// Pins every default the README's table lists. Change one here and in the README together.
import { describe, expect, test } from "vitest";
import * as sdk from "../../../src/index";
import { README } from "../../helpers/readme";

describe("defaults", () => {
  test("pins each shared default", () => {
    expect(sdk.DEFAULT_TIMEOUT_MS).toBe(30_000);
    expect(sdk.DEFAULT_MAX_RETRIES).toBe(2);
    expect(sdk.DEFAULT_DEADLINE_MS).toBe(120_000);
    expect(sdk.RETRYABLE_STATUSES).toEqual([408, 429, 500, 502, 503, 504]);
    expect(sdk.BACKOFF_INITIAL_MS).toBe(500);
    expect(sdk.BACKOFF_MAX_MS).toBe(8_000);
    expect(sdk.BACKOFF_JITTER).toBe(0.25);
    expect(sdk.RETRY_AFTER_CAP_MS).toBe(60_000);
    expect(sdk.DEFAULT_LOG_LEVEL).toBe("warn");
    expect(sdk.LONG_RETRY_WAIT_MS).toBe(5_000);
    expect(sdk.DEFAULT_MAX_RESPONSE_BYTES).toBe(33_554_432);
  });

  test("pins each Prolifi default", () => {
    expect(sdk.PROLIFI_PRODUCTION_URL).toBe("https://api.prolifi.co/api/v1/public");
    expect(sdk.PROLIFI_SANDBOX_URL).toBe("https://sandbox.prolifi.co/api/v1/public");
    expect(sdk.PROLIFI_API_KEY_ENV).toBe("PROLIFI_API_KEY");
  });

  test("pins each PayPal default", () => {
    expect(sdk.PAYPAL_LIVE_URL).toBe("https://api-m.paypal.com");
    expect(sdk.PAYPAL_SANDBOX_URL).toBe("https://api-m.sandbox.paypal.com");
    expect(sdk.PAYPAL_CLIENT_ID_ENV).toBe("PAYPAL_CLIENT_ID");
    expect(sdk.PAYPAL_CLIENT_SECRET_ENV).toBe("PAYPAL_CLIENT_SECRET");
    expect(sdk.PAYPAL_ENVIRONMENT_ENV).toBe("PAYPAL_ENVIRONMENT");
    expect(sdk.TOKEN_REFRESH_MIN_MARGIN_MS).toBe(60_000);
    expect(sdk.TOKEN_REFRESH_FRACTION).toBe(0.1);
    expect(sdk.DEFAULT_MAX_PAGES).toBe(10_000);
    expect(sdk.TOKEN_LIFETIME_CAP_MS).toBe(86_400_000);
    expect(sdk.TOKEN_STORE_TIMEOUT_MS).toBe(1_000);
  });

  test("the README's defaults table states the same values", async () => {
    for (const row of [
      "| `timeoutMs` | 30 000 ms",
      "| `maxRetries` | 2",
      "| `deadlineMs` | 120 000 ms",
      "| retried | connection errors, timeouts, 408, 429, 500, 502, 503, 504",
      "| backoff | 500 ms doubling, at most 8 000 ms, each wait cut by up to 25 % at random",
      "| `Retry-After` cap | 60 000 ms",
      "| `logLevel` | `warn`",
      "| retry waits logged as warnings | 5 000 ms or longer",
      "| `maxResponseBytes` | 33 554 432 bytes (32 MiB)",
      "| PayPal token refresh | `max(60 s, 10 % of expires_in)` before expiry, at most half its lifetime",
      "| PayPal token lifetime cap | 24 h, whatever `expires_in` says",
      "| `tokenStore` call bound | 1 000 ms",
      "| pagination guard | 10 000 pages",
    ]) {
      expect(README).toContain(row);
    }
  });
});
