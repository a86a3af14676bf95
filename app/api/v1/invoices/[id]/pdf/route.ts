// The invoice PDF for API clients (the admin and portal have their own session-checked links).
import { NextResponse } from "next/server";
import { apiOperation } from "@/lib/http/api-operation";
import { getInvoicePdf as op } from "@/lib/http/openapi/invoices";
import { getInvoicePdf } from "@/lib/invoices/get-invoice-pdf";

export const GET = apiOperation(op, async ({ actor, params }) => {
  const { filename, pdf } = await getInvoicePdf({ invoiceId: params.id, actor });
  return new NextResponse(new Uint8Array(pdf), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `inline; filename="${filename}"`,
    },
  });
});
