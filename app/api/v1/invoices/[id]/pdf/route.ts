// The invoice PDF for API clients (the admin and portal have their own session-checked links).
import type { NextRequest } from "next/server";
import { authenticateApiKey } from "@/lib/api-keys/authenticate-api-key";
import { getInvoicePdf } from "@/lib/invoices/get-invoice-pdf";
import { errorResponse } from "@/lib/http/error-response";

export async function GET(req: NextRequest, ctx: { params: Promise<{ id: string }> }) {
  try {
    const actor = await authenticateApiKey(req.headers.get("authorization"));
    const { filename, pdf } = await getInvoicePdf({ invoiceId: (await ctx.params).id, actor });
    return new Response(new Uint8Array(pdf), {
      headers: {
        "content-type": "application/pdf",
        "content-disposition": `inline; filename="${filename}"`,
      },
    });
  } catch (e) {
    return errorResponse(e, `GET ${req.nextUrl.pathname}`);
  }
}
