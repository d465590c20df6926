// Every error path, triggered with a recognisable key: the key must appear in no message, stack,
// string form, JSON form or inspection of the error, in no inspection of the client, and in no
// line logged at the most verbose level.
import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createProlifiClient, type ProlifiClientOptions } from "../../../src/prolifi/index";
import { closedPortUrl, type FaultServer, json, startFaultServer } from "../../helpers/fault-server";
import { CUSTOMER_ID, SECRET_KEY } from "../../helpers/fixtures";
import { captureLogger } from "../../helpers/logger";

let server: FaultServer;
let refused: string;

// One server, many behaviours: the event_name query parameter picks the fault.
beforeAll(async () => {
  refused = await closedPortUrl();
  server = await startFaultServer((req, res) => {
    const fault = new URL(req.url ?? "/", "http://x").searchParams.get("event_name");
    switch (fault) {
      case "echo-401":
        return json(res, 401, {
          error: { type: "authentication_error", message: `Invalid API key ${req.headers.authorization}` },
        });
      case "echo-text":
        res.writeHead(400, { "content-type": "text/plain" });
        return res.end(`bad key: ${req.headers.authorization}`);
      case "hour-429":
        return json(res, 429, { error: { type: "rate_limit_error", message: "later" } }, { "retry-after": "3600" });
      case "always-500":
        return json(res, 500, { error: { type: "api_error", message: "boom" } });
      case "html-502":
        res.writeHead(502, { "content-type": "text/html" });
        return res.end("<html>bad gateway</html>");
      case "broken-json":
        res.writeHead(200, { "content-type": "application/json" });
        return res.end("{");
      case "reset":
        return req.socket.destroy();
      case "stall-body":
        res.writeHead(200, { "content-type": "application/json" });
        return res.write("{");
      case "stall":
        return undefined;
      default:
        return json(res, 200, { data: [] });
    }
  });
});
afterAll(() => server.close());

interface Scenario {
  name: string;
  options?: Partial<ProlifiClientOptions> | (() => Partial<ProlifiClientOptions>);
  run: (client: ReturnType<typeof createProlifiClient>) => Promise<unknown>;
}

const usage =
  (event_name: string, extra: Parameters<ReturnType<typeof createProlifiClient>["getCustomerUsage"]>[2] = {}) =>
  (client: ReturnType<typeof createProlifiClient>) =>
    client.getCustomerUsage(CUSTOMER_ID, { event_name }, extra);

const scenarios: Scenario[] = [
  { name: "a 401 whose body echoes the key", run: usage("echo-401") },
  { name: "a text 400 that echoes the key", run: usage("echo-text") },
  { name: "a 429 asking for an hour", run: usage("hour-429") },
  { name: "500 until retries run out", options: { maxRetries: 1 }, run: usage("always-500") },
  { name: "an HTML 502", options: { maxRetries: 0 }, run: usage("html-502") },
  { name: "broken JSON on a 200", run: usage("broken-json") },
  { name: "a reset connection", options: { maxRetries: 0 }, run: usage("reset") },
  { name: "a stalled body", options: { timeoutMs: 100, maxRetries: 0 }, run: usage("stall-body") },
  { name: "no answer before the deadline", options: { deadlineMs: 100 }, run: usage("stall") },
  { name: "an abort", run: usage("stall", { signal: AbortSignal.timeout(50) }) },
  { name: "a refused connection", options: () => ({ baseUrl: refused, maxRetries: 0 }), run: usage("ok") },
  { name: "a bad customer id", run: (c) => c.getCustomerUsage("not-a-uuid") },
  { name: "a header value with CR/LF", run: usage("ok", { headers: { "X-Trace": `${SECRET_KEY}\r\nInjected: 1` } }) },
];

function everyRendering(value: unknown): string[] {
  const error = value as Error;
  return [
    error.message,
    String(error.stack),
    String(error),
    JSON.stringify(error),
    inspect(error, { depth: Infinity, showHidden: true }),
    inspect(error, { depth: Infinity }),
  ];
}

describe("secrets", () => {
  test.each(scenarios.map((s) => [s.name, s] as const))(
    "%s: the key appears in no error rendering and no log line",
    async (_name, scenario) => {
      const capture = captureLogger();
      const options = typeof scenario.options === "function" ? scenario.options() : scenario.options;
      const client = createProlifiClient({
        apiKey: SECRET_KEY,
        baseUrl: server.url,
        logger: capture.logger,
        logLevel: "debug",
        ...options,
      });
      let caught: unknown;
      try {
        await scenario.run(client);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(Error);
      for (const text of everyRendering(caught)) expect(text).not.toContain(SECRET_KEY);
      expect(inspect(client, { depth: Infinity, showHidden: true })).not.toContain(SECRET_KEY);
      expect(JSON.stringify(capture.lines)).not.toContain(SECRET_KEY);
      expect(inspect(capture.lines, { depth: Infinity })).not.toContain(SECRET_KEY);
    },
  );

  test("a malformed key is refused without echoing it", () => {
    const almost = "sk_prod_SECRETkey0123456789abcdef";
    let caught: unknown;
    try {
      createProlifiClient({ apiKey: almost });
    } catch (error) {
      caught = error;
    }
    for (const text of everyRendering(caught)) expect(text).not.toContain("SECRETkey0123456789abcdef");
  });

  test("an echoed key is redacted in the error body too", async () => {
    const client = createProlifiClient({ apiKey: SECRET_KEY, baseUrl: server.url, logLevel: "off" });
    const error = await client.getCustomerUsage(CUSTOMER_ID, { event_name: "echo-401" }).catch((e: unknown) => e);
    expect(error).toMatchObject({ body: { error: { message: "Invalid API key Bearer [redacted]" } } });
  });
});
