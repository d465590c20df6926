// `npm run mock` (scripts/mock.mjs over billing-usage/mock): both specs served until any stop signal,
// or until the shell npm ran it through dies; nothing left running after; a busy port or a mistyped
// flag is a one-line error and a non-zero exit, before any Prism starts.
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { createServer, type Server } from "node:net";
import { promisify } from "node:util";
import { describe, expect, test } from "vitest";
import { projectRoot } from "../../../scripts/lib/apis.mjs";
import { createPayPalBillingClient } from "../../../src/paypal/index";
import { createProlifiClient } from "../../../src/prolifi/index";
import { CHILD_PROCESS_TEST_TIMEOUT_MS } from "../../helpers/child-process";
import { CUSTOMER_ID, SUBSCRIPTION } from "../../helpers/fixtures";
import { isRunning } from "../../helpers/process";

const run = promisify(execFile);
/** Waits on the banner: Prism's start, under whatever load the machine has. */
const STARTUP_TIMEOUT_MS = CHILD_PROCESS_TEST_TIMEOUT_MS / 2;
const MOCK_SCRIPT = "scripts/mock.mjs";

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

/** What the banner says: each mock's baseUrl and its Prism's pid. */
function readBanner(banner: string) {
  const line = (name: string, spec: string) => {
    const match = new RegExp(`^${name}\\s+(http://127\\.0\\.0\\.1:\\d+)\\s+\\(${spec}, Prism pid (\\d+)\\)$`, "m").exec(
      banner,
    );
    if (!match) throw new Error(`no ${name} line in:\n${banner}`);
    return { baseUrl: match[1] as string, pid: Number(match[2]) };
  };
  return { prolifi: line("Prolifi", "spec/prolifi\\.yaml"), paypal: line("PayPal", "spec/paypal-billing\\.yaml") };
}

const exitOf = (child: ChildProcess) =>
  new Promise<number | null>((resolve) =>
    child.exitCode !== null ? resolve(child.exitCode) : child.once("exit", (code) => resolve(code)),
  );

function listen(server: Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve((server.address() as { port: number }).port)),
  );
}

describe("the mock servers (npm run mock)", { timeout: CHILD_PROCESS_TEST_TIMEOUT_MS }, () => {
  test("print each client's exact baseUrl, page PayPal by per_page, and stop every Prism on SIGTERM", async () => {
    const child = spawn(process.execPath, [MOCK_SCRIPT], { cwd: projectRoot, stdio: ["ignore", "pipe", "inherit"] });
    try {
      const banner = await printed(child, "Ctrl-C stops them.");
      const { prolifi, paypal } = readBanner(banner);
      expect(banner).toContain(`createProlifiClient({ apiKey: "pk_test_mock", baseUrl: "${prolifi.baseUrl}" })`);
      expect(banner).toContain(
        `createPayPalBillingClient({ clientId: "mock", clientSecret: "mock", baseUrl: "${paypal.baseUrl}" })`,
      );

      // The printed options, as printed.
      const usage = await createProlifiClient({ apiKey: "pk_test_mock", baseUrl: prolifi.baseUrl }).getCustomerUsage(
        CUSTOMER_ID,
      );
      expect(usage.data.length).toBeGreaterThan(0);
      const client = createPayPalBillingClient({ clientId: "mock", clientSecret: "mock", baseUrl: paypal.baseUrl });
      const pages = [];
      for await (const page of client.listPastUsage("cust_42", { ...SUBSCRIPTION, per_page: 1 }).pages()) {
        pages.push([page.pageNumber, page.meta.total_pages, page.usage_periods[0]?.from_datetime]);
      }
      expect(pages).toEqual([
        [1, 4, "2023-12-01T00:00:00Z"],
        [2, 4, "2023-11-01T00:00:00Z"],
        [3, 4, "2023-10-01T00:00:00Z"],
        [4, 4, "2023-09-01T00:00:00Z"],
      ]);

      const exited = exitOf(child);
      const goodbye = printed(child, "Stopped the Prism mocks");
      child.kill("SIGTERM");
      expect(await goodbye).toContain(`Stopped the Prism mocks (pids ${prolifi.pid}, ${paypal.pid}) on SIGTERM.`);
      expect(await exited).toBe(0);
      for (const { pid } of [prolifi, paypal]) expect(isRunning(pid)).toBe(false);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    }
  });

  test("stops every Prism when the shell npm ran it through is killed", async () => {
    // npm runs scripts as `sh -c "<script>"`; a signal to npm reaches the shell, which dies without
    // passing it on. The trailing `; :` keeps sh from exec-ing node, as with npm's `build && node`.
    const shell = spawn("sh", ["-c", `"${process.execPath}" ${MOCK_SCRIPT}; :`], {
      cwd: projectRoot,
      stdio: ["ignore", "pipe", "inherit"],
    });
    try {
      const { prolifi, paypal } = readBanner(await printed(shell, "Ctrl-C stops them."));
      const stopped = printed(shell, "on parent exit.");
      shell.kill("SIGKILL");
      // The output pipe outlives the shell: node still writes to it.
      await stopped.catch(() => undefined);
      await expect.poll(() => [prolifi, paypal].some(({ pid }) => isRunning(pid)), { timeout: 10_000 }).toBe(false);
    } finally {
      if (shell.exitCode === null && shell.signalCode === null) shell.kill("SIGKILL");
    }
  });

  test("a busy port is a one-line error and exit 1, before any Prism starts", async () => {
    const holder = createServer();
    const port = await listen(holder);
    try {
      const failure = await run(process.execPath, [MOCK_SCRIPT, "--port", String(port)], { cwd: projectRoot }).catch(
        (e: unknown) => e as { code: number; stdout: string; stderr: string },
      );
      expect(failure).toMatchObject({
        code: 1,
        stdout: "",
        stderr: `mock: port ${port} on 127.0.0.1 is in use: stop what holds it, or pick another port\n`,
      });
    } finally {
      holder.close();
    }
  });

  test.each([
    [["--port", "65535"], "mock: --port must be a whole number from 1 to 65534"],
    [["--port", "abc"], "mock: --port takes a port number, got abc"],
    [["--prot", "4010"], "mock: Unknown option '--prot'"],
    [["--port"], "mock: Option '--port <value>' argument missing"],
  ])("%j is a usage error (exit 2), not a stack trace", async (args, message) => {
    const failure = await run(process.execPath, [MOCK_SCRIPT, ...args], { cwd: projectRoot }).catch(
      (e: unknown) => e as { code: number; stderr: string },
    );
    expect(failure).toMatchObject({ code: 2 });
    const { stderr } = failure as { stderr: string };
    expect(stderr).toBe(`${message}\nusage: npm run mock [-- --port <first port>]\n`);
  });
});
