"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/http/define-action";
import { createNas } from "@/lib/network/create-nas";
import { nasInputSchema } from "@/lib/network/nas-schema";

export const createNasAction = defineAction({
  who: "staff",
  permission: "network:write",
  // A form posts text: the port arrives as a string.
  schema: nasInputSchema.extend({
    coaPort: z.coerce.number().int().min(1).max(65535).default(3799),
  }),
  returnTo: "/admin/network",
  secret: ["secret"],
  handler: async ({ actor, input }) => {
    const nas = await createNas({ actor, input });
    revalidatePath("/admin/network");
    return `${nas.name} (${nas.ipAddress}) added. Run npm run radius:config again so FreeRADIUS accepts it.`;
  },
});
