import { afterEach, describe, expect, expectTypeOf, test, vi } from "vitest";
import { createProlifiClient, InvalidInputError, PROLIFI_SANDBOX_URL } from "../../../src/prolifi/index";
import { CUSTOMER_ID, PUBLIC_KEY, SECRET_KEY, USAGE_BODY } from "../../helpers/fixtures";
import { jsonResponse, mockFetch } from "../../helpers/mock-fetch";

function clientAndRequests(apiKey: string = SECRET_KEY) {
  const mock = mockFetch(() => jsonResponse(200, USAGE_BODY));
  return { client: createProlifiClient({ apiKey, fetch: mock.fetch, logLevel: "off" }), requests: mock.requests };
}

async function invalid(promise: Promise<unknown>): Promise<InvalidInputError> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(InvalidInputError);
  return error as InvalidInputError;
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("getCustomerUsage input checks", () => {
  test.each([
    ["a customer id that is not a UUID", "cust_42", {}, "id", /id must be a UUID/],
    ["an empty customer id", "", {}, "id", /id must be a UUID/],
    [
      "a date that does not exist",
      CUSTOMER_ID,
      { start_date: "2026-02-30" },
      "start_date",
      /start_date must be a calendar date as YYYY-MM-DD \(got "2026-02-30"\)/,
    ],
    ["a date without leading zeros", CUSTOMER_ID, { end_date: "2026-1-5" }, "end_date", /calendar date/],
    ["a timestamp for a date", CUSTOMER_ID, { start_date: "2026-01-01T00:00:00Z" }, "start_date", /calendar date/],
    [
      "start_date after end_date",
      CUSTOMER_ID,
      { start_date: "2026-02-01", end_date: "2026-01-31" },
      "end_date",
      /end_date \(2026-01-31\) is before start_date \(2026-02-01\)/,
    ],
    ["an empty event_name", CUSTOMER_ID, { event_name: "" }, "event_name", /event_name must not be empty/],
    // encodeURIComponent throws a bare URIError on one; it must be refused as input instead.
    [
      "an event_name with a lone surrogate",
      CUSTOMER_ID,
      { event_name: "api\ud800call" },
      "event_name",
      /event_name must be well-formed Unicode/,
    ],
    [
      "a misspelt parameter",
      CUSTOMER_ID,
      { start: "2026-01-01" },
      "start",
      /start is not a query parameter here; expected start_date, end_date, event_name/,
    ],
    // A valid UUID as `id` in the query would pass its own check and go out as `?id=`.
    [
      "the path parameter in the query",
      CUSTOMER_ID,
      { id: CUSTOMER_ID },
      "id",
      /id is not a query parameter here; expected start_date/,
    ],
    ["a number for a date", CUSTOMER_ID, { start_date: 20260101 }, "start_date", /must be a string/],
    ["a null query", CUSTOMER_ID, null, "query", /^query must be an object$/],
  ] as const)("refuses %s before sending anything", async (_label, id, query, param, message) => {
    const { client, requests } = clientAndRequests();
    const error = await invalid(client.getCustomerUsage(id, query as never));
    expect(error.param).toBe(param);
    expect(error.message).toMatch(message);
    expect(requests).toHaveLength(0);
  });

  test("accepts a leap day and equal start and end dates", async () => {
    const { client, requests } = clientAndRequests();
    await client.getCustomerUsage(CUSTOMER_ID, { start_date: "2028-02-29", end_date: "2028-02-29" });
    expect(requests).toHaveLength(1);
  });

  test.each([
    ["timeoutMs", { timeoutMs: 0 }],
    ["maxRetries", { maxRetries: -1 }],
    ["deadlineMs", { deadlineMs: 1.5 }],
    ["signal", { signal: {} as AbortSignal }],
    ["signal", { signal: "abort" as unknown as AbortSignal }],
  ] as const)("refuses a bad %s on the call", async (param, options) => {
    const { client, requests } = clientAndRequests();
    const error = await invalid(client.getCustomerUsage(CUSTOMER_ID, {}, options));
    expect(error.param).toBe(param);
    expect(requests).toHaveLength(0);
  });
});

