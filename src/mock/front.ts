// The server a mock's users reach: it binds the port they asked for (so a busy port is an error at
// once, not a readiness check answered by someone else's server) and hands every request to Prism,
// which checks it against the spec and answers with the spec's examples. Two things Prism cannot
// do are done here: a paginated list is cut by `page`/`per_page` over all its examples' items, and
// a path under the spec's server base path (a baseUrl with `/api/v1/public` added) gets a 404 that
// says which baseUrl to use instead of a bare one.
import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import { MockServerError } from "./errors";
import { type PagedOperation, pageBody, pagedOperationFor } from "./paging";

export interface FrontPlan {
  host: string;
  port: number;
  pagedOperations: readonly PagedOperation[];
  /** Path prefixes of the spec's real servers (`/api/v1/public`), which a mock baseUrl must not carry. */
  serverBasePaths: readonly string[];
}

export interface Front {
  baseUrl: string;
  /** Where Prism listens, once it answers: the port is taken first, so a busy one fails at once. */
  forwardTo: (prismUrl: string) => void;
  close: () => Promise<void>;
}

/** Headers that describe one hop or the old body, not the answer the mock sends. */
const HOP_HEADERS = ["connection", "keep-alive", "transfer-encoding", "content-length", "content-encoding"];

function sendJson(res: ServerResponse, status: number, headers: Record<string, string>, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...headers, "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

function copyHeaders(from: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(from.headers)) {
    if (value !== undefined && !HOP_HEADERS.includes(name))
      headers[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return headers;
}

function handle(
  plan: FrontPlan,
  baseUrl: string,
  prismUrl: string | undefined,
  req: IncomingMessage,
  res: ServerResponse,
): void {
  const url = new URL(req.url ?? "/", baseUrl);
  const wrongBase = plan.serverBasePaths.find((base) => url.pathname.startsWith(`${base}/`));
  if (wrongBase) {
    const message = `no such path on this mock: ${url.pathname}. It serves the spec's paths from its root: use baseUrl ${baseUrl}, without ${wrongBase}`;
    // In both vendors' error shapes, so either client puts the hint in its error's message.
    sendJson(res, 404, {}, { error: { type: "not_found", message }, name: "RESOURCE_NOT_FOUND", message });
    return;
  }
  if (prismUrl === undefined) {
    sendJson(res, 503, { "retry-after": "1" }, { message: "this mock is still starting" });
    return;
  }
  const paged = req.method && pagedOperationFor(plan.pagedOperations, req.method, url.pathname);
  // A caller's own Prefer (a status code, a named example) is Prism's to honour, page and all.
  const rewrite = paged && req.headers.prefer === undefined ? paged : undefined;
  const headers: Record<string, string | string[] | undefined> = { ...req.headers, host: new URL(prismUrl).host };
  if (rewrite) headers.prefer = `example=${rewrite.example}`;

  const upstream = httpRequest(`${prismUrl}${req.url ?? "/"}`, { method: req.method, headers }, (answer) => {
    const status = answer.statusCode ?? 502;
    if (rewrite && status === 200) {
      answer.resume();
      answer.once("end", () => sendJson(res, 200, copyHeaders(answer), pageBody(rewrite, url.searchParams)));
      return;
    }
    res.writeHead(status, answer.headers);
    answer.pipe(res);
  });
  upstream.on("error", (error) => {
    if (!res.headersSent)
      sendJson(res, 502, {}, { message: `the Prism behind this mock did not answer: ${error.message}` });
    else res.destroy();
  });
  req.pipe(upstream);
}

/** Binds `plan.host:plan.port` (0 for a free one) and starts forwarding. */
export function startFront(plan: FrontPlan): Promise<Front> {
  let baseUrl = "";
  let prismUrl: string | undefined;
  const server: Server = createServer((req, res) => handle(plan, baseUrl, prismUrl, req, res));
  return new Promise((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) => {
      reject(
        error.code === "EADDRINUSE"
          ? new MockServerError(
              "PORT_IN_USE",
              `port ${plan.port} on ${plan.host} is in use: stop what holds it, or pick another port`,
            )
          : new MockServerError("LISTEN_FAILED", `cannot listen on ${plan.host}:${plan.port}: ${error.message}`),
      );
    });
    server.listen(plan.port, plan.host, () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : plan.port;
      baseUrl = `http://${plan.host.includes(":") ? `[${plan.host}]` : plan.host}:${port}`;
      resolve({
        baseUrl,
        forwardTo: (url) => {
          prismUrl = url;
        },
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
