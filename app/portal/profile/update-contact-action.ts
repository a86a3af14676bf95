"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/http/define-action";
import { myContactSchema } from "@/lib/portal/profile-schema";
import { updateMyContact } from "@/lib/portal/update-my-contact";

export const updateContactAction = defineAction({
  who: "customer",
  returnTo: "/portal/profile",
  schema: myContactSchema,
  handler: async ({ actor, input }) => {
    const { changed } = await updateMyContact({ actor, customerId: actor.customerId, ...input });
    revalidatePath("/portal/profile");
    return changed.length ? "Saved." : "Nothing changed.";
  },
});
