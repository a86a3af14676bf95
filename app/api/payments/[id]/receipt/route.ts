// The receipt PDF for a signed-in user: staff with payments:read, or the customer who paid
// (checked in lib/payments/receipt/get-receipt-pdf).
import { fileRoute } from "@/lib/http/file-route";
import { getReceiptPdf } from "@/lib/payments/receipt/get-receipt-pdf";

export const GET = fileRoute<{ id: string }>(async ({ req, actor, params }) => {
  const { filename, pdf } = await getReceiptPdf({ actor, paymentId: params.id });
  const disposition = req.nextUrl.searchParams.has("download") ? "attachment" : "inline";
  return new Response(new Uint8Array(pdf), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `${disposition}; filename="${filename}"`,
      "cache-control": "private, no-store",
    },
  });
});
