import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, test } from "vitest";
import { gateRequest, MAX_REQUEST_BYTES } from "./request-gate";

let port = 0;
const server = http.createServer((req, res) => {
  if (!gateRequest(req, res)) res.end("passed to Next");
});
beforeAll(() => new Promise<void>((r) => server.listen(0, "127.0.0.1", r)));
beforeAll(() => {
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

function send(method: string, headers: Record<string, string | number> = {}, path = "/api/v1/me") {
  return new Promise<{ status: number; body: string; allow?: string }>((resolve, reject) => {
    const req = http.request({ port, host: "127.0.0.1", method, path, headers });
    req.on("response", (res) => {
      let body = "";
      res.on("data", (c) => (body += c));
      res.on("end", () =>
        resolve({ status: res.statusCode!, body, allow: res.headers.allow as string }),
      );
    });
    req.on("error", reject);
    req.end();
  });
}

test("TRACE is refused with 405 and a JSON error", async () => {
  const res = await send("TRACE");
  expect(res.status).toBe(405);
  expect(JSON.parse(res.body)).toEqual({
    error: { code: "METHOD_NOT_ALLOWED", message: "TRACE is not allowed." },
  });
  expect(res.allow).toContain("GET");
});

test("a body declared larger than any upload is refused with 413 before it is read", async () => {
  const res = await send("POST", { "content-length": MAX_REQUEST_BYTES + 1 });
  expect(res.status).toBe(413);
  expect(JSON.parse(res.body).error.code).toBe("PAYLOAD_TOO_LARGE");
});

test("a path whose %-escapes are not UTF-8 is a 400, not Next's bare 500", async () => {
  for (const path of ["/api/v1/customers/%ED%A0%80/balance", "/admin/customers/%E0%A4%A"]) {
    const res = await send("GET", {}, path);
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).error.code).toBe("VALIDATION");
  }
  expect((await send("GET", {}, "/coverage?q=%ED%A0%80")).status).toBe(200);
});

test("everything else goes on to Next", async () => {
  expect(await send("GET")).toMatchObject({ status: 200, body: "passed to Next" });
  expect(await send("POST", { "content-length": 0 })).toMatchObject({ status: 200 });
});
