// The credit-note PDF for a signed-in user: staff with billing:read, or the customer it belongs to
// (checked in lib/invoices/get-credit-note-pdf). API clients use /api/v1/credit-notes/{id}/pdf.
import { currentActor } from "@/lib/auth/session";
import { getCreditNotePdf } from "@/lib/invoices/get-credit-note-pdf";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/error-response";

export async function GET(req: Request, ctx: { params: Promise<{ id: string }> }) {
  try {
    const actor = await currentActor();
    if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in first.");
    const { filename, pdf } = await getCreditNotePdf({
      creditNoteId: (await ctx.params).id,
      actor,
    });
    return new Response(new Uint8Array(pdf), {
      headers: {
        "content-type": "application/pdf",
        "content-disposition": `${new URL(req.url).searchParams.has("download") ? "attachment" : "inline"}; filename="${filename}"`,
        "cache-control": "private, no-store",
      },
    });
  } catch (e) {
    return errorResponse(e, "GET credit note pdf");
  }
}
