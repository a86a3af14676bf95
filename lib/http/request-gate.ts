// The first look at every request, in the HTTP server before Next: methods no route answers
// (TRACE echoes headers back, a classic cross-site tracing aid) get 405, bodies larger than the
// largest upload any form accepts get 413 before a byte of them is read, and a path whose
// %-escapes are not UTF-8 gets 400 (Next's router would answer it with a bare 500).
import type { IncomingMessage, ServerResponse } from "node:http";

/** The largest request body at all: a 30 MB address list plus multipart overhead. */
export const MAX_REQUEST_BYTES = 31 * 1024 * 1024;

function refuse(res: ServerResponse, status: number, code: string, message: string) {
  res.writeHead(status, {
    "content-type": "application/json",
    connection: "close",
    ...(status === 405 && { allow: "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS" }),
  });
  res.end(JSON.stringify({ error: { code, message } }));
}

/** True when the request was answered here; otherwise hand it on to Next. */
export function gateRequest(req: IncomingMessage, res: ServerResponse): boolean {
  // (Node's parser already refuses TRACK with 400, and hands CONNECT to no handler of ours.)
  if (req.method === "TRACE") {
    refuse(res, 405, "METHOD_NOT_ALLOWED", "TRACE is not allowed.");
    return true;
  }
  try {
    decodeURIComponent((req.url ?? "/").split("?")[0]);
  } catch {
    refuse(res, 400, "VALIDATION", "The URL's path is not valid UTF-8 percent-encoding.");
    return true;
  }
  if (Number(req.headers["content-length"] ?? 0) > MAX_REQUEST_BYTES) {
    refuse(res, 413, "PAYLOAD_TOO_LARGE", "The request body is larger than 31 MB.");
    req.resume(); // drain what the client already sent, so it sees the answer
    return true;
  }
  return false;
}
