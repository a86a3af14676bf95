"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/http/define-action";
import { changeUserRole, changeUserRoleSchema } from "@/lib/users/change-user-role";
import { roleLabel } from "@/lib/format/labels";

export const changeUserRoleAction = defineAction({
  who: "staff",
  permission: "users:write",
  returnTo: "/admin/users",
  schema: changeUserRoleSchema,
  handler: async ({ actor, input }) => {
    const user = await changeUserRole({ actor, ...input });
    revalidatePath("/admin/users");
    return `${user.name} is now ${roleLabel(user.role).toLowerCase()}.`;
  },
});
