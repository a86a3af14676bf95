// Wraps npm start's HTTP handler: counts every response and its latency by route pattern.
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { metrics } from "./registry";
import { appRoutePatterns, routeMatcher } from "./route-patterns";

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

export function instrumentHttp(handler: Handler, appDir = path.resolve("app")): Handler {
  const routeOf = routeMatcher(appRoutePatterns(appDir));
  const m = metrics();
  return (req, res) => {
    const started = process.hrtime.bigint();
    res.once("close", () => {
      const method = METHODS.has(req.method ?? "") ? req.method! : "OTHER";
      const route = routeOf(req.url ?? "/");
      // A client that hung up before the response ended is counted apart from real statuses.
      const status = res.writableFinished ? String(res.statusCode) : "aborted";
      m.httpRequests.inc({ method, route, status });
      m.httpDuration.observe({ method, route }, Number(process.hrtime.bigint() - started) / 1e9);
    });
    handler(req, res);
  };
}
