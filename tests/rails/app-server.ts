// The provider callback routes served over real HTTP, so the fake providers call back the way
// Daraja and a PSP would: a node server that hands each request to the route handler, with the
// path's token as its param. APP_URL points at it, so the callback URLs we register are real.
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { NextRequest } from "next/server";
import { POST as c2bConfirmation } from "@/app/api/rails/daraja/[token]/c2b/confirmation/route";
import { POST as c2bValidation } from "@/app/api/rails/daraja/[token]/c2b/validation/route";
import { POST as stk } from "@/app/api/rails/daraja/[token]/stk/route";
import { POST as reversalResult } from "@/app/api/rails/daraja/[token]/reversal/result/route";
import { POST as pixWebhook } from "@/app/api/rails/pix/[token]/pix/route";
import { POST as pixRecWebhook } from "@/app/api/rails/pix/[token]/rec/route";
import { POST as pixCobrWebhook } from "@/app/api/rails/pix/[token]/cobr/route";

type Route = (
  req: NextRequest,
  ctx: { params: Promise<Record<string, string>> },
) => Promise<Response>;

const ROUTES: [RegExp, unknown][] = [
  [/^\/api\/rails\/daraja\/([^/]+)\/stk$/, stk],
  [/^\/api\/rails\/daraja\/([^/]+)\/reversal\/result$/, reversalResult],
  [/^\/api\/rails\/daraja\/([^/]+)\/c2b\/validation$/, c2bValidation],
  [/^\/api\/rails\/daraja\/([^/]+)\/c2b\/confirmation$/, c2bConfirmation],
  [/^\/api\/rails\/pix\/([^/]+)\/pix$/, pixWebhook],
  [/^\/api\/rails\/pix\/([^/]+)\/rec$/, pixRecWebhook],
  [/^\/api\/rails\/pix\/([^/]+)\/cobr$/, pixCobrWebhook],
];

async function bodyOf(req: IncomingMessage) {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export async function startAppServer() {
  const server = createServer(async (req, res) => {
    const path = (req.url ?? "").split("?")[0];
    const hit = ROUTES.find(([re]) => re.test(path));
    if (!hit || req.method !== "POST") return void res.writeHead(404).end();
    const [, token] = hit[0].exec(path)!;
    const body = await bodyOf(req);
    const nreq = new NextRequest(`http://localhost${req.url}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
    });
    const out = await (hit[1] as Route)(nreq, { params: Promise.resolve({ token }) });
    res.writeHead(out.status, { "content-type": "application/json" }).end(await out.text());
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.env.APP_URL = url;
  return { url, close: () => new Promise<void>((r) => server.close(() => r())) };
}
