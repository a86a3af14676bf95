// The receipt PDF for a signed-in user: staff with payments:read, or the customer who paid
// (checked in lib/payments/receipt/get-receipt-pdf).
import { currentActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/error-response";
import { getReceiptPdf } from "@/lib/payments/receipt/get-receipt-pdf";

export async function GET(req: Request, ctx: { params: Promise<{ id: string }> }) {
  try {
    const actor = await currentActor();
    if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in first.");
    const { filename, pdf } = await getReceiptPdf({ actor, paymentId: (await ctx.params).id });
    return new Response(new Uint8Array(pdf), {
      headers: {
        "content-type": "application/pdf",
        "content-disposition": `${new URL(req.url).searchParams.has("download") ? "attachment" : "inline"}; filename="${filename}"`,
        "cache-control": "private, no-store",
      },
    });
  } catch (e) {
    return errorResponse(e, "GET receipt pdf");
  }
}
