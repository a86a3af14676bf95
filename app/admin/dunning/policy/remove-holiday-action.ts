"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { editHoliday } from "@/lib/dunning/edit-holiday";
import { defineAction } from "@/lib/http/define-action";

export const removeHolidayAction = defineAction({
  who: "staff",
  permission: "settings:write",
  schema: z.object({ id: z.string().min(1).max(64) }),
  returnTo: "/admin/dunning/policy",
  handler: async ({ actor, input }) => {
    await editHoliday({ actor, removeId: input.id });
    revalidatePath("/admin/dunning/policy");
    return "Holiday removed.";
  },
});
