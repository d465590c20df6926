// Anything a caller can put into a PayPal URL either fails as InvalidInputError before any request
// (the token request included), or reaches the server exactly as given.
import fc from "fast-check";
import { afterAll, describe, expect, test } from "vitest";
import { createPayPalBillingClient, InvalidInputError } from "../../../src/paypal/index";
import { ACCESS_TOKEN, pastUsagePage } from "../../helpers/fixtures";
import { CASES_PER_PROPERTY, casesRun, countCases, hostileString, MIN_EACH_OUTCOME } from "../../helpers/fuzz";
import { jsonResponse, mockFetch } from "../../helpers/mock-fetch";

const RUNS = CASES_PER_PROPERTY;
const PATH = /^\/v1\/commerce\/billing\/customers\/([^/]*)\/past_usage$/;
const externalId = fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/);

function setup() {
  const mock = mockFetch(() => jsonResponse(200, pastUsagePage(1, 1)));
  // A fixed token: no token request, so every request recorded is a data request.
  const client = createPayPalBillingClient({
    accessToken: ACCESS_TOKEN,
    environment: "sandbox",
    fetch: mock.fetch,
    maxRetries: 0,
    logLevel: "off",
  });
  return { mock, client };
}

async function outcome(call: () => Promise<unknown>, sent: () => number): Promise<"refused" | "sent"> {
  try {
    await call();
    return "sent";
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    expect(sent()).toBe(0);
    return "refused";
  }
}

afterAll(() => {
  console.log(`fuzz: ${casesRun()} generated cases run in paypal-inputs.fuzz.test.ts`);
});

describe("PayPal inputs, fuzzed", () => {
  test("an external customer id is refused, or sent as exactly one path segment", async () => {
    const seen = { refused: 0, sent: 0 };
    // One client per property: each case starts from an empty request log.
    const { mock, client } = setup();
    await fc.assert(
      fc.asyncProperty(hostileString(externalId), async (id) => {
        mock.requests.length = 0;
        const result = await outcome(
          () => client.getPastUsage(id, { subscription_id: "sub_7" }),
          () => mock.requests.length,
        );
        seen[result] += 1;
        if (result === "refused") return;
        const url = new URL(mock.requests[0]?.url ?? "");
        expect(decodeURIComponent(PATH.exec(url.pathname)?.[1] ?? "\u0000")).toBe(id);
        expect([...url.searchParams.keys()]).toEqual(["subscription_id"]);
        expect(url.hash).toBe("");
      }),
      { numRuns: RUNS },
    );
    countCases(RUNS);
    expect(seen.refused).toBeGreaterThanOrEqual(MIN_EACH_OUTCOME);
    expect(seen.sent).toBeGreaterThanOrEqual(MIN_EACH_OUTCOME);
  });

  test("a subscription id is refused, or sent as exactly one query value", async () => {
    const seen = { refused: 0, sent: 0 };
    // One client per property: each case starts from an empty request log.
    const { mock, client } = setup();
    await fc.assert(
      fc.asyncProperty(
        hostileString(externalId),
        fc.option(fc.integer({ min: -5, max: 200 }), { nil: undefined }),
        async (subscriptionId, perPage) => {
          mock.requests.length = 0;
          const query =
            perPage === undefined
              ? { subscription_id: subscriptionId }
              : { subscription_id: subscriptionId, per_page: perPage };
          const result = await outcome(
            () => client.getPastUsage("cust_42", query),
            () => mock.requests.length,
          );
          seen[result] += 1;
          if (result === "refused") return;
          const url = new URL(mock.requests[0]?.url ?? "");
          expect(url.searchParams.getAll("subscription_id")).toEqual([subscriptionId]);
          expect(url.searchParams.get("per_page")).toBe(perPage === undefined ? null : String(perPage));
          expect(PATH.exec(url.pathname)?.[1]).toBe("cust_42");
        },
      ),
      { numRuns: RUNS },
    );
    countCases(RUNS);
    expect(seen.refused).toBeGreaterThanOrEqual(MIN_EACH_OUTCOME);
    expect(seen.sent).toBeGreaterThanOrEqual(MIN_EACH_OUTCOME);
  });
});
