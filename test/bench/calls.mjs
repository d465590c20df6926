#!/usr/bin/env node
// Per-call cost on loopback: raw fetch, bare openapi-fetch and this package's Prolifi client, each
// fetching the same ~2 KB JSON from a server in a child process. Contenders alternate in rounds so
// machine noise hits them alike; the figures are medians over rounds. A benchmark, not a test:
// it prints figures and asserts nothing. Run `npm run build` first; `npm run bench` does.
import { fork } from "node:child_process";
import createClient from "openapi-fetch";
import { createProlifiClient } from "../../dist/prolifi.js";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const CALLS_PER_ROUND = Number(process.env.BENCH_CALLS ?? 400);
const CUSTOMER = "9b2f2c6e-3f1d-4c8e-9a57-1f0c2d3e4b5a";

const server = fork(new URL("./server.mjs", import.meta.url), { stdio: ["ignore", "pipe", "inherit", "ipc"] });
const port = await new Promise((resolve) =>
  server.stdout.once("data", (chunk) => resolve(Number(String(chunk).trim()))),
);
const baseUrl = `http://127.0.0.1:${port}`;

const bare = createClient({ baseUrl });
const prolifi = createProlifiClient({ apiKey: "sk_test_benchmark123", baseUrl, logLevel: "off" });

const contenders = {
  "raw fetch + json()": async () =>
    (
      await fetch(`${baseUrl}/customers/${CUSTOMER}/usage`, {
        headers: { Authorization: "Bearer sk_test_benchmark123" },
      })
    ).json(),
  "openapi-fetch GET": () =>
    bare.GET("/customers/{id}/usage", {
      params: { path: { id: CUSTOMER } },
      headers: { Authorization: "Bearer sk_test_benchmark123" },
    }),
  "billing-usage getCustomerUsage": () => prolifi.getCustomerUsage(CUSTOMER),
};

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

async function round(call) {
  const startCpu = process.cpuUsage();
  const start = performance.now();
  for (let i = 0; i < CALLS_PER_ROUND; i++) await call();
  const cpu = process.cpuUsage(startCpu);
  return {
    wallUs: ((performance.now() - start) * 1000) / CALLS_PER_ROUND,
    cpuUs: (cpu.user + cpu.system) / CALLS_PER_ROUND,
  };
}

try {
  for (const call of Object.values(contenders)) for (let i = 0; i < 200; i++) await call(); // warm up
  const samples = Object.fromEntries(Object.keys(contenders).map((name) => [name, { wall: [], cpu: [] }]));
  for (let r = 0; r < ROUNDS; r++) {
    for (const [name, call] of Object.entries(contenders)) {
      const { wallUs, cpuUs } = await round(call);
      samples[name].wall.push(wallUs);
      samples[name].cpu.push(cpuUs);
    }
  }
  const raw = median(samples["raw fetch + json()"].wall);
  console.log(`Node ${process.version}, ${ROUNDS} rounds × ${CALLS_PER_ROUND} sequential calls, medians per call:`);
  console.table(
    Object.entries(samples).map(([name, s]) => ({
      contender: name,
      "wall (µs)": Math.round(median(s.wall)),
      "client CPU (µs)": Math.round(median(s.cpu)),
      "× raw fetch": (median(s.wall) / raw).toFixed(2),
    })),
  );
} finally {
  server.kill();
}
