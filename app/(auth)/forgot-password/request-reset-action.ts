"use server";

import {
  requestPasswordReset,
  requestPasswordResetSchema,
  RESET_REQUESTED_MESSAGE,
} from "@/lib/auth/request-password-reset";
import { defineAction } from "@/lib/http/define-action";
import { requestIp } from "@/lib/http/client-ip";

export const requestResetAction = defineAction({
  who: "public",
  schema: requestPasswordResetSchema,
  handler: async ({ input }) => {
    await requestPasswordReset({ ...input, ip: await requestIp() });
    return RESET_REQUESTED_MESSAGE;
  },
});
