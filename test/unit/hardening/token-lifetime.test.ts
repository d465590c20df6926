// A token endpoint that names an absurd lifetime, and a tokenStore that never answers: neither may
// cost a token request per call, nor wedge the client.
import { afterEach, describe, expect, test, vi } from "vitest";
import { InvalidResponseError, TOKEN_STORE_TIMEOUT_MS } from "../../../src/paypal/index";
import { paypalWith, tokenResponse } from "../../helpers/clients";
import { SUBSCRIPTION } from "../../helpers/fixtures";
import { captureLogger } from "../../helpers/logger";

const never = <T>(): Promise<T> => new Promise<T>(() => {});

describe("the token's lifetime", () => {
  test.each([1e306, Number.MAX_VALUE, 1e12])(
    "expires_in %d is bounded: one token serves every call",
    async (expiresIn) => {
      const paypal = paypalWith(undefined, {}, () => tokenResponse(expiresIn));
      for (let i = 0; i < 3; i++) await paypal.client.getPastUsage("cust_42", SUBSCRIPTION);
      expect(paypal.tokenRequests).toBe(1);
    },
  );

  test("a token shorter-lived than the refresh margin is still used for a while, not refetched per call", async () => {
    const paypal = paypalWith(undefined, {}, () => tokenResponse(30));
    for (let i = 0; i < 3; i++) await paypal.client.getPastUsage("cust_42", SUBSCRIPTION);
    expect(paypal.tokenRequests).toBe(1);
  });

  test.each([0, -5, Number.NaN])("expires_in %d is an InvalidResponseError", async (expiresIn) => {
    const paypal = paypalWith(undefined, { maxRetries: 0 }, () => tokenResponse(expiresIn));
    await expect(paypal.client.getPastUsage("cust_42", SUBSCRIPTION)).rejects.toBeInstanceOf(InvalidResponseError);
  });
});

describe("a held token on both clocks", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });
  const TEN_HOURS_MS = 10 * 60 * 60 * 1000;

  test("after a sleep (the wall clock 10 h on, the monotonic one not), a new token is fetched before any call", async () => {
    const paypal = paypalWith(undefined, {}, (_request, n) => tokenResponse(32_400, `A21AA-token-${n}-0123456789`));
    await paypal.client.getPastUsage("cust_42", SUBSCRIPTION);
    const wall = Date.now();
    vi.spyOn(Date, "now").mockImplementation(() => wall + TEN_HOURS_MS);
    await paypal.client.getPastUsage("cust_42", SUBSCRIPTION);
    expect(paypal.tokenRequests).toBe(2);
    const bearers = paypal.mock.requests.filter((r) => r.method === "GET").map((r) => r.headers.get("authorization"));
    expect(bearers).toEqual(["Bearer A21AA-token-1-0123456789", "Bearer A21AA-token-2-0123456789"]);
  });

  test("a wall-clock step back keeps the token: the monotonic clock still says it is fresh", async () => {
    const paypal = paypalWith(undefined, {}, () => tokenResponse(32_400));
    await paypal.client.getPastUsage("cust_42", SUBSCRIPTION);
    const wall = Date.now();
    vi.spyOn(Date, "now").mockImplementation(() => wall - TEN_HOURS_MS);
    await paypal.client.getPastUsage("cust_42", SUBSCRIPTION);
    expect(paypal.tokenRequests).toBe(1);
  });
});

describe("a tokenStore that never settles", () => {
  test("a hanging get() is bypassed after TOKEN_STORE_TIMEOUT_MS, logged, and never wedges later calls", async () => {
    const capture = captureLogger();
    const store = { get: () => never<undefined>(), set: async () => {} };
    const paypal = paypalWith(undefined, { tokenStore: store, logger: capture.logger, logLevel: "warn" });
    const started = performance.now();
    await paypal.client.getPastUsage("cust_42", SUBSCRIPTION);
    await paypal.client.getPastUsage("cust_42", SUBSCRIPTION);
    expect(performance.now() - started).toBeGreaterThanOrEqual(TOKEN_STORE_TIMEOUT_MS - 5);
    expect(paypal.tokenRequests).toBe(1);
    expect(capture.lines.filter((line) => line.level === "warn").map((line) => String(line.args[0]))).toEqual([
      expect.stringMatching(/tokenStore\.get\(\) did not answer within \d+ ms/),
    ]);
  });

  test("a hanging set() never delays using the fresh token", async () => {
    const capture = captureLogger();
    const store = { get: async () => undefined, set: () => never<void>() };
    const paypal = paypalWith(undefined, {
      tokenStore: store,
      logger: capture.logger,
      deadlineMs: TOKEN_STORE_TIMEOUT_MS / 2,
    });
    await paypal.client.getPastUsage("cust_42", SUBSCRIPTION);
    expect(paypal.dataRequests).toBe(1);
  });

  test("a bound of a second or so: the store is bypassed well within a default call", () => {
    expect(TOKEN_STORE_TIMEOUT_MS).toBeGreaterThanOrEqual(250);
    expect(TOKEN_STORE_TIMEOUT_MS).toBeLessThanOrEqual(1_000);
  });
});
