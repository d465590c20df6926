// A server that echoes secrets, answers with the wrong JSON, asks to retry a success, or sends
// more than anyone should read: every promise the README makes still holds.
import { inspect } from "node:util";
import { describe, expect, test } from "vitest";
import * as sdk from "../../../src/index";
import { type ApiError, AuthenticationError, InvalidResponseError } from "../../../src/index";
import { paypalWith, prolifiWith } from "../../helpers/clients";
import { ACCESS_TOKEN, CUSTOMER_ID, pastUsagePage, SECRET_KEY, SUBSCRIPTION } from "../../helpers/fixtures";
import { jsonResponse } from "../../helpers/mock-fetch";

const renderings = (error: unknown): string[] => [
  (error as Error).message,
  String((error as Error).stack),
  String(error),
  JSON.stringify(error),
  inspect(error, { depth: Infinity, showHidden: true }),
];

const failure = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => {
      throw new Error("expected the call to fail");
    },
    (error: unknown) => error,
  );

/** A body that streams `chunk` forever, and says when it was cancelled. */
function endlessBody(chunk: Uint8Array): {
  body: ReadableStream<Uint8Array>;
  cancelled: () => boolean;
  sent: () => number;
} {
  let cancelled = false;
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      sent += chunk.byteLength;
      controller.enqueue(chunk);
    },
    cancel() {
      cancelled = true;
    },
  });
  return { body, cancelled: () => cancelled, sent: () => sent };
}

describe("a server that echoes a secret in a response header", () => {
  test("leaves it out of error.headers, and out of every rendering of the error", async () => {
    const { client } = prolifiWith(() =>
      jsonResponse(
        401,
        { error: { type: "authentication_error", message: "no" } },
        { "x-echo": `Bearer ${SECRET_KEY}` },
      ),
    );
    const error = (await failure(client.getCustomerUsage(CUSTOMER_ID))) as ApiError;
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.headers.get("x-echo")).toBe("Bearer [redacted]");
    for (const text of renderings(error)) expect(text).not.toContain(SECRET_KEY);
  });
});

describe("a 2xx whose JSON is an array", () => {
  test.each([[[]], [[{ event_name: "api_call", count: 1, last_reported_at: null }]]])(
    "%j is an InvalidResponseError, not a result",
    async (body) => {
      const { client } = prolifiWith(() => jsonResponse(200, body));
      const error = await failure(client.getCustomerUsage(CUSTOMER_ID));
      expect(error).toBeInstanceOf(InvalidResponseError);
      expect((error as Error).message).toMatch(/not a JSON object/);
    },
  );
});

describe("x-should-retry: true on a success", () => {
  test("a Prolifi 200 is fetched once", async () => {
    const { client, mock } = prolifiWith(() => jsonResponse(200, { data: [] }, { "x-should-retry": "true" }));
    await client.getCustomerUsage(CUSTOMER_ID);
    expect(mock.requests).toHaveLength(1);
  });

  test("a PayPal token and page are each fetched once", async () => {
    const paypal = paypalWith(() => jsonResponse(200, pastUsagePage(1, 1), { "x-should-retry": "true" }));
    await paypal.client.getPastUsage("cust_42", SUBSCRIPTION);
    expect(paypal.dataRequests).toBe(1);
    expect(paypal.tokenRequests).toBe(1);
  });
});

describe("errors as JSON", () => {
  test("JSON.stringify(error) has its name, message and documented fields, headers as an object, redacted", async () => {
    const { client } = prolifiWith(() =>
      jsonResponse(
        404,
        { error: { type: "not_found", message: `no customer for ${SECRET_KEY}` } },
        { "x-ratelimit-limit": "10", "x-echo": SECRET_KEY },
      ),
    );
    const error = await failure(client.getCustomerUsage(CUSTOMER_ID));
    const json = JSON.parse(JSON.stringify(error)) as Record<string, unknown>;
    expect(json).toMatchObject({
      name: "NotFoundError",
      message: expect.stringContaining("failed with 404 not_found"),
      status: 404,
      code: "not_found",
      provider: "prolifi",
      method: "GET",
      url: expect.stringContaining(`/customers/${CUSTOMER_ID}/usage`),
      headers: { "content-type": "application/json", "x-ratelimit-limit": "10", "x-echo": "[redacted]" },
      body: { error: { type: "not_found", message: "no customer for [redacted]" } },
      fieldErrors: [],
    });
    expect(JSON.stringify(error)).not.toContain(SECRET_KEY);
  });

  test("an InvalidResponseError and an InvalidInputError keep their fields in JSON", async () => {
    const { client } = prolifiWith(
      () => new Response("<html>", { status: 200, headers: { "content-type": "text/html" } }),
    );
    const invalid = JSON.parse(JSON.stringify(await failure(client.getCustomerUsage(CUSTOMER_ID))));
    expect(invalid).toMatchObject({ name: "InvalidResponseError", status: 200, contentType: "text/html" });
    const input = JSON.parse(JSON.stringify(await failure(client.getCustomerUsage("not-a-uuid"))));
    expect(input).toMatchObject({ name: "InvalidInputError", param: "id", message: expect.stringMatching(/UUID/) });
  });
});

