"use server";

import { newPasswordSchema, resetPassword } from "@/lib/auth/reset-password";
import { defineAction } from "@/lib/http/define-action";
import { requestIp } from "@/lib/http/client-ip";

export const resetPasswordAction = defineAction({
  who: "public",
  schema: newPasswordSchema,
  secret: ["token", "password", "confirm"],
  handler: async ({ input }) => {
    const { email } = await resetPassword({ ...input, ip: await requestIp() });
    return `Your password is set. Sign in as ${email}.`;
  },
});
