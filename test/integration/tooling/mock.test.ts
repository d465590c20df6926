// `npm run mock` (scripts/mock.mjs over billing-usage/mock; npm test has built dist/ already): the
// exact client options printed, the README's PayPal quick start run against it as a new user would
// (only the client construction swapped for the printed one), PayPal paged, and every Prism stopped on
// any stop signal or when the shell npm ran it through dies; a busy port or a mistyped flag is a
// one-line error and a non-zero exit, before any Prism starts.
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { pagedOperations } from "../../../generated/paypal-billing.mock";
import { projectRoot } from "../../../scripts/lib/apis.mjs";
import { createPayPalBillingClient } from "../../../src/paypal/index";
import { createProlifiClient } from "../../../src/prolifi/index";
import { CHILD_PROCESS_TEST_TIMEOUT_MS } from "../../helpers/child-process";
import { CUSTOMER_ID, SUBSCRIPTION } from "../../helpers/fixtures";
import { isRunning } from "../../helpers/process";
import { readmeBlock } from "../../helpers/readme";

const run = promisify(execFile);
/** The one client construction in the README's PayPal quick start, and in the mock's banner. */
const CONSTRUCTION = /createPayPalBillingClient\(\{[^}]*\}\)/;
/** Every period of the spec's 200 examples, in the order the mock pages them. */
const EXAMPLE_PERIODS = (pagedOperations[0]?.items ?? []) as {
  from_datetime: string;
  total_amount: { value: number; currency_code: string };
}[];

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

describe("npm run mock, started once", { timeout: CHILD_PROCESS_TEST_TIMEOUT_MS }, () => {
  let child: ChildProcess;
  let banner: string;
  let mocks: ReturnType<typeof readBanner>;

  beforeAll(async () => {
    child = spawn(process.execPath, [MOCK_SCRIPT], { cwd: projectRoot, stdio: ["ignore", "pipe", "inherit"] });
    banner = await printed(child, "Ctrl-C stops them.");
    mocks = readBanner(banner);
  }, CHILD_PROCESS_TEST_TIMEOUT_MS);

  afterAll(async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = exitOf(child);
      child.kill("SIGKILL");
      await exited;
      for (const { pid } of [mocks.prolifi, mocks.paypal]) if (isRunning(pid)) process.kill(pid, "SIGKILL");
    }
  });

  test("prints each client's exact options, which work as printed", async () => {
    const { prolifi, paypal } = mocks;
    expect(banner).toContain(`createProlifiClient({ apiKey: "pk_test_mock", baseUrl: "${prolifi.baseUrl}" })`);
    expect(banner).toContain(
      `createPayPalBillingClient({ clientId: "mock", clientSecret: "mock", baseUrl: "${paypal.baseUrl}" })`,
    );
    const usage = await createProlifiClient({ apiKey: "pk_test_mock", baseUrl: prolifi.baseUrl }).getCustomerUsage(
      CUSTOMER_ID,
    );
    expect(usage.data.length).toBeGreaterThan(0);
  });

  test("the README's PayPal quick start runs as written with the printed client, and walks every period", async () => {
    const code = readmeBlock("ts", "## PayPal quick start");
    expect(code.match(new RegExp(CONSTRUCTION, "g"))).toHaveLength(1);
    const printedClient = CONSTRUCTION.exec(banner)?.[0] ?? "";
    // Inside the project, so `billing-usage/paypal` resolves to the build by the package's own name.
    const dir = join(projectRoot, ".cache", `quickstart-${process.pid}`);
    try {
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, "quickstart.mjs"), code.replace(CONSTRUCTION, printedClient));
      const { stdout } = await run(process.execPath, [join(dir, "quickstart.mjs")], { cwd: dir });
      expect(EXAMPLE_PERIODS).toHaveLength(4);
      expect(stdout.trim().split("\n")).toEqual(
        EXAMPLE_PERIODS.map((p) => `${p.from_datetime} ${p.total_amount.value} ${p.total_amount.currency_code}`),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("pages PayPal's past usage by per_page over every example period", async () => {
    const client = createPayPalBillingClient({ clientId: "mock", clientSecret: "mock", baseUrl: mocks.paypal.baseUrl });
    const pages = [];
    for await (const page of client.listPastUsage("cust_42", { ...SUBSCRIPTION, per_page: 1 }).pages()) {
      pages.push([page.pageNumber, page.meta.total_pages, page.usage_periods[0]?.from_datetime]);
    }
    expect(pages).toEqual(EXAMPLE_PERIODS.map((p, i) => [i + 1, 4, p.from_datetime]));
  });

  test("SIGTERM stops both Prisms, then the runner, with exit 0", async () => {
    const { prolifi, paypal } = mocks;
    const exited = exitOf(child);
    const goodbye = printed(child, "Stopped the Prism mocks");
    child.kill("SIGTERM");
    expect(await goodbye).toContain(`Stopped the Prism mocks (pids ${prolifi.pid}, ${paypal.pid}) on SIGTERM.`);
    expect(await exited).toBe(0);
    for (const { pid } of [prolifi, paypal]) expect(isRunning(pid)).toBe(false);
  });
});

describe("the mock servers (npm run mock)", { timeout: CHILD_PROCESS_TEST_TIMEOUT_MS }, () => {
  test("stops every Prism when the shell npm ran it through dies, even while Prism is still starting", async () => {
    // npm runs scripts as `sh -c "<script>"`; a signal to npm reaches the shell, which dies without
    // passing it on. The trailing `; :` keeps sh from exec-ing node, as with npm's `build && node`.
    const shell = spawn("sh", ["-c", `"${process.execPath}" ${MOCK_SCRIPT}; :`], {
      cwd: projectRoot,
      stdio: ["ignore", "pipe", "inherit"],
    });
    try {
      // The pipe outlives the shell: node still holds it, and it ends when node exits.
      let output = "";
      const everything = new Promise<void>((resolve) => {
        shell.stdout?.on("data", (chunk: Buffer) => {
          output += String(chunk);
        });
        shell.stdout?.once("end", () => resolve());
      });
      // Killed once the runner says it is starting (it knows its parent by then), while its Prisms start.
      await expect.poll(() => output, { timeout: STARTUP_TIMEOUT_MS, interval: 20 }).toContain("Starting");
      shell.kill("SIGKILL");
      await everything;
      expect(output).not.toContain("Ctrl-C stops them.");
      const pids = /Stopped the Prism mocks \(pids (\d+), (\d+)\) on parent exit\./.exec(output);
      expect(pids, output).not.toBeNull();
      for (const pid of [pids?.[1], pids?.[2]]) {
        await expect.poll(() => isRunning(Number(pid)), { timeout: 10_000 }).toBe(false);
      }
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
        stdout: "Starting a Prism mock of each spec...\n",
        stderr: `mock: port ${port} on 127.0.0.1 is in use: stop what holds it, or pick another port\n`,
      });
    } finally {
      holder.close();
    }
  });

  test.each([
    [["--port", "65535"], "mock: --port must be a whole number from 1 to 65534 (got 65535)"],
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
