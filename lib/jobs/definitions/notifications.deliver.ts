// Sends what the outbox holds. Each message is claimed with SKIP LOCKED and marked sent in the
// same transaction, so a repeated or concurrent run never sends a message twice; a failing
// message is retried by later runs up to five attempts.
import { z } from "zod";
import { notificationQueued, orderPlaced } from "@/lib/events/events";
import { deliverPendingNotifications } from "@/lib/notifications/deliver-pending";
import { defineJob } from "../define-job";

export const notificationsDeliver = defineJob({
  name: "notifications.deliver",
  description: "Send queued emails",
  payload: z.object({}),
  cron: "* * * * *",
  events: [notificationQueued.name, orderPlaced.name],
  handler: ({ step }) => step.run("deliver", () => deliverPendingNotifications()),
});
