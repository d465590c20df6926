#!/usr/bin/env node
// Mock servers of both APIs (billing-usage/mock: Prism on each spec, behind a front that pages PayPal's
// lists), to develop and test against until Ctrl-C or any other stop signal.
//
//   npm run mock                   free ports, printed
//   npm run mock -- --port 4010    Prolifi on 4010, PayPal on 4011
import { parseArgs } from "node:util";
import { startMocks } from "../dist/mock.js";

const USAGE = "usage: npm run mock [-- --port <first port>]";
const STOP_SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"];
/**
 * npm runs this script through `sh -c`, and a signal to npm reaches the shell, which may die without
 * passing it on. Then this process has a new parent, and stops as if it had been signalled.
 */
const PARENT_CHECK_MS = 500;

function usageError(message) {
  console.error(`mock: ${message}\n${USAGE}`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({ options: { port: { type: "string" }, help: { type: "boolean", short: "h" } } }));
} catch (error) {
  usageError(error.message.split("\n")[0]);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (values.port !== undefined && !/^\d+$/.test(values.port))
  usageError(`--port takes a port number, got ${values.port}`);

// Stop requests are taken from the start: a signal, or the shell going away, while Prism is still
// starting waits for the start to finish, then stops everything it started (no Prism is orphaned).
let mocks;
let stopRequested;
async function stop() {
  await mocks.stop();
  console.log(
    `Stopped the Prism mocks (pids ${mocks.prolifi.prismPid}, ${mocks.paypal.prismPid}) on ${stopRequested}.`,
  );
  process.exit(0);
}
function requestStop(why) {
  if (stopRequested) return;
  stopRequested = why;
  if (mocks) void stop();
}
for (const signal of STOP_SIGNALS) process.once(signal, () => requestStop(signal));
const parent = process.ppid;
setInterval(() => process.ppid !== parent && requestStop("parent exit"), PARENT_CHECK_MS).unref();

// Printed once the parent is known, so a caller can tell that a stop from here on is noticed.
console.log("Starting a Prism mock of each spec...");
try {
  mocks = await startMocks(values.port === undefined ? {} : { port: Number(values.port) });
} catch (error) {
  const invalid = error?.name === "InvalidInputError";
  if (invalid) usageError(`--${error.message}`);
  console.error(`mock: ${error?.message ?? String(error)}`);
  process.exit(1);
}
if (stopRequested) await stop();
// The interval above does not hold the process open; this does, until a stop.
setInterval(() => {}, 1 << 30);

const { prolifi, paypal } = mocks;
console.log(`Prolifi  ${prolifi.baseUrl}   (${prolifi.spec}, Prism pid ${prolifi.prismPid})
PayPal   ${paypal.baseUrl}   (${paypal.spec}, Prism pid ${paypal.prismPid})

Point each client at its mock with baseUrl, exactly as printed (any key or credentials of the right shape):

  createProlifiClient({ apiKey: "pk_test_mock", baseUrl: "${prolifi.baseUrl}" })
  createPayPalBillingClient({ clientId: "mock", clientSecret: "mock", baseUrl: "${paypal.baseUrl}" })

PayPal's past usage pages by page/per_page over the spec's example periods. A request header picks
another answer: Prefer: code=429 (pass maxRetries: 0, or the client waits out Retry-After), code=404, ...
Ctrl-C stops them.`);
