#!/usr/bin/env node
// Prism mocks of every spec, to develop and test against until Ctrl-C (or SIGTERM) stops them.
// Each answers with the spec's examples, checks requests against the spec, and turns a response
// that breaks its own schema into a 500.
//
//   npm run mock                   free ports, printed
//   npm run mock -- --port 4010    4010, 4011, ... in redocly.yaml's order
import { parseArgs } from "node:util";
import { listApis } from "./lib/apis.mjs";
import { startPrism } from "./lib/prism.mjs";

const HIGHEST_PORT = 65_535;
const apis = Object.entries(listApis());

const { values } = parseArgs({ options: { port: { type: "string" } } });
const firstPort = values.port === undefined ? undefined : Number(values.port);
if (firstPort !== undefined && !(Number.isInteger(firstPort) && firstPort >= 1 && firstPort + apis.length - 1 <= HIGHEST_PORT)) {
  console.error(`mock: --port must be a whole number from 1 to ${HIGHEST_PORT - apis.length + 1} (got ${values.port})`);
  process.exit(2);
}

const mocks = [];
const stopAll = async () => {
  await Promise.all(mocks.map((mock) => mock.stop()));
  console.log(`Stopped the Prism mocks (pids ${mocks.map((mock) => mock.pid).join(", ")}).`);
};

try {
  for (const [index, [name, api]] of apis.entries()) {
    const mock = await startPrism(api.spec, firstPort === undefined ? {} : { port: firstPort + index });
    mocks.push(mock);
    console.log(`${name.padEnd(16)} ${mock.url}   (${api.spec}, pid ${mock.pid})`);
  }
} catch (error) {
  console.error(`mock: ${error instanceof Error ? error.message : String(error)}`);
  await stopAll();
  process.exit(1);
}

console.log(`
Point a client at one with baseUrl, e.g. createProlifiClient({ apiKey: "pk_test_anything", baseUrl }).
A request header picks the answer: Prefer: code=429, or Prefer: example=page2 for PayPal's second page.
Ctrl-C stops them.`);

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, async () => {
    await stopAll();
    process.exit(0);
  });
}
