#!/usr/bin/env node
// Prism mocks of every spec, to develop and test against until Ctrl-C (or SIGTERM) stops them.
// Each answers with the spec's examples, checks requests against the spec, and turns a response
// that breaks its own schema into a 500.
//
//   npm run mock                   free ports, printed
//   npm run mock -- --port 4010    4010, 4011, ... in redocly.yaml's order
import { parseArgs } from "node:util";
import { listApis } from "./lib/apis.mjs";
import { startPrisms } from "./lib/prism.mjs";

const HIGHEST_PORT = 65_535;
const apiCount = Object.keys(listApis()).length;

const { values } = parseArgs({ options: { port: { type: "string" } } });
const firstPort = values.port === undefined ? undefined : Number(values.port);
if (
  firstPort !== undefined &&
  !(Number.isInteger(firstPort) && firstPort >= 1 && firstPort + apiCount - 1 <= HIGHEST_PORT)
) {
  console.error(`mock: --port must be a whole number from 1 to ${HIGHEST_PORT - apiCount + 1} (got ${values.port})`);
  process.exit(2);
}

let started;
try {
  started = await startPrisms({ firstPort });
} catch (error) {
  console.error(`mock: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
const mocks = Object.entries(started.mocks);
for (const [name, mock] of mocks) console.log(`${name.padEnd(16)} ${mock.url}   (${mock.spec}, pid ${mock.pid})`);

console.log(`
Point a client at one with baseUrl, e.g. createProlifiClient({ apiKey: "pk_test_anything", baseUrl }).
A request header picks the answer: Prefer: code=429, or Prefer: example=page2 for PayPal's second page.
Ctrl-C stops them.`);

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, async () => {
    await started.stop();
    console.log(`Stopped the Prism mocks (pids ${mocks.map(([, mock]) => mock.pid).join(", ")}).`);
    process.exit(0);
  });
}
