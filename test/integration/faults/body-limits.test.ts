// maxResponseBytes against a real server: an endless body and a gzip bomb are each cut off soon
// after the limit (the connection is dropped, so the server stops sending), and fail typed.
import { gzipSync } from "node:zlib";
import { afterEach, describe, expect, test } from "vitest";
import { ResponseTooLargeError } from "../../../src/index";
import { createProlifiClient } from "../../../src/prolifi/index";
import { type FaultServer, startFaultServer, waitFor } from "../../helpers/fault-server";
import { CUSTOMER_ID, SECRET_KEY } from "../../helpers/fixtures";

const LIMIT = 1024 * 1024;
/** The most a server may push before the client's cancel reaches it: socket buffers, not the body. */
const SENT_BOUND = 32 * LIMIT;

let server: FaultServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("maxResponseBytes on the wire", () => {
  test("an endless body is cancelled past the limit: the server stops sending, and the call fails typed", async () => {
    let sent = 0;
    let closed = false;
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    server = await startFaultServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.on("close", () => {
        closed = true;
      });
      // Bounded: it stops by itself at 200 MB if the client never lets go.
      const push = () => {
        while (!closed && sent < 200 * LIMIT) {
          sent += chunk.byteLength;
          if (!res.write(chunk)) return void res.once("drain", push);
        }
        res.end();
      };
      push();
    });
    const client = createProlifiClient({
      apiKey: SECRET_KEY,
      baseUrl: server.url,
      logLevel: "off",
      maxResponseBytes: LIMIT,
    });
    await expect(client.getCustomerUsage(CUSTOMER_ID)).rejects.toBeInstanceOf(ResponseTooLargeError);
    await waitFor(() => closed);
    expect(sent).toBeLessThan(SENT_BOUND);
    expect(server.count).toBe(1);
  });

  test("a gzip bomb is counted as decoded and cut off the same way", async () => {
    const bomb = gzipSync(Buffer.alloc(64 * LIMIT));
    server = await startFaultServer((_req, res) => {
      res.writeHead(200, {
        "content-type": "application/json",
        "content-encoding": "gzip",
        "content-length": bomb.byteLength,
      });
      res.end(bomb);
    });
    const client = createProlifiClient({
      apiKey: SECRET_KEY,
      baseUrl: server.url,
      logLevel: "off",
      maxResponseBytes: LIMIT,
    });
    const error = await client.getCustomerUsage(CUSTOMER_ID).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(bomb.byteLength).toBeLessThan(LIMIT);
  });
});
