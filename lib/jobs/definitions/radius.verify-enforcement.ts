// Every five minutes: sessions we disconnected that still send accounting get the Disconnect
// again, then staff are alerted (lib/network/verify-enforcement.ts). Idempotent: a session is
// re-sent once (the CoA log counts the attempts) and each alert has a dedupe key.
import { z } from "zod";
import { SYSTEM } from "@/lib/auth/roles";
import { notificationQueued } from "@/lib/events/events";
import { verifyEnforcement } from "@/lib/network/verify-enforcement";
import { defineJob } from "../define-job";

export const radiusVerifyEnforcement = defineJob({
  name: "radius.verify-enforcement",
  description: "Re-send Disconnects a NAS ignored, then alert staff",
  payload: z.object({}),
  cron: "*/5 * * * *",
  handler: async ({ step }) => {
    const r = await step.run("verify", () => verifyEnforcement({ actor: SYSTEM }));
    if (r.notificationIds.length)
      await step.sendEvent(
        "alerts",
        r.notificationIds.map((notificationId) => notificationQueued.create({ notificationId })),
      );
    return { resent: r.resent, alerted: r.alerted };
  },
});
