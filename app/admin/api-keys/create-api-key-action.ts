"use server";

import { revalidatePath } from "next/cache";
import { createApiKey, createApiKeySchema } from "@/lib/api-keys/create-api-key";
import { roleLabel } from "@/lib/format/labels";
import { defineAction } from "@/lib/http/define-action";

export const createApiKeyAction = defineAction({
  who: "staff",
  permission: "api_keys:write",
  returnTo: "/admin/api-keys",
  schema: createApiKeySchema,
  handler: async ({ actor, input }) => {
    const created = await createApiKey({ actor, ...input });
    revalidatePath("/admin/api-keys");
    return {
      message: `Key “${created.name}” created with role ${roleLabel(created.role).toLowerCase()}.`,
      secret: created.key,
    };
  },
});