describe("createProlifiClient key rules", () => {
  test("with no key anywhere, names both the option and the environment variable", () => {
    vi.stubEnv("PROLIFI_API_KEY", "");
    expect(() => createProlifiClient()).toThrow(
      new InvalidInputError("apiKey", "No Prolifi API key: pass the apiKey option or set PROLIFI_API_KEY."),
    );
  });

  test("falls back to PROLIFI_API_KEY", async () => {
    vi.stubEnv("PROLIFI_API_KEY", ` ${PUBLIC_KEY} `);
    const mock = mockFetch(() => jsonResponse(200, USAGE_BODY));
    await createProlifiClient({ fetch: mock.fetch }).getCustomerUsage(CUSTOMER_ID);
    expect(mock.requests[0]?.headers.get("authorization")).toBe(`Bearer ${PUBLIC_KEY}`);
  });

  test("the apiKey option wins over the environment", async () => {
    vi.stubEnv("PROLIFI_API_KEY", PUBLIC_KEY);
    const mock = mockFetch(() => jsonResponse(200, USAGE_BODY));
    await createProlifiClient({ apiKey: SECRET_KEY, fetch: mock.fetch }).getCustomerUsage(CUSTOMER_ID);
    expect(mock.requests[0]?.headers.get("authorization")).toBe(`Bearer ${SECRET_KEY}`);
  });

  test.each(["sk_prod_abc", "rk_test_abc", "sk_test_", "Bearer sk_test_abc", "sk_test_a b", "sk_test_abc\n"])(
    "refuses the malformed key %j",
    (apiKey) => {
      expect(() => createProlifiClient({ apiKey })).toThrow(
        /apiKey must start with sk_test_, sk_live_, pk_test_ or pk_live_ \(value not shown\)/,
      );
    },
  );

  test.each(["sk_test_x1", "sk_live_x1", "pk_test_x1", "pk_live_x1"])("accepts %s", (apiKey) => {
    expect(() => createProlifiClient({ apiKey })).not.toThrow();
  });

  test("uses production by default and the sandbox only when asked", async () => {
    const mock = mockFetch(() => jsonResponse(200, USAGE_BODY));
    await createProlifiClient({ apiKey: SECRET_KEY, fetch: mock.fetch }).getCustomerUsage(CUSTOMER_ID);
    await createProlifiClient({ apiKey: SECRET_KEY, fetch: mock.fetch, baseUrl: PROLIFI_SANDBOX_URL }).getCustomerUsage(
      CUSTOMER_ID,
    );
    expect(mock.requests.map((r) => new URL(r.url).origin)).toEqual([
      "https://api.prolifi.co",
      "https://sandbox.prolifi.co",
    ]);
  });

  test("warns when a live key is pointed at the sandbox", () => {
    const warn = vi.fn();
    createProlifiClient({
      apiKey: "sk_live_x1",
      baseUrl: PROLIFI_SANDBOX_URL,
      logger: { warn, error: vi.fn(), info: vi.fn(), debug: vi.fn() },
    });
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/live Prolifi key is pointed at the sandbox/));
  });

  test.each([
    ["not a URL", "api.prolifi.co"],
    ["ftp", "ftp://api.prolifi.co"],
    ["credentials in the URL", "https://user:pass@api.prolifi.co"],
  ])("refuses a baseUrl that is %s", (_label, baseUrl) => {
    expect(() => createProlifiClient({ apiKey: SECRET_KEY, baseUrl })).toThrow(InvalidInputError);
  });

  test("refuses a bad client option", () => {
    expect(() => createProlifiClient({ apiKey: SECRET_KEY, timeoutMs: -5 })).toThrow(
      /timeoutMs must be a whole number from 1 to 2147483647/,
    );
  });

  // Timers cannot wait longer than 2^31 - 1 ms: a longer timeout would fire at once, not never.
  test.each(["timeoutMs", "deadlineMs"] as const)(
    "refuses a %s timers cannot wait for, on the client and on a call",
    async (name) => {
      const tooLong = 2 ** 31;
      expect(() => createProlifiClient({ apiKey: SECRET_KEY, [name]: tooLong })).toThrow(
        new RegExp(`${name} must be a whole number from 1 to 2147483647`),
      );
      const { client, requests } = clientAndRequests();
      const error = await invalid(client.getCustomerUsage(CUSTOMER_ID, {}, { [name]: tooLong }));
      expect(error.param).toBe(name);
      expect(requests).toHaveLength(0);
      await client.getCustomerUsage(CUSTOMER_ID, {}, { [name]: tooLong - 1 });
      expect(requests).toHaveLength(1);
    },
  );
});

describe("Prolifi types", () => {
  test("the result is typed, and bad calls do not compile", () => {
    const { client } = clientAndRequests();
    // Checked by `npm run typecheck` (an unneeded @ts-expect-error fails it); never run.
    const typeOnly = async () => {
      const usage = await client.getCustomerUsage(CUSTOMER_ID);
      expectTypeOf(usage.data[0]?.count).toEqualTypeOf<number | undefined>();
      expectTypeOf(usage.data[0]?.last_reported_at).toEqualTypeOf<string | null | undefined>();
      // @ts-expect-error `start` is not a parameter (it is `start_date`)
      await client.getCustomerUsage(CUSTOMER_ID, { start: "2026-01-01" });
      // @ts-expect-error the customer id is required
      await client.getCustomerUsage();
      // @ts-expect-error dates are strings
      await client.getCustomerUsage(CUSTOMER_ID, { start_date: new Date() });
    };
    expectTypeOf(typeOnly).toBeFunction();
  });
});
