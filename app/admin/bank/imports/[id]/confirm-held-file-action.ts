"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { confirmHeldFile } from "@/lib/bank/confirm-held-file";
import { defineAction } from "@/lib/http/define-action";

export const confirmHeldFileAction = defineAction({
  who: "staff",
  permission: "banking:write",
  schema: z.object({ fileId: z.string().min(1).max(64) }),
  returnTo: "/admin/bank/imports",
  handler: async ({ actor, input }) => {
    const r = await confirmHeldFile({ actor, fileId: input.fileId });
    revalidatePath(`/admin/bank/imports/${input.fileId}`);
    return `Imported: ${r.matchedCount} matched, ${r.reviewCount} to review.`;
  },
});
