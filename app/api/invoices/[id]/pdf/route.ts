// The invoice PDF for a signed-in user: staff with billing:read, or the customer it belongs to
// (access is checked in lib/invoices/get-invoice-pdf). API clients use /api/v1/invoices/{id}/pdf.
import { getInvoicePdf } from "@/lib/invoices/get-invoice-pdf";
import { fileRoute } from "@/lib/http/file-route";

export const GET = fileRoute<{ id: string }>(async ({ req, actor, params }) => {
  const { filename, pdf } = await getInvoicePdf({ invoiceId: params.id, actor });
  const disposition = req.nextUrl.searchParams.has("download") ? "attachment" : "inline";
  return new Response(new Uint8Array(pdf), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `${disposition}; filename="${filename}"`,
      "cache-control": "private, no-store",
    },
  });
});
