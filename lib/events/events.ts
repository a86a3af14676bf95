// Typed events. Names are domain/noun.verb. Every consumer is an idempotent sweep over database
// state, so an event only makes work happen sooner; losing one delays, never breaks.
import { eventType } from "inngest";
import { z } from "zod";

export const orderPlaced = eventType("orders/order.placed", {
  schema: z.object({ orderId: z.string(), customerId: z.string() }),
});

export const invoiceFinalized = eventType("billing/invoice.finalized", {
  schema: z.object({ invoiceId: z.string(), customerId: z.string() }),
});

export const billingRunRequested = eventType("billing/run.requested", {
  schema: z.object({ runId: z.string(), asOf: z.string() }),
});

export const notificationQueued = eventType("notifications/notification.queued", {
  schema: z.object({ notificationId: z.string() }),
});

/** An operator ran a job now (lib/jobs/run-job-now.ts) while an Inngest server runs the jobs. */
export const jobRunRequested = eventType("jobs/run.requested", {
  schema: z.object({
    job: z.string(),
    jobRunId: z.string(),
    trigger: z.enum(["manual", "api"]),
    payload: z.record(z.string(), z.unknown()),
  }),
});

/**
 * A subscription's state changed in a way the network follows: activated, suspended (hard, or
 * soft through `softSuspendedAt`), resumed, plan changed, cancelled. The radius.sync job brings
 * FreeRADIUS's rows in line and sends CoA/Disconnect to open sessions; dunning only has to change
 * the subscription and publish this.
 */
export const subscriptionChanged = eventType("subscriptions/subscription.changed", {
  schema: z.object({
    subscriptionId: z.string(),
    change: z.enum([
      "activate",
      "suspend",
      "soft-suspend",
      "resume",
      "plan-change",
      "cancel",
      "credentials",
      "usage-cap",
      "static-ip",
    ]),
  }),
});
