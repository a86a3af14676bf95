// Wraps a REST handler under /api/v1: resolves the API key to an actor, records its use in
// the audit log for writes, and maps every error to { error: { code, message } }.
import { NextResponse, type NextRequest } from "next/server";
import { authenticateApiKey } from "@/lib/api-keys/authenticate-api-key";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/roles";
import { clientIp } from "./client-ip";
import { syncClock } from "@/lib/time/sync-clock";
import { errorResponse } from "./error-response";

type Ctx<P> = { params: Promise<P> };
type Handler<P> = (args: { req: NextRequest; actor: Actor; params: P }) => Promise<unknown>;

export function apiRoute<P = Record<string, never>>(
  handler: Handler<P>,
  opts: { status?: number } = {},
) {
  return async (req: NextRequest, ctx: Ctx<P>) => {
    try {
      await syncClock();
      const actor = await authenticateApiKey(req.headers.get("authorization"));
      const params = await ctx.params;
      if (req.method !== "GET") {
        await recordAudit({
          actor,
          action: "api.request",
          ip: clientIp(req.headers),
          data: { method: req.method, path: req.nextUrl.pathname },
        });
      }
      const body = await handler({ req, actor, params });
      return NextResponse.json(body, { status: opts.status ?? 200 });
    } catch (e) {
      return errorResponse(e, `${req.method} ${req.nextUrl.pathname}`);
    }
  };
}

/** For public endpoints (e.g. feasibility): same error mapping, no key. */
export function publicApiRoute<P = Record<string, never>>(
  handler: (args: { req: NextRequest; params: P }) => Promise<unknown>,
) {
  return async (req: NextRequest, ctx: Ctx<P>) => {
    try {
      await syncClock();
      return NextResponse.json(await handler({ req, params: await ctx.params }));
    } catch (e) {
      return errorResponse(e, `${req.method} ${req.nextUrl.pathname}`);
    }
  };
}
