// Streams a signed agreement to the signed-in customer it belongs to, or to staff (masked for
// roles that may not see bank details; see lib/contracts/get-contract-pdf).
import { getContractPdf } from "@/lib/contracts/get-contract-pdf";
import { fileRoute } from "@/lib/http/file-route";

export const GET = fileRoute<{ id: string }>(async ({ req, actor, params }) => {
  const { pdf, filename } = await getContractPdf({ actor, contractId: params.id });
  const disposition = req.nextUrl.searchParams.get("download") ? "attachment" : "inline";
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `${disposition}; filename="${filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
});
