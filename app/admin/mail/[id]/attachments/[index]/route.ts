// One attachment of a captured (offline) email, for staff who may read mail.
import { fileRoute } from "@/lib/http/file-route";
import { getMailAttachment } from "@/lib/notifications/get-mail-attachment";

export const GET = fileRoute<{ id: string; index: string }>(async ({ actor, params }) => {
  const file = await getMailAttachment({
    actor,
    id: decodeURIComponent(params.id),
    index: Number(params.index),
  });
  return new Response(new Uint8Array(file.content), {
    headers: {
      "content-type": file.contentType,
      "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
    },
  });
});
