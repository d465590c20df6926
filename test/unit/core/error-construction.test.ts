// Users make these errors in their own tests (a fake client that throws a 429): each ApiError class
// takes a message and an ApiErrorInit, whose optional fields default to "nothing was sent".
import { describe, expect, test } from "vitest";
import {
  ApiError,
  type ApiErrorInit,
  BillingUsageError,
  ConnectionError,
  RateLimitError,
  RequestAbortedError,
} from "../../../src/index";
import { EXPECTED_CLASS } from "../../helpers/error-classes";

const REQUIRED: ApiErrorInit = { provider: "paypal", method: "GET", url: "https://api-m.paypal.com/x", status: 429 };

describe("constructing API errors", () => {
  test("the required fields alone give a complete error", () => {
    const error = new RateLimitError("slow down", REQUIRED);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toBeInstanceOf(BillingUsageError);
    expect(error).toMatchObject({ name: "RateLimitError", message: "slow down", ...REQUIRED, fieldErrors: [] });
    expect([...error.headers]).toEqual([]);
    expect([error.body, error.code, error.requestId, error.retryAfterMs]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: "RateLimitError",
      message: "slow down",
      ...REQUIRED,
      headers: {},
      fieldErrors: [],
    });
  });

  test("every field given is kept, for every status class", () => {
    for (const [status, ErrorClass] of Object.entries(EXPECTED_CLASS)) {
      const init: ApiErrorInit = {
        ...REQUIRED,
        status: Number(status),
        headers: new Headers({ "paypal-debug-id": "d1" }),
        body: { name: "X" },
        code: "X",
        requestId: "d1",
        retryAfterMs: 1_000,
        fieldErrors: [{ field: "page", message: "too big" }],
      };
      const error = new ErrorClass("boom", init);
      expect(error).toMatchObject({ ...init, name: ErrorClass.name });
    }
  });
});

describe("errors as JSON", () => {
  test("a cause is its name, message and code; a cause that is not an Error is left out", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
    const error = new ConnectionError("no answer", { method: "GET", url: "https://x.test/a", cause: refused });
    expect(JSON.stringify(error)).toBe(
      '{"name":"ConnectionError","message":"no answer","method":"GET","url":"https://x.test/a",' +
        '"cause":{"name":"Error","message":"connect ECONNREFUSED","code":"ECONNREFUSED"}}',
    );
    const aborted = new RequestAbortedError("aborted", { cause: "user left" });
    expect(JSON.parse(JSON.stringify(aborted))).toEqual({ name: "RequestAbortedError", message: "aborted" });
  });
});
