// webhooks.deliver: sends queued outbound webhook events (payment.succeeded, invoice.paid, …) to
// integrators' endpoints, signed, and retries failures with backoff (1 min … 24 h, nine attempts
// over about three days). Every minute; claims deliveries with SKIP LOCKED and a lease, so
// overlapping runs on either engine never send one delivery twice at the same time.
import { z } from "zod";
import { defineJob } from "@/lib/jobs/define-job";
import { deliverWebhooks } from "@/lib/webhooks/deliver-webhooks";

export const webhooksDeliver = defineJob({
  name: "webhooks.deliver",
  description: "Send outbound webhook events to integrators, retrying with backoff",
  payload: z.object({}),
  cron: "* * * * *",
  concurrencyKey: "webhooks.deliver",
  retries: 0, // a failed delivery is rescheduled in the database, not by the runner
  handler: ({ step }) => step.run("deliver", () => deliverWebhooks()),
});
