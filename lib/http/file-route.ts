// Wraps a route handler that serves a file to a signed-in user (contract and invoice PDFs, mail
// attachments): no session → 401; a temporary password → off to /change-password and back,
// as pages do; errors mapped like every other route.
import { NextResponse, type NextRequest } from "next/server";
import { fileRequestActor, type UserActor } from "@/lib/auth/session";
import { appUrl } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { errorResponse } from "./error-response";

type Handler<P> = (args: { req: NextRequest; actor: UserActor; params: P }) => Promise<Response>;

export function fileRoute<P>(handler: Handler<P>) {
  return async (req: NextRequest, ctx: { params: Promise<P> }) => {
    try {
      const who = await fileRequestActor();
      if (who === "signin") throw new AppError("UNAUTHENTICATED", "Sign in to see this document.");
      if (who === "change-password") {
        const back = `${req.nextUrl.pathname}${req.nextUrl.search}`;
        const to = new URL(`/change-password?callbackUrl=${encodeURIComponent(back)}`, appUrl());
        return NextResponse.redirect(to, 303);
      }
      return await handler({ req, actor: who, params: await ctx.params });
    } catch (e) {
      return errorResponse(e, `${req.method} ${req.nextUrl.pathname}`);
    }
  };
}
