import { NextResponse } from "next/server";
import { apiOperation } from "@/lib/http/api-operation";
import { getCreditNotePdfOp } from "@/lib/http/openapi/invoices";
import { getCreditNotePdf } from "@/lib/invoices/get-credit-note-pdf";

export const GET = apiOperation(getCreditNotePdfOp, async ({ actor, params }) => {
  const { filename, pdf } = await getCreditNotePdf({ creditNoteId: params.id, actor });
  return new NextResponse(new Uint8Array(pdf), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `inline; filename="${filename}"`,
    },
  });
});
