// What a job that runs for hours needs: one AbortSignal shared by a whole batch collects no
// listeners and prints no warning, and the secrets held for redaction stay bounded however many
// tokens rotate through, while every one still held is taken out of every rendering of an error.
import { getEventListeners } from "node:events";
import { inspect } from "node:util";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { onAbort } from "../../../src/core/abort";
import { ConnectionError } from "../../../src/core/errors";
import { createRedactor, REDACTED_TOKENS_KEPT, redactError } from "../../../src/core/redact";
import { paypalWith, prolifiWith, tokenResponse } from "../../helpers/clients";
import { pastUsagePage, SUBSCRIPTION, USAGE_BODY } from "../../helpers/fixtures";
import { jsonResponse } from "../../helpers/mock-fetch";

const CUSTOMER_ID = "9b2f2c6e-3f1d-4c8e-9a57-1f0c2d3e4b5a";
const later = <T>(value: () => T) => new Promise<T>((resolve) => setTimeout(() => resolve(value()), 1));
const listeners = (signal: AbortSignal) => getEventListeners(signal, "abort").length;

let warnings: Error[] = [];
const onWarning = (warning: Error) => warnings.push(warning);
beforeEach(() => {
  warnings = [];
  process.on("warning", onWarning);
});
afterEach(() => {
  process.off("warning", onWarning);
});

describe("one AbortSignal shared by a batch", () => {
  test("1,000 concurrent Prolifi calls, each retried once, leave its listener count at zero and print no warning", async () => {
    const { signal } = new AbortController();
    const { client } = prolifiWith((_request, n) =>
      later(() => (n <= 1_000 ? jsonResponse(503, {}, { "retry-after-ms": "1" }) : jsonResponse(200, USAGE_BODY))),
    );
    let most = 0;
    const calls = Array.from({ length: 1_000 }, () => client.getCustomerUsage(CUSTOMER_ID, {}, { signal }));
    const watching = setInterval(() => {
      most = Math.max(most, listeners(signal));
    }, 0);
    await Promise.all(calls);
    clearInterval(watching);
    expect(most).toBe(1);
    expect(listeners(signal)).toBe(0);
    // Warnings are emitted on the next tick.
    await new Promise((resolve) => setImmediate(resolve));
    expect(warnings.map((w) => w.name)).toEqual([]);
  });

  test("1,000 cold PayPal calls waiting on one token leave no listener behind", async () => {
    const { signal } = new AbortController();
    const paypal = paypalWith(
      () => later(() => jsonResponse(200, pastUsagePage(1, 1))),
      {},
      () => later(() => tokenResponse()),
    );
    await Promise.all(
      Array.from({ length: 1_000 }, () => paypal.client.getPastUsage("cust_42", SUBSCRIPTION, { signal })),
    );
    expect(paypal.tokenRequests).toBe(1);
    expect(listeners(signal)).toBe(0);
    await new Promise((resolve) => setImmediate(resolve));
    expect(warnings.map((w) => w.name)).toEqual([]);
  });

  test("aborting it ends every call that shares it, once each", async () => {
    const controller = new AbortController();
    // A fetch that answers only by failing when its signal aborts, as a real one does.
    const { client } = prolifiWith(
      (request) =>
        new Promise<Response>((_, reject) =>
          request.signal.addEventListener("abort", () => reject(request.signal.reason)),
        ),
    );
    const calls = Array.from({ length: 50 }, () =>
      client.getCustomerUsage(CUSTOMER_ID, {}, { signal: controller.signal }).catch((e: unknown) => e),
    );
    await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort();
    const errors = await Promise.all(calls);
    expect(new Set(errors.map((e) => (e as Error).name))).toEqual(new Set(["RequestAbortedError"]));
    expect(listeners(controller.signal)).toBe(0);
  });

  test("onAbort: each watcher runs once, a stopped one never, and the last to stop removes the listener", () => {
    const controller = new AbortController();
    const ran: string[] = [];
    const stopA = onAbort(controller.signal, () => ran.push("a"));
    onAbort(controller.signal, () => ran.push("b"));
    const stopC = onAbort(controller.signal, () => ran.push("c"));
    expect(listeners(controller.signal)).toBe(1);
    stopA();
    controller.abort();
    stopC();
    expect(ran).toEqual(["b", "c"]);
    expect(listeners(controller.signal)).toBe(0);
  });
});

describe("secrets held for redaction", () => {
  test(`100,000 token rotations leave only the newest ${REDACTED_TOKENS_KEPT} held`, () => {
    const redactor = createRedactor();
    redactor.add("sk_test_FIXEDsecret000");
    const token = (n: number) => `A21AA-rotating-token-${n}`;
    for (let n = 1; n <= 100_000; n++) redactor.addToken(token(n));
    const newest = Array.from({ length: REDACTED_TOKENS_KEPT }, (_, i) => token(100_000 - i));
    for (const held of newest) expect(redactor.redact(`x ${held} y`)).toBe("x [redacted] y");
    // The one just older than the window is no longer held (and so no longer in memory here).
    const dropped = token(100_000 - REDACTED_TOKENS_KEPT);
    expect(redactor.redact(`x ${dropped} y`)).toBe(`x ${dropped} y`);
    expect(redactor.redact("sk_test_FIXEDsecret000")).toBe("[redacted]");
  });

  test("a token seen again is held once, so it takes one place of the window", () => {
    const redactor = createRedactor();
    const tokens = Array.from({ length: REDACTED_TOKENS_KEPT }, (_, n) => `A21AA-window-token-${n}`);
    for (const token of tokens) redactor.addToken(token);
    redactor.addToken(tokens[0] as string);
    redactor.addToken("A21AA-window-token-newest");
    // The oldest left the window when the newest came; the one after it is still held.
    expect(redactor.redact(tokens[0] as string)).toBe(tokens[0]);
    expect(redactor.redact(tokens[1] as string)).toBe("[redacted]");
    expect(redactor.redact("A21AA-window-token-newest")).toBe("[redacted]");
  });

  test("a held token is taken out of an error's message, stack, fields and cause chain", () => {
    const redactor = createRedactor();
    const token = "A21AA-held-token-123456";
    redactor.addToken(token);
    for (let n = 0; n < REDACTED_TOKENS_KEPT - 1; n++) redactor.addToken(`A21AA-later-token-${n}`);
    const inner = Object.assign(new Error(`socket said Bearer ${token}`), { code: "ECONNRESET", header: token });
    const error = new ConnectionError(redactor.redact(`GET failed: ${token}`), {
      cause: redactError(new TypeError(`fetch failed for ${token}`, { cause: inner }), redactor),
    });
    const renderings = [error.message, String(error.stack), inspect(error, { depth: 8 }), JSON.stringify(error)];
    for (const text of renderings) expect(text).not.toContain(token);
    const cause = error.cause as Error & { cause: Error & { code: string; header: string } };
    expect(cause.cause.code).toBe("ECONNRESET");
    expect(cause.cause.header).toBe("[redacted]");
  });
});
