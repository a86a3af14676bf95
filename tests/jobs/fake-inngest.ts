// A local stand-in for the Inngest event API (POST /e/{eventKey} with a JSON array of events,
// answered with { ids, status: 200 }), so the Inngest functions' step.sendEvent and the "run now"
// hand-off really send over HTTP in tests. The Inngest server itself cannot run here.
import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

export type SentEvent = { name: string; data: Record<string, unknown> };

export async function startFakeInngest() {
  const events: SentEvent[] = [];
  const keys: string[] = [];
  const server = http.createServer((req, res) => {
    const match = req.method === "POST" && /^\/e\/([^/]+)$/.exec(req.url ?? "");
    if (!match) {
      res.writeHead(404).end();
      return;
    }
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      const batch = JSON.parse(body) as SentEvent[];
      keys.push(match[1]);
      events.push(...batch);
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ ids: batch.map(() => randomUUID()), status: 200 }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    events,
    keys,
    /** Takes the events received so far. */
    drain: () => events.splice(0),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
