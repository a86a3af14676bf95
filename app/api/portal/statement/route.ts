// The signed-in subscriber's statement PDF for ?from=YYYY-MM-DD&to=YYYY-MM-DD.
import { currentActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/error-response";
import { renderStatementPdf } from "@/lib/ledger/render-statement-pdf";

export async function GET(req: Request) {
  try {
    const actor = await currentActor();
    if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in first.");
    if (actor.role !== "CUSTOMER" || !actor.customerId)
      throw new AppError("FORBIDDEN", "Statements here are for customer accounts.");
    const q = new URL(req.url).searchParams;
    const { pdf, filename } = await renderStatementPdf({
      actor,
      customerId: actor.customerId,
      from: q.get("from") ?? "",
      to: q.get("to") ?? "",
    });
    return new Response(new Uint8Array(pdf), {
      headers: {
        "content-type": "application/pdf",
        "content-disposition": `${q.has("download") ? "attachment" : "inline"}; filename="${filename}"`,
        "cache-control": "private, no-store",
      },
    });
  } catch (e) {
    return errorResponse(e, "GET statement pdf");
  }
}
