import { describe, expect, test } from "vitest";
import {
  ApiError,
  AuthenticationError,
  BadRequestError,
  BillingUsageError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
} from "../../../src/index";
import { prolifiWith as prolifiClient } from "../../helpers/clients";
import { CUSTOMER_ID } from "../../helpers/fixtures";
import { jsonResponse, type mockFetch } from "../../helpers/mock-fetch";

/** A Prolifi client answered by `answer`, not retrying: each error status maps as it comes. */
const prolifiWith = (answer: Parameters<typeof mockFetch>[0]) => prolifiClient(answer, { maxRetries: 0 });

async function failureOf(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error("expected an ApiError");
}

describe("error mapping", () => {
  test.each([
    [400, BadRequestError, "invalid_request"],
    [401, AuthenticationError, "authentication_error"],
    [403, PermissionDeniedError, "permission_error"],
    [404, NotFoundError, "not_found"],
    [409, ConflictError, "conflict"],
    [422, UnprocessableEntityError, "validation_error"],
    [429, RateLimitError, "rate_limit_error"],
    [500, InternalServerError, "api_error"],
    [502, InternalServerError, "api_error"],
    [599, InternalServerError, "api_error"],
    [418, ApiError, "invalid_request"],
  ])("maps %i to %o with its code", async (status, ErrorClass, type) => {
    const { client } = prolifiWith(() => jsonResponse(status, { error: { type, message: "Something went wrong." } }));
    const error = await failureOf(client.getCustomerUsage(CUSTOMER_ID));
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toBeInstanceOf(BillingUsageError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe(ErrorClass.name);
    expect(error.status).toBe(status);
    expect(error.code).toBe(type);
    expect(error.provider).toBe("prolifi");
    expect(error.method).toBe("GET");
    expect(error.url).toBe(`https://api.prolifi.co/api/v1/public/customers/${CUSTOMER_ID}/usage`);
    expect(error.message).toBe(
      `GET https://api.prolifi.co/api/v1/public/customers/${CUSTOMER_ID}/usage failed with ${status} ${type}: Something went wrong.`,
    );
  });

  test("keeps Prolifi's field errors and names them in the message", async () => {
    const { client } = prolifiWith(() =>
      jsonResponse(422, {
        error: {
          type: "validation_error",
          message: "The request data is invalid.",
          errors: [{ field: "start_date", message: "Not a date." }],
        },
      }),
    );
    const error = await failureOf(client.getCustomerUsage(CUSTOMER_ID));
    expect(error.fieldErrors).toEqual([{ field: "start_date", message: "Not a date." }]);
    expect(error.message).toMatch(
      /failed with 422 validation_error: The request data is invalid\.; start_date: Not a date\.$/,
    );
  });

  test("keeps a text body as text and out of the message", async () => {
    const { client } = prolifiWith(
      () => new Response("upstream connect error", { status: 404, headers: { "content-type": "text/plain" } }),
    );
    const error = await failureOf(client.getCustomerUsage(CUSTOMER_ID));
    expect(error.body).toBe("upstream connect error");
    expect(error.code).toBeUndefined();
    expect(error.message).toBe(
      `GET https://api.prolifi.co/api/v1/public/customers/${CUSTOMER_ID}/usage failed with 404`,
    );
  });

  test("parses a JSON body sent without a JSON content type", async () => {
    const { client } = prolifiWith(
      () => new Response('{"error":{"type":"not_found","message":"Customer not found."}}', { status: 404 }),
    );
    const error = await failureOf(client.getCustomerUsage(CUSTOMER_ID));
    expect(error.code).toBe("not_found");
  });

  test("clips a long server message", async () => {
    const { client } = prolifiWith(() =>
      jsonResponse(400, { error: { type: "invalid_request", message: "x".repeat(5_000) } }),
    );
    const error = await failureOf(client.getCustomerUsage(CUSTOMER_ID));
    // The server's words are cut at 200 characters, whatever precedes them.
    expect(error.message).toMatch(/failed with 400 invalid_request: x{200}…$/);
  });

  test("carries Retry-After as retryAfterMs and the headers", async () => {
    const { client } = prolifiWith(() =>
      jsonResponse(
        429,
        { error: { type: "rate_limit_error", message: "Too many requests." } },
        { "retry-after": "7200" },
      ),
    );
    const error = await failureOf(client.getCustomerUsage(CUSTOMER_ID));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.retryAfterMs).toBe(7_200_000);
    expect(error.headers.get("retry-after")).toBe("7200");
  });
});
