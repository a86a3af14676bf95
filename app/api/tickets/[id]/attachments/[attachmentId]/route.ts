// A ticket file for a signed-in user who may see its message (lib/tickets/get-ticket-attachment).
// Images and PDFs open in the browser; anything else downloads.
import { fileRoute } from "@/lib/http/file-route";
import { getTicketAttachment } from "@/lib/tickets/get-ticket-attachment";

const INLINE = ["image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf"];

export const GET = fileRoute<{ id: string; attachmentId: string }>(
  async ({ req, actor, params }) => {
    const file = await getTicketAttachment({
      actor,
      ticketId: params.id,
      attachmentId: params.attachmentId,
    });
    const inline = INLINE.includes(file.contentType) && !req.nextUrl.searchParams.has("download");
    return new Response(new Uint8Array(file.content), {
      headers: {
        "content-type": file.contentType,
        "content-disposition": `${inline ? "inline" : "attachment"}; filename="${file.filename}"`,
        "cache-control": "private, no-store",
      },
    });
  },
);
