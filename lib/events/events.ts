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

/** A collection batch was built (lib/bank): bank.prenotify tells its debtors. */
export const collectionBuilt = eventType("bank/collection.built", {
  schema: z.object({ collectionDate: z.string() }),
});

/**
 * A debit order was rejected or returned by the bank (lib/bank/fail-item-tx.ts): the invoices
 * re-opened and `action` says what the reason code did (RETRY, HOLD, SUSPEND_MANDATE, CONTACT,
 * REFUND_CLAIM, REVIEW). Dunning takes the account over from here.
 */
export const debitReturned = eventType("bank/debit.returned", {
  schema: z.object({
    customerId: z.string(),
    paymentId: z.string(),
    invoiceIds: z.array(z.string()),
    reasonCode: z.string().nullable(),
    action: z.string(),
  }),
});
