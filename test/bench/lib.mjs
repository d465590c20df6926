// What every benchmark script shares: the loopback server in its own process, and the statistics.
import { fork } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

/** Starts server.mjs in a child process; `stop()` ends it. */
export async function startServer() {
  const child = fork(new URL("./server.mjs", import.meta.url), { stdio: ["ignore", "pipe", "inherit", "ipc"] });
  const port = await new Promise((resolve) =>
    child.stdout.once("data", (chunk) => resolve(Number(String(chunk).trim()))),
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    baseUrl,
    /** Sets pages / tokenDelayMs and zeroes the counters. */
    configure: (settings) => fetch(`${baseUrl}/__config?${new URLSearchParams(settings)}`).then((r) => r.json()),
    stats: () => fetch(`${baseUrl}/__stats`).then((r) => r.json()),
    stop: () => child.kill(),
  };
}

export const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};
export const median = (values) => quantile(values, 0.5);

/** Whether this is CI's short run (figures for the log, never a gate). */
export const QUICK = process.env.BENCH_QUICK === "1";

/** Whether the module at `url` is the script node was started with (each benchmark also runs alone). */
export const isMain = (url) => process.argv[1] !== undefined && url === pathToFileURL(process.argv[1]).href;

/** Runs one benchmark alone, against a server of its own, and prints its table. */
export async function runAlone(url, measure, print) {
  if (!isMain(url)) return;
  const server = await startServer();
  try {
    print(await measure(server));
  } finally {
    server.stop();
  }
}

/** The headings of RESULTS.md's sections that their own benchmarks write, and run.mjs keeps. */
export const SOAK_HEADING = "## Soak";
export const RATE_LIMIT_HEADING = "## Rate limits across a fleet";
export const KEPT_SECTIONS = [SOAK_HEADING, RATE_LIMIT_HEADING];

const RESULTS = new URL("./RESULTS.md", import.meta.url);

/** Replaces (or adds) RESULTS.md's section under `heading` with `lines`. */
export function writeSection(heading, lines) {
  const section = ["", heading, "", ...lines, ""].join("\n");
  const text = readFileSync(RESULTS, "utf8");
  const old = readSection(RESULTS, heading);
  writeFileSync(RESULTS, old ? text.replace(old, section) : `${text.trimEnd()}\n${section}`);
  console.log(`bench: wrote the "${heading.slice(3)}" section of test/bench/RESULTS.md`);
}

/** The section of a Markdown file from `heading` to the next `## ` heading or the end, or "". */
export function readSection(file, heading) {
  if (!existsSync(file)) return "";
  const text = readFileSync(file, "utf8");
  const start = text.indexOf(`\n${heading}\n`);
  if (start < 0) return "";
  const next = text.indexOf("\n## ", start + heading.length + 2);
  return text.slice(start, next < 0 ? undefined : next + 1);
}