describe("request ids on success", () => {
  test("a PayPal page carries PayPal-Debug-Id as a non-enumerable requestId, on getPastUsage and on every walked page", async () => {
    const paypal = paypalWith((request, n) => {
      const page = Number(new URL(request.url).searchParams.get("page") ?? "1");
      return jsonResponse(200, pastUsagePage(page, 2), { "paypal-debug-id": `dbg-${n}` });
    });
    const page = await paypal.client.getPastUsage("cust_42", SUBSCRIPTION);
    expect(page.requestId).toBe("dbg-1");
    expect(JSON.stringify(page)).toBe(JSON.stringify(pastUsagePage(1, 2)));
    const walked = [];
    for await (const p of paypal.client.listPastUsage("cust_42", SUBSCRIPTION).pages()) walked.push(p.requestId);
    expect(walked).toEqual(["dbg-2", "dbg-3"]);
  });
});

describe("maxResponseBytes", () => {
  test("defaults to 32 MiB", () => {
    expect(sdk.DEFAULT_MAX_RESPONSE_BYTES).toBe(32 * 1024 * 1024);
  });

  test("a body that never ends is cancelled past the limit and fails typed, not retried", async () => {
    const stream = endlessBody(new Uint8Array(16 * 1024).fill(0x20));
    const { client, mock } = prolifiWith(
      () => new Response(stream.body, { headers: { "content-type": "application/json" } }),
      {
        maxResponseBytes: 100_000,
      },
    );
    const error = await failure(client.getCustomerUsage(CUSTOMER_ID));
    expect(error).toBeInstanceOf(sdk.ResponseTooLargeError);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toMatchObject({ maxResponseBytes: 100_000, status: 200 });
    expect((error as Error).message).toMatch(
      /^GET https:\/\/api\.prolifi\.co\/api\/v1\/public\/customers\/.+\/usage returned more than 100000 bytes/,
    );
    expect(stream.cancelled()).toBe(true);
    expect(stream.sent()).toBeLessThan(200_000);
    expect(mock.requests).toHaveLength(1);
  });

  test("a Content-Length over the limit fails before reading, and the limit can be set per call", async () => {
    const stream = endlessBody(new Uint8Array(1024));
    const { client } = prolifiWith(() => new Response(stream.body, { headers: { "content-length": "5000000" } }));
    const error = await failure(client.getCustomerUsage(CUSTOMER_ID, {}, { maxResponseBytes: 1_000_000 }));
    expect(error).toBeInstanceOf(sdk.ResponseTooLargeError);
    expect(stream.sent()).toBeLessThanOrEqual(1024);
  });

  test("an error response is bounded too", async () => {
    const stream = endlessBody(new Uint8Array(16 * 1024));
    const { client } = prolifiWith(() => new Response(stream.body, { status: 500 }), {
      maxResponseBytes: 50_000,
      maxRetries: 0,
    });
    expect(await failure(client.getCustomerUsage(CUSTOMER_ID))).toBeInstanceOf(sdk.ResponseTooLargeError);
    expect(stream.cancelled()).toBe(true);
  });

  test("a body within the limit is read whole", async () => {
    const { client } = prolifiWith(() => jsonResponse(200, { data: [] }), { maxResponseBytes: 11 });
    await expect(client.getCustomerUsage(CUSTOMER_ID)).resolves.toEqual({ data: [] });
  });

  test("is a whole number of bytes from 1", () => {
    for (const bad of [0, -1, 1.5, Number.NaN, 2 ** 53]) {
      expect(() => prolifiWith(() => jsonResponse(200, {}), { maxResponseBytes: bad })).toThrow(/maxResponseBytes/);
    }
  });
});

describe("the PayPal token endpoint's answer", () => {
  test("a token request's body is bounded like any other", async () => {
    const stream = endlessBody(new Uint8Array(16 * 1024));
    const paypal = paypalWith(undefined, { maxResponseBytes: 50_000 }, () => new Response(stream.body));
    expect(await failure(paypal.client.getPastUsage("cust_42", SUBSCRIPTION))).toBeInstanceOf(
      sdk.ResponseTooLargeError,
    );
    expect(paypal.dataRequests).toBe(0);
  });

  test("the token is never in a JSON rendering of a page", async () => {
    const paypal = paypalWith();
    const page = await paypal.client.getPastUsage("cust_42", SUBSCRIPTION);
    expect(JSON.stringify(page)).not.toContain(ACCESS_TOKEN);
  });
});
