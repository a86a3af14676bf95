// The job schedule, declared once. It feeds both the Inngest server (inngest/functions) and
// the embedded scheduler (inngest/embedded-scheduler.ts) that runs when no server is configured.
// Every job is an idempotent sweep: running it twice, or late, is always safe.
import { deliverPendingNotifications } from "@/lib/notifications/deliver-pending";

export type ScheduledJob = {
  id: string;
  description: string;
  /** Cron in UTC. Jobs that care about the ISP's local time check it themselves. */
  cron: string;
  /** Events that make the job run sooner in embedded mode. */
  events?: string[];
  run: () => Promise<unknown>;
};

export const SCHEDULE: ScheduledJob[] = [
  {
    id: "deliver-notifications",
    description: "Send queued emails",
    cron: "* * * * *",
    events: ["notifications/notification.queued", "orders/order.placed", "billing/invoice.finalized"],
    run: () => deliverPendingNotifications(),
  },
];
