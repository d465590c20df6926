import { describe, expect, test } from "vitest";
import { LONG_RETRY_WAIT_MS } from "../../../src/core/defaults";
import { InvalidInputError, type LogLevel } from "../../../src/index";
import { createProlifiClient } from "../../../src/prolifi/index";
import { CUSTOMER_ID, SECRET_KEY, USAGE_BODY } from "../../helpers/fixtures";
import { captureLogger } from "../../helpers/logger";
import { jsonResponse, mockFetch } from "../../helpers/mock-fetch";

function clientLogging(logLevel: LogLevel | undefined, answer: Parameters<typeof mockFetch>[0]) {
  const capture = captureLogger();
  const client = createProlifiClient({
    apiKey: SECRET_KEY,
    fetch: mockFetch(answer).fetch,
    logger: capture.logger,
    ...(logLevel && { logLevel }),
  });
  return { client, lines: capture.lines };
}

const flaky = (_r: Request, n: number) =>
  n === 1 ? jsonResponse(503, {}, { "retry-after-ms": "1" }) : jsonResponse(200, USAGE_BODY);

const ORIGIN = "https://api.prolifi.co";

describe("logging", () => {
  test("at debug, logs each attempt and each retry with method, path, status, attempt, wait and elapsed", async () => {
    const { client, lines } = clientLogging("debug", flaky);
    await client.getCustomerUsage(CUSTOMER_ID, { start_date: "2026-01-01" });
    const path = `/api/v1/public/customers/${CUSTOMER_ID}/usage`;
    expect(lines.map((l) => [l.level, l.args[0]])).toEqual([
      ["debug", `[billing-usage] GET ${ORIGIN}${path} → 503`],
      ["info", `[billing-usage] GET ${ORIGIN}${path}: retrying after 503 in 1 ms (retry 1 of 2)`],
      ["debug", `[billing-usage] GET ${ORIGIN}${path} → 200`],
    ]);
    expect(lines[1]?.args[1]).toEqual({
      method: "GET",
      path,
      status: 503,
      attempt: 1,
      waitMs: 1,
      elapsedMs: expect.any(Number),
    });
    expect(lines[2]?.args[1]).toEqual({ method: "GET", path, status: 200, attempt: 2, elapsedMs: expect.any(Number) });
  });

  test("at the default level (warn), logs nothing for a call that recovers", async () => {
    const { client, lines } = clientLogging(undefined, flaky);
    await client.getCustomerUsage(CUSTOMER_ID);
    expect(lines).toEqual([]);
  });

  test("at the default level, warns before a wait of LONG_RETRY_WAIT_MS or more, so a stalled test says why", async () => {
    const controller = new AbortController();
    const warned: unknown[][] = [];
    const quiet = () => undefined;
    const client = createProlifiClient({
      apiKey: SECRET_KEY,
      fetch: mockFetch(() => jsonResponse(429, {}, { "retry-after": String(LONG_RETRY_WAIT_MS / 1000) })).fetch,
      // The warning comes before the wait; aborting there ends the call without sleeping through it.
      logger: { debug: quiet, info: quiet, error: quiet, warn: (...args) => warned.push(args) && controller.abort() },
    });
    await expect(client.getCustomerUsage(CUSTOMER_ID, {}, { signal: controller.signal })).rejects.toThrow();
    expect(warned.map((args) => args[0])).toEqual([
      `[billing-usage] GET ${ORIGIN}/api/v1/public/customers/${CUSTOMER_ID}/usage: retrying after 429 in ${LONG_RETRY_WAIT_MS} ms (retry 1 of 2)`,
    ]);
  });

  test("at warn, says when a Retry-After is too long to honour", async () => {
    const { client, lines } = clientLogging("warn", () => jsonResponse(429, {}, { "retry-after": "3600" }));
    await expect(client.getCustomerUsage(CUSTOMER_ID)).rejects.toThrow();
    expect(lines).toHaveLength(1);
    expect(lines[0]?.level).toBe("warn");
    expect(lines[0]?.args[0]).toMatch(/not retrying; the server asked to wait 3600000 ms, over the 60000 ms allowed/);
  });

  test("off logs nothing at all", async () => {
    const { client, lines } = clientLogging("off", () => jsonResponse(429, {}, { "retry-after": "3600" }));
    await expect(client.getCustomerUsage(CUSTOMER_ID)).rejects.toThrow();
    expect(lines).toEqual([]);
  });

  test("an unknown logLevel is an InvalidInputError", () => {
    expect(() => createProlifiClient({ apiKey: SECRET_KEY, logLevel: "verbose" as LogLevel })).toThrow(
      InvalidInputError,
    );
  });

  test("a logger that throws never fails the call it was logging for", async () => {
    const broken = () => {
      throw new Error("log sink is down");
    };
    const mock = mockFetch(flaky);
    const client = createProlifiClient({
      apiKey: SECRET_KEY,
      fetch: mock.fetch,
      logLevel: "debug",
      logger: { error: broken, warn: broken, info: broken, debug: broken },
    });
    await expect(client.getCustomerUsage(CUSTOMER_ID)).resolves.toMatchObject({ data: USAGE_BODY.data });
    expect(mock.requests).toHaveLength(2);
  });

  test("a logger without the four console methods is an InvalidInputError naming the missing one", () => {
    const partial = { error: () => {}, warn: () => {}, info: () => {} };
    expect(() => createProlifiClient({ apiKey: SECRET_KEY, logger: partial as never })).toThrow(
      /logger must have error, warn, info, debug methods; debug is missing/,
    );
  });
});
