// billing-usage/mock: mock servers of both APIs, built from the package's own specs, for developing
// and testing code that uses the clients: start them from a test runner's global setup, point each
// client's baseUrl at them, stop them at the end. Node only; needs @stoplight/prism-cli installed.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { servers as paypalServers } from "../../generated/paypal-billing.meta";
import * as paypalMock from "../../generated/paypal-billing.mock";
import { servers as prolifiServers } from "../../generated/prolifi.meta";
import * as prolifiMock from "../../generated/prolifi.mock";
import { checkWholeNumber } from "../core/checks";
import { InvalidInputError } from "../core/errors";
import { checkOptionNames } from "../core/option-names";
import { type Front, startFront } from "./front";
import { type PrismProcess, startPrism } from "./prism";

// The same classes every other entry point exports (one copy, in a shared chunk).
export { BillingUsageError, InvalidInputError } from "../core/errors";
export { MockServerError, type MockServerErrorCode } from "./errors";

/** The loopback address the mocks listen on unless told otherwise. */
export const DEFAULT_MOCK_HOST = "127.0.0.1";
const HIGHEST_PORT = 65_535;

/** Where the mocks listen. */
export interface StartMocksOptions {
  /** Prolifi's port; PayPal's is the next one. Default: free ports the OS picks. */
  port?: number;
  /** Default {@link DEFAULT_MOCK_HOST}. */
  host?: string;
}

/** One API's mock. */
export interface MockServer {
  /** The `baseUrl` to give the client, exactly. */
  readonly baseUrl: string;
  /** The spec it serves, inside this package. */
  readonly spec: string;
  /** The Prism process behind it. */
  readonly prismPid: number;
}

/** Both mocks, running until {@link Mocks.stop}. */
export interface Mocks {
  /** Prolifi's: `baseUrl` is the API root (the spec's paths start at `/customers`). */
  readonly prolifi: MockServer;
  /** PayPal's: `baseUrl` is the host root; past usage pages by `page`/`per_page`. */
  readonly paypal: MockServer;
  /** Stops both mocks and their Prism processes; safe to call more than once. */
  stop(): Promise<void>;
}

/** Each client's mock: its spec, and what the front server needs from it. */
const MOCKED_APIS = {
  prolifi: { spec: prolifiMock.spec, pagedOperations: prolifiMock.pagedOperations, servers: prolifiServers },
  paypal: { spec: paypalMock.spec, pagedOperations: paypalMock.pagedOperations, servers: paypalServers },
} as const;

/** The folder holding this package's package.json (from src/ in development, from dist/ once built). */
function packageRoot(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, "utf8")).name === "billing-usage") return dir;
    if (dirname(dir) === dir) throw new Error("billing-usage/mock cannot find its own package.json");
  }
}

function checkOptions(options: StartMocksOptions): void {
  checkOptionNames(options, ["port", "host"]);
  const { port, host } = options;
  // Room for one port per API from `port` on.
  checkWholeNumber("port", port, 1, HIGHEST_PORT - Object.keys(MOCKED_APIS).length + 1);
  if (host !== undefined && (typeof host !== "string" || host === "")) {
    throw new InvalidInputError("host", "host must be a non-empty string, such as 127.0.0.1");
  }
}

const basePathOf = (server: string): string => new URL(server).pathname.replace(/\/$/, "");

/**
 * Starts a mock of each API: the ports first (a busy one fails at once, before any Prism starts),
 * then one Prism per spec. Whatever fails, everything already started is stopped before the error
 * (a {@link MockServerError} or an `InvalidInputError`) is thrown.
 */
export async function startMocks(options: StartMocksOptions = {}): Promise<Mocks> {
  checkOptions(options);
  const root = packageRoot();
  const host = options.host ?? DEFAULT_MOCK_HOST;
  const fronts: Front[] = [];
  const prisms: PrismProcess[] = [];
  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopped ??= Promise.all([...fronts.map((f) => f.close()), ...prisms.map((p) => p.stop())]).then(() => undefined);
    return stopped;
  };
  try {
    const entries = Object.entries(MOCKED_APIS);
    for (const [i, [, api]] of entries.entries()) {
      const front = await startFront({
        host,
        port: options.port === undefined ? 0 : options.port + i,
        pagedOperations: api.pagedOperations,
        serverBasePaths: api.servers.map(basePathOf).filter((path) => path !== ""),
      });
      fronts.push(front);
    }
    const started = await Promise.allSettled(
      entries.map(([, api]) => startPrism(join(root, api.spec), join(root, "package.json"))),
    );
    for (const result of started) if (result.status === "fulfilled") prisms.push(result.value);
    const failure = started.find((result) => result.status === "rejected");
    if (failure) throw failure.reason;
    const mocks = entries.map(([name, api], i) => {
      const prism = prisms[i] as PrismProcess;
      const front = fronts[i] as Front;
      front.forwardTo(prism.url);
      const mock: MockServer = { baseUrl: front.baseUrl, spec: api.spec, prismPid: prism.pid };
      return [name, mock] as const;
    });
    return { ...(Object.fromEntries(mocks) as Record<keyof typeof MOCKED_APIS, MockServer>), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
