"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/http/define-action";
import { setUserActive, setUserActiveSchema } from "@/lib/users/set-user-active";

export const setUserActiveAction = defineAction({
  who: "staff",
  permission: "users:write",
  returnTo: "/admin/users",
  schema: setUserActiveSchema,
  handler: async ({ actor, input }) => {
    const user = await setUserActive({ actor, ...input });
    revalidatePath("/admin/users");
    return `${user.name} ${user.active ? "can sign in again" : "can no longer sign in"}.`;
  },
});
