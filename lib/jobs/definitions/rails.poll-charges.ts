// rails.poll-charges: the fallback for lost provider callbacks — applies stored STK callbacks that
// came early and asks the PSP / Daraja about charges still pending (lib/payments/rails/
// poll-rail-charges.ts). Every two minutes; idempotent, since a charge settles once.
import { z } from "zod";
import { defineJob } from "@/lib/jobs/define-job";
import { pollRailCharges } from "@/lib/payments/rails/poll-rail-charges";

export const railsPollCharges = defineJob({
  name: "rails.poll-charges",
  description: "Ask Pix and M-PESA about charges whose callback has not come",
  payload: z.object({}),
  cron: "*/2 * * * *",
  concurrencyKey: "rails.poll-charges",
  handler: ({ step }) => step.run("poll", () => pollRailCharges()),
});
