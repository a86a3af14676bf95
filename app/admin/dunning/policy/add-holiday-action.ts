"use server";

import { revalidatePath } from "next/cache";
import { editHoliday } from "@/lib/dunning/edit-holiday";
import { holidayFormSchema } from "@/lib/dunning/policy-form-schema";
import { defineAction } from "@/lib/http/define-action";

export const addHolidayAction = defineAction({
  who: "staff",
  permission: "settings:write",
  schema: holidayFormSchema,
  returnTo: "/admin/dunning/policy",
  handler: async ({ actor, input }) => {
    await editHoliday({ actor, add: input });
    revalidatePath("/admin/dunning/policy");
    return `${input.date} added: no suspensions that day.`;
  },
});
