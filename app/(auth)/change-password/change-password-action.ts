"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { changePassword, changePasswordSchema } from "@/lib/auth/change-password";
import { reissueSessionCookie } from "@/lib/auth/reissue-session";
import { defineAction } from "@/lib/http/define-action";
import { requestIp } from "@/lib/http/client-ip";
import { safeReturnTo } from "@/lib/http/safe-return-to";

export const changePasswordAction = defineAction({
  // Not "staff": staff on a temporary password are sent here by requireStaff itself.
  who: "user",
  returnTo: "/change-password",
  schema: changePasswordSchema.safeExtend({ callbackUrl: z.string().optional() }),
  secret: ["current", "password", "confirm"],
  handler: async ({ actor, input: { callbackUrl, ...input } }) => {
    const { sessionVersion } = await changePassword({ actor, input, ip: await requestIp() });
    await reissueSessionCookie(sessionVersion); // other sessions end; this one carries on
    redirect(safeReturnTo(callbackUrl));
  },
});
