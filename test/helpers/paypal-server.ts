// A scripted PayPal: a token endpoint and a past-usage endpoint on 127.0.0.1, each with its own
// counter and behaviour, so tests can say exactly how many of each request a scenario costs.
import type { IncomingMessage, ServerResponse } from "node:http";
import { type FaultServer, json, startFaultServer } from "./fault-server";
import { ACCESS_TOKEN, pastUsagePage } from "./fixtures";

export interface ScriptedPayPal {
  server: FaultServer;
  url: string;
  readonly tokenRequests: number;
  readonly dataRequests: number;
  /** The page numbers asked for, in order. */
  readonly pagesAsked: number[];
  close(): Promise<void>;
}

export interface Script {
  /** Answers token request n (1-based); default: a fresh token `${ACCESS_TOKEN}-n` valid 9 hours. */
  token?: (res: ServerResponse, n: number, req: IncomingMessage) => void;
  /** Answers data request n; default: page `page` of 1 with two periods. */
  data?: (res: ServerResponse, n: number, page: number, req: IncomingMessage) => void;
}

export function issueToken(res: ServerResponse, n: number, expiresIn = 32_400): void {
  json(res, 200, {
    access_token: `${ACCESS_TOKEN}-${n}`,
    token_type: "Bearer",
    expires_in: expiresIn,
    app_id: "APP-1",
    scope: "read",
  });
}

export async function startScriptedPayPal(script: Script = {}): Promise<ScriptedPayPal> {
  let tokenRequests = 0;
  let dataRequests = 0;
  const pagesAsked: number[] = [];
  const server = await startFaultServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    if (url.pathname === "/v1/oauth2/token") {
      tokenRequests += 1;
      let body = "";
      req.on("data", (chunk: Buffer) => (body += chunk.toString()));
      req.on("end", () => {
        if (body !== "grant_type=client_credentials") return json(res, 400, { error: "unsupported_grant_type" });
        return (script.token ?? ((r, n) => issueToken(r, n)))(res, tokenRequests, req);
      });
      return;
    }
    dataRequests += 1;
    const page = Number(url.searchParams.get("page") ?? "1");
    pagesAsked.push(page);
    (script.data ?? ((r, _n, p) => json(r, 200, pastUsagePage(p, 1))))(res, dataRequests, page, req);
  });
  return {
    server,
    url: server.url,
    get tokenRequests() {
      return tokenRequests;
    },
    get dataRequests() {
      return dataRequests;
    },
    pagesAsked,
    close: () => server.close(),
  };
}
