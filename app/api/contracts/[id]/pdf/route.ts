// Streams a signed agreement to the signed-in customer it belongs to, or to staff.
import { NextResponse, type NextRequest } from "next/server";
import { currentActor } from "@/lib/auth/session";
import { getContractPdf } from "@/lib/contracts/get-contract-pdf";
import { errorResponse } from "@/lib/http/error-response";
import { AppError } from "@/lib/errors";

export async function GET(req: NextRequest, ctx: { params: Promise<{ id: string }> }) {
  try {
    const actor = await currentActor();
    if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in to see this document.");
    const { pdf, filename } = await getContractPdf({ actor, contractId: (await ctx.params).id });
    const disposition = req.nextUrl.searchParams.get("download") ? "attachment" : "inline";
    return new NextResponse(new Uint8Array(pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `${disposition}; filename="${filename}"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (e) {
    return errorResponse(e, "GET /api/contracts/[id]/pdf");
  }
}
