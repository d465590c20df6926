// A real Redis (Debian's redis-server) for a test: on a free loopback port, in a temp folder, with
// nothing saved to disk, stopped by its PID. `redisServerPath()` says whether this machine has one.
import { type ChildProcess, spawn } from "node:child_process";
import { accessSync, constants, mkdtempSync, rmSync } from "node:fs";
import { createConnection } from "node:net";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { closedPortUrl } from "./fault-server";

const START_TIMEOUT_MS = 10_000;

/** The redis-server binary on PATH, or undefined. */
export function redisServerPath(): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    const candidate = join(dir, "redis-server");
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not in this folder.
    }
  }
  return undefined;
}

/** Whether a Redis answers PING on this port. */
function pings(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port });
    const done = (answer: boolean) => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(500, () => done(false));
    socket.on("error", () => done(false));
    socket.on("connect", () => socket.write("PING\r\n"));
    socket.on("data", (data) => done(String(data).startsWith("+PONG")));
  });
}

/** A reply of the commands tests send: a status or bulk string, nil, or an array of those. */
type Reply = string | null | Reply[];

/** Parses one RESP reply from the start of `text`; undefined while it is incomplete. */
function parseReply(text: string): { reply: Reply; rest: string } | undefined {
  const end = text.indexOf("\r\n");
  if (end < 0) return undefined;
  const [kind, head, after] = [text[0], text.slice(1, end), text.slice(end + 2)];
  if (kind === "+" || kind === ":") return { reply: head, rest: after };
  if (kind === "-") throw new Error(`redis: ${head}`);
  const length = Number(head);
  if (kind === "$") {
    if (length < 0) return { reply: null, rest: after };
    return after.length < length + 2 ? undefined : { reply: after.slice(0, length), rest: after.slice(length + 2) };
  }
  const items: Reply[] = [];
  let rest = after;
  for (let i = 0; i < length; i++) {
    const item = parseReply(rest);
    if (!item) return undefined;
    items.push(item.reply);
    rest = item.rest;
  }
  return { reply: items, rest };
}

/** One command on a fresh connection, in plain RESP: no Redis client library needed by the test. */
export function redisCommand(port: number, ...args: string[]): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const socket = createConnection({ host: "127.0.0.1", port });
    let received = "";
    socket.on("error", reject);
    socket.on("connect", () =>
      socket.write(`*${args.length}\r\n${args.map((arg) => `$${Buffer.byteLength(arg)}\r\n${arg}\r\n`).join("")}`),
    );
    socket.on("data", (chunk) => {
      received += String(chunk);
      try {
        const parsed = parseReply(received);
        if (!parsed) return;
        socket.destroy();
        resolve(parsed.reply);
      } catch (error) {
        socket.destroy();
        reject(error);
      }
    });
  });
}

export interface RedisServer {
  url: string;
  port: number;
  readonly pid: number | undefined;
  /** Kills the server at once (SIGKILL), as a crash would; `start()` brings it back on the same port. */
  kill(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export async function startRedisServer(): Promise<RedisServer> {
  const binary = redisServerPath();
  if (!binary) throw new Error("no redis-server on PATH");
  const port = Number(new URL(await closedPortUrl()).port);
  const dir = mkdtempSync(join(tmpdir(), "billing-usage-redis-"));
  let child: ChildProcess | undefined;
  let exited: Promise<unknown> = Promise.resolve();

  async function start(): Promise<void> {
    const args = ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir];
    child = spawn(binary as string, args, { stdio: "ignore" });
    const running = child;
    exited = new Promise((resolve) => running.once("exit", resolve));
    const startedAt = Date.now();
    while (!(await pings(port))) {
      if (running.exitCode !== null) throw new Error(`redis-server exited with ${running.exitCode}`);
      if (Date.now() - startedAt > START_TIMEOUT_MS) throw new Error(`redis-server did not answer on ${port}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async function end(signal: NodeJS.Signals): Promise<void> {
    if (child && child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  }

  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    get pid() {
      return child?.pid;
    },
    kill: () => end("SIGKILL"),
    start,
    async stop() {
      await end("SIGTERM");
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
