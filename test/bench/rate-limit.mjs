// The fleet rate-limit benchmark: 4 processes × 200 Prolifi calls, 10 at a time each, against a
// vendor that allows 50 requests/s (a token bucket; beyond it 429 with Retry-After: 1). Three runs:
// no limiter (the baseline), createRedisRateLimiter at 50/s, and the same with Redis SIGKILLed
// mid-run. Each prints the 429s the vendor sent, the wall time against the ideal 800 / 50 = 16 s,
// failed calls, and the limiters' warnings. `npm run bench:fleet` (`-- --write` for RESULTS.md).
import { fork, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createConnection, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { QUICK, RATE_LIMIT_HEADING, startServer, writeSection } from "./lib.mjs";

const PROCESSES = 4;
const CALLS = QUICK ? 50 : 200;
const CONCURRENCY = 10;
const RATE = 50;
const IDEAL_S = (PROCESSES * CALLS) / RATE;

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const pings = (port) =>
  new Promise((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port });
    socket.on("error", () => resolve(false));
    socket.on("connect", () => socket.write("PING\r\n"));
    socket.on("data", () => {
      socket.destroy();
      resolve(true);
    });
  });

/** Debian's redis-server on a free port, nothing saved; stopped by PID. */
async function startRedis() {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), "bench-redis-"));
  const child = spawn(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir],
    {
      stdio: "ignore",
    },
  );
  while (!(await pings(port))) await new Promise((resolve) => setTimeout(resolve, 50));
  return {
    url: `redis://127.0.0.1:${port}`,
    kill: () => child.kill("SIGKILL"),
    stop: () => {
      child.kill("SIGTERM");
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Starts the fleet, all processes at once; resolves to each one's report and the wall time. */
async function runFleet(config, { killRedisAfterMs } = {}) {
  const workers = Array.from({ length: PROCESSES }, () =>
    fork(new URL("./rate-limit-worker.mjs", import.meta.url), [JSON.stringify(config)], {
      stdio: ["ignore", "pipe", "inherit", "ipc"],
    }),
  );
  const reports = workers.map(
    (worker) =>
      new Promise((resolve) => {
        let out = "";
        worker.stdout.on("data", (chunk) => (out += chunk));
        worker.on("exit", () => resolve(JSON.parse(out.trim().split("\n").pop())));
      }),
  );
  await Promise.all(workers.map((worker) => new Promise((resolve) => worker.once("message", resolve))));
  const started = performance.now();
  for (const worker of workers) worker.send("go");
  const kill = killRedisAfterMs === undefined ? undefined : setTimeout(config.killRedis, killRedisAfterMs);
  const done = await Promise.all(reports);
  clearTimeout(kill);
  return { reports: done, seconds: (performance.now() - started) / 1000 };
}

const server = await startServer();
const rows = [];
try {
  for (const run of ["no limiter", "createRedisRateLimiter at 50/s", "the same, Redis SIGKILLed mid-run"]) {
    const redis = run === "no limiter" ? undefined : await startRedis();
    try {
      await server.configure({ limitPerSecond: RATE });
      const config = {
        baseUrl: server.baseUrl,
        redisUrl: redis?.url,
        calls: CALLS,
        concurrency: CONCURRENCY,
        rate: RATE,
      };
      const killMidRun = run.includes("SIGKILL") ? { killRedisAfterMs: (IDEAL_S * 1000) / 3 } : {};
      const { reports, seconds } = await runFleet({ ...config, killRedis: () => redis?.kill() }, killMidRun);
      const { rateLimited, dataRequests } = await server.stats();
      rows.push({
        run,
        calls: PROCESSES * CALLS,
        "429s": rateLimited,
        "429s %": Number(((100 * rateLimited) / dataRequests).toFixed(1)),
        "wall s": Number(seconds.toFixed(1)),
        "× ideal": Number((seconds / IDEAL_S).toFixed(2)),
        "failed calls": reports.reduce((sum, r) => sum + r.failed, 0),
        "warnings per process": reports.map((r) => r.warnings).join(" "),
      });
    } finally {
      redis?.stop();
    }
  }
} finally {
  server.stop();
}
console.log(
  `rate-limit: ${PROCESSES} processes × ${CALLS} calls, ${CONCURRENCY} at a time each, vendor allows ${RATE}/s; ideal ${IDEAL_S} s`,
);
console.table(rows);
if (process.argv.includes("--write")) {
  const columns = Object.keys(rows[0]);
  writeSection(RATE_LIMIT_HEADING, [
    `\`npm run bench:fleet -- --write\` on ${new Date().toISOString().slice(0, 10)}, Node ${process.version}: ${PROCESSES} processes ×`,
    `${CALLS} Prolifi calls, ${CONCURRENCY} at a time each, against a loopback vendor allowing ${RATE} requests/s (a token bucket;`,
    `beyond it 429 with \`Retry-After: 1\`). Ideal wall time ${PROCESSES * CALLS} / ${RATE} = ${IDEAL_S} s. Clients retry as by default (2 retries).`,
    "",
    `| ${columns.join(" | ")} |`,
    `|${columns.map(() => "---").join("|")}|`,
    ...rows.map((row) => `| ${columns.map((c) => row[c]).join(" | ")} |`),
  ]);
}
