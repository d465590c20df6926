// `npm run mock`: Prism on every spec until SIGTERM, then nothing left running.
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, test } from "vitest";
import { projectRoot } from "../../../scripts/lib/apis.mjs";
import { CHILD_PROCESS_TEST_TIMEOUT_MS } from "../../helpers/child-process";
import { CUSTOMER_ID, PUBLIC_KEY } from "../../helpers/fixtures";
import { isRunning } from "../../helpers/process";

const run = promisify(execFile);
/** Waits on `npm run mock` printing its banner: Prism's start, under whatever load the machine has. */
const STARTUP_TIMEOUT_MS = CHILD_PROCESS_TEST_TIMEOUT_MS / 2;

/** Resolves with everything printed once `marker` has been printed. */
function printed(child: ChildProcess, marker: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(
      () => reject(new Error(`no "${marker}" within ${STARTUP_TIMEOUT_MS} ms:\n${output}`)),
      STARTUP_TIMEOUT_MS,
    );
    child.stdout?.on("data", (chunk: Buffer) => {
      output += String(chunk);
      if (output.includes(marker)) {
        clearTimeout(timer);
        resolve(output);
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before "${marker}":\n${output}`));
    });
  });
}

describe("the mock servers (npm run mock)", { timeout: CHILD_PROCESS_TEST_TIMEOUT_MS }, () => {
  test("serve both specs until SIGTERM, then stop every Prism they started", async () => {
    const child = spawn(process.execPath, ["scripts/mock.mjs"], {
      cwd: projectRoot,
      stdio: ["ignore", "pipe", "inherit"],
    });
    try {
      const banner = await printed(child, "Ctrl-C stops them.");
      const prolifi = /^prolifi\s+(http:\/\/127\.0\.0\.1:\d+)\s+\(spec\/prolifi\.yaml, pid (\d+)\)$/m.exec(banner);
      const paypal = /^paypal-billing\s+(http:\/\/127\.0\.0\.1:\d+)\s+\(spec\/paypal-billing\.yaml, pid (\d+)\)$/m.exec(
        banner,
      );
      expect(prolifi).not.toBeNull();
      expect(paypal).not.toBeNull();

      const usage = await fetch(`${prolifi?.[1]}/customers/${CUSTOMER_ID}/usage`, {
        headers: { Authorization: `Bearer ${PUBLIC_KEY}` },
      });
      expect(usage.status).toBe(200);
      expect(await usage.json()).toMatchObject({ data: expect.any(Array) });

      const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
      const goodbye = printed(child, "Stopped the Prism mocks");
      child.kill("SIGTERM");
      expect(await goodbye).toContain(`Stopped the Prism mocks (pids ${prolifi?.[2]}, ${paypal?.[2]}).`);
      expect(await exited).toBe(0);
      for (const pid of [prolifi?.[2], paypal?.[2]]) expect(isRunning(Number(pid))).toBe(false);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    }
  });

  test("refuses a --port that leaves no room for every spec, before starting anything", async () => {
    const failure = await run(process.execPath, ["scripts/mock.mjs", "--port", "65535"], { cwd: projectRoot }).catch(
      (e: unknown) => e as { code: number; stderr: string },
    );
    expect(failure).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("--port must be a whole number from 1 to 65534 (got 65535)"),
    });
  });
});
