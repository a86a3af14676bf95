// The job schedule, declared once. It feeds both the Inngest server (inngest/functions) and
// the embedded scheduler (inngest/embedded-scheduler.ts) that runs when no server is configured.
// Every job is an idempotent sweep: running it twice, or late, is always safe.
import { deliverPendingNotifications } from "@/lib/notifications/deliver-pending";
import { runScheduledBilling } from "@/lib/billing/run-scheduled-billing";
import { processRequestedBillingRuns } from "@/lib/billing/process-requested-runs";
import { emailFinalizedInvoices } from "@/lib/invoices/email-invoice";
import { deleteExpiredRateLimits } from "@/lib/rate-limit/delete-expired-rate-limits";

export type ScheduledJob = {
  id: string;
  description: string;
  /** Cron in UTC. Jobs that care about the ISP's local time check it themselves. */
  cron: string;
  /** Events that make the job run sooner in embedded mode. */
  events?: string[];
  run: () => Promise<unknown>;
  /** Only for the embedded scheduler: with an Inngest server a dedicated function does this job. */
  embeddedOnly?: boolean;
};

export const SCHEDULE: ScheduledJob[] = [
  {
    id: "deliver-notifications",
    description: "Send queued emails",
    cron: "* * * * *",
    events: [
      "notifications/notification.queued",
      "orders/order.placed",
      "billing/invoice.finalized",
    ],
    run: () => deliverPendingNotifications(),
  },
  {
    id: "rate-limit-cleanup",
    description: "Delete rate-limit counters whose window has ended",
    cron: "17 * * * *",
    run: () => deleteExpiredRateLimits(),
  },
  // Billing (inngest/functions/billing-*.ts are the Inngest-server versions, with one step per batch).
  {
    id: "billing-daily",
    description: "Bill everything due today (from the ISP's billing hour) and finalise held drafts",
    cron: "*/15 * * * *",
    run: () => runScheduledBilling(),
    embeddedOnly: true,
  },
  {
    id: "billing-requested-runs",
    description: "Work through billing runs started from admin or the API",
    cron: "* * * * *",
    events: ["billing/run.requested"],
    run: () => processRequestedBillingRuns(),
    embeddedOnly: true,
  },
  {
    id: "billing-invoice-emails",
    description: "Email finalised invoices with their PDF",
    cron: "*/5 * * * *",
    events: ["billing/invoice.finalized"],
    run: () => emailFinalizedInvoices(),
    embeddedOnly: true,
  },
];
