"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/http/define-action";
import { createStaffUser, createStaffUserSchema } from "@/lib/users/create-staff-user";

export const createStaffUserAction = defineAction({
  who: "staff",
  permission: "users:write",
  returnTo: "/admin/users",
  schema: createStaffUserSchema,
  secret: ["password"],
  handler: async ({ actor, input }) => {
    const user = await createStaffUser({ actor, ...input });
    revalidatePath("/admin/users");
    return input.mode === "password"
      ? `${user.name} can sign in as ${user.email} with the temporary password you chose.`
      : `${user.name} has been emailed a link to choose a password (valid 72 hours).`;
  },
});
