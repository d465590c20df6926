// Anything a caller can put into a Prolifi URL or header either fails as InvalidInputError before
// any request, or reaches the server exactly as given: one encoded path segment, one query value,
// one header value. No traversal, no query or fragment injection, no CR/LF inside a header.
import fc from "fast-check";
import { afterAll, afterEach, beforeEach, describe, expect, test } from "vitest";
import { InvalidInputError } from "../../../src/index";
import { createProlifiClient } from "../../../src/prolifi/index";
import { SECRET_KEY } from "../../helpers/fixtures";
import { CASES_PER_PROPERTY, casesRun, countCases, hostileString, MIN_EACH_OUTCOME } from "../../helpers/fuzz";
import { jsonResponse, mockFetch } from "../../helpers/mock-fetch";

const RUNS = CASES_PER_PROPERTY;
const USAGE_PATH = /^\/api\/v1\/public\/customers\/([^/]*)\/usage$/;

function setup() {
  const mock = mockFetch(() => jsonResponse(200, { data: [] }));
  const client = createProlifiClient({ apiKey: SECRET_KEY, fetch: mock.fetch, maxRetries: 0, logLevel: "off" });
  return { mock, client };
}

/** Both outcomes must really occur, or a property could pass by refusing everything. */
const outcomes = { refused: 0, sent: 0 };

/** Runs the call; true when it was refused as bad input (and then nothing may have been sent). */
async function refused(call: () => Promise<unknown>, sent: () => number): Promise<boolean> {
  try {
    await call();
    outcomes.sent += 1;
    return false;
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    expect(sent()).toBe(0);
    outcomes.refused += 1;
    return true;
  }
}

beforeEach(() => {
  outcomes.refused = 0;
  outcomes.sent = 0;
});

afterEach(() => {
  expect(outcomes.refused).toBeGreaterThanOrEqual(MIN_EACH_OUTCOME);
  expect(outcomes.sent).toBeGreaterThanOrEqual(MIN_EACH_OUTCOME);
});

afterAll(() => {
  console.log(`fuzz: ${casesRun()} generated cases run in ${expect.getState().testPath?.split("/").pop()}`);
});

describe("Prolifi inputs, fuzzed", () => {
  test("a customer id is refused, or sent as exactly one path segment", async () => {
    // One client per property: each case starts from an empty request log.
    const { mock, client } = setup();
    await fc.assert(
      fc.asyncProperty(hostileString(fc.uuid()), async (id) => {
        mock.requests.length = 0;
        if (
          await refused(
            () => client.getCustomerUsage(id),
            () => mock.requests.length,
          )
        )
          return;
        expect(mock.requests).toHaveLength(1);
        const url = new URL(mock.requests[0]?.url ?? "");
        const segment = USAGE_PATH.exec(url.pathname)?.[1];
        expect(segment).toBeDefined();
        expect(decodeURIComponent(segment ?? "")).toBe(id);
        expect(url.search).toBe("");
        expect(url.hash).toBe("");
      }),
      { numRuns: RUNS },
    );
    countCases(RUNS);
  });

  test("an event name is refused, or sent as exactly one query value", async () => {
    // One client per property: each case starts from an empty request log.
    const { mock, client } = setup();
    await fc.assert(
      fc.asyncProperty(hostileString(fc.constantFrom("api_call", "storage_gb_hour")), async (eventName) => {
        mock.requests.length = 0;
        if (
          await refused(
            () => client.getCustomerUsage("9b2f2c6e-3f1d-4c8e-9a57-1f0c2d3e4b5a", { event_name: eventName }),
            () => mock.requests.length,
          )
        )
          return;
        const url = new URL(mock.requests[0]?.url ?? "");
        expect([...url.searchParams.keys()]).toEqual(["event_name"]);
        // A lone surrogate cannot go into a URL, so it is refused, and whatever is sent arrives whole.
        expect(url.searchParams.get("event_name")).toBe(eventName);
        expect(USAGE_PATH.test(url.pathname)).toBe(true);
        expect(url.hash).toBe("");
      }),
      { numRuns: RUNS },
    );
    countCases(RUNS);
  });

  test("a header value is refused, or sent as exactly that value", async () => {
    // One client per property: each case starts from an empty request log.
    const { mock, client } = setup();
    await fc.assert(
      fc.asyncProperty(hostileString(fc.constantFrom("trace-1", "abc")), async (value) => {
        mock.requests.length = 0;
        if (
          await refused(
            () =>
              client.getCustomerUsage("9b2f2c6e-3f1d-4c8e-9a57-1f0c2d3e4b5a", {}, { headers: { "X-Trace": value } }),
            () => mock.requests.length,
          )
        )
          return;
        const sent = mock.requests[0]?.headers;
        // Fetch trims surrounding whitespace (CR and LF included) as HTTP says to; nothing else changes.
        const expected = value.replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, "");
        expect(sent?.get("x-trace")).toBe(expected);
        expect(expected).not.toMatch(/[\r\n\0]/);
        expect(sent?.get("authorization")).toBe(`Bearer ${SECRET_KEY}`);
      }),
      { numRuns: RUNS / 2 },
    );
    countCases(RUNS / 2);
  });
});
