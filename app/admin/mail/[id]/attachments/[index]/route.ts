import type { NextRequest } from "next/server";
import { currentActor } from "@/lib/auth/session";
import { errorResponse } from "@/lib/http/error-response";
import { AppError } from "@/lib/errors";
import { getMailAttachment } from "@/lib/notifications/get-mail-attachment";

export async function GET(
  req: NextRequest,
  ctx: { params: Promise<{ id: string; index: string }> },
) {
  try {
    const actor = await currentActor();
    if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in first.");
    const { id, index } = await ctx.params;
    const file = await getMailAttachment({
      actor,
      id: decodeURIComponent(id),
      index: Number(index),
    });
    return new Response(new Uint8Array(file.content), {
      headers: {
        "content-type": file.contentType,
        "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
        "x-content-type-options": "nosniff",
        "cache-control": "private, no-store",
      },
    });
  } catch (e) {
    return errorResponse(e, `GET ${req.nextUrl.pathname}`);
  }
}
