"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { changePassword, changePasswordSchema } from "@/lib/auth/change-password";
import { defineAction } from "@/lib/http/define-action";
import { requestIp } from "@/lib/http/request-ip";
import { safeReturnTo } from "./safe-return-to";

export const changePasswordAction = defineAction({
  // Not "staff": staff on a temporary password are sent here by requireStaff itself.
  who: "user",
  returnTo: "/change-password",
  schema: changePasswordSchema.safeExtend({ callbackUrl: z.string().optional() }),
  secret: ["current", "password", "confirm"],
  handler: async ({ actor, input: { callbackUrl, ...input } }) => {
    await changePassword({ actor, input, ip: await requestIp() });
    redirect(safeReturnTo(callbackUrl));
  },
});
