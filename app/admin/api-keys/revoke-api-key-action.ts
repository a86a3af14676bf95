"use server";

import { revalidatePath } from "next/cache";
import { revokeApiKey, revokeApiKeySchema } from "@/lib/api-keys/revoke-api-key";
import { defineAction } from "@/lib/http/define-action";

export const revokeApiKeyAction = defineAction({
  who: "staff",
  permission: "api_keys:write",
  returnTo: "/admin/api-keys",
  schema: revokeApiKeySchema,
  handler: async ({ actor, input }) => {
    const key = await revokeApiKey({ actor, ...input });
    revalidatePath("/admin/api-keys");
    return `Key “${key.name}” revoked.`;
  },
});
