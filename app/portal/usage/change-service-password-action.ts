"use server";

import { requestIp } from "@/lib/http/client-ip";
import { defineAction } from "@/lib/http/define-action";
import { changeServicePassword } from "@/lib/network/change-service-password";
import { servicePasswordSchema } from "@/lib/network/service-password-schema";

export const changeServicePasswordAction = defineAction({
  who: "customer",
  returnTo: "/portal/usage",
  schema: servicePasswordSchema,
  secret: ["password"],
  handler: async ({ actor, input }) => {
    const { username } = await changeServicePassword({
      actor,
      ...input,
      ip: await requestIp(),
    });
    return `Saved. Enter the new password for ${username} on your router; it connects with it from now on.`;
  },
});
