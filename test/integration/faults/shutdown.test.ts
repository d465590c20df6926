// A process whose call is aborted during a long retry wait exits at once: the wait's timer is
// cleared with the call, so a SIGTERM handler that aborts everything and lets the event loop drain
// really shuts down. Run as a real child process, since "the process exits" is the claim.
import { spawn } from "node:child_process";
import { afterEach, describe, expect, test } from "vitest";
import { CHILD_PROCESS_TEST_TIMEOUT_MS } from "../../helpers/child-process";
import { type FaultServer, json, startFaultServer } from "../../helpers/fault-server";

let server: FaultServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Runs the child to its exit; resolves to its exit code and the JSON line it printed. */
function runChild(baseUrl: string): Promise<{ code: number | null; report: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [new URL("./abort-exit-child.mjs", import.meta.url).pathname], {
      env: { ...process.env, BASE_URL: baseUrl },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, report: JSON.parse(out.trim().split("\n").pop() ?? "{}") }));
  });
}

describe("shutting down", () => {
  test(
    "a call aborted while waiting out Retry-After: 30 leaves nothing running, and its process exits",
    async () => {
      server = await startFaultServer((_req, res) => json(res, 429, {}, { "retry-after": "30" }));
      const { code, report } = await runChild(`${server.url}/api/v1/public`);
      expect(code).toBe(0);
      expect(report.error).toBe("RequestAbortedError");
      expect(server.count).toBe(1);
      // No timer of the client's is left: the same timers as before the call (none). The rest of
      // the list is the process's own (its stdout pipe, a pending file close), not the client's.
      const timers = (list: unknown) => (list as string[]).filter((kind) => kind === "Timeout");
      expect(timers(report.baseline)).toEqual([]);
      expect(timers(report.left)).toEqual([]);
      // A timer left behind would hold the process for the whole 30 s wait.
      expect(report.exitMs).toBeLessThan(10_000);
    },
    CHILD_PROCESS_TEST_TIMEOUT_MS,
  );
});
