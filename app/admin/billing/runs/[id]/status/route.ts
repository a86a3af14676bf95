// The run's progress for the live progress bar (polled by the run page).
import { NextResponse } from "next/server";
import { currentActor } from "@/lib/auth/session";
import { getBillingRun } from "@/lib/billing/list-billing-runs";
import { errorResponse } from "@/lib/http/error-response";
import { AppError } from "@/lib/errors";

export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  try {
    const actor = await currentActor();
    if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in first.");
    return NextResponse.json(await getBillingRun({ runId: (await ctx.params).id, actor }), {
      headers: { "cache-control": "no-store" },
    });
  } catch (e) {
    return errorResponse(e, "GET billing run status");
  }
}
