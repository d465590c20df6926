// The benchmark's HTTP server, in its own process so it does not share the client's event loop.
// Answers every request with the same ~2 KB JSON usage summary and prints its port.
import { createServer } from "node:http";

const rows = Array.from({ length: 24 }, (_, i) => ({
  event_name: `event_${i}`,
  count: 1000 + i,
  last_reported_at: "2026-01-31T18:04:11Z",
}));
const body = JSON.stringify({ data: rows });
const server = createServer((_req, res) => {
  res.writeHead(200, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(body),
    "x-ratelimit-limit": "1000",
    "x-ratelimit-remaining": "999",
  });
  res.end(body);
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => console.log(server.address().port));
process.on("disconnect", () => process.exit(0));
