// rails.schedule-pix-automatico: sends each Pix Automático collection (`PUT /cobr/{txid}`) for
// invoices due in 2–10 days (lib/payments/rails/pix/automatico/schedule-pix-automatico-charges.ts).
// Hourly; idempotent, since an invoice gets one collection per authorisation.
import { z } from "zod";
import { defineJob } from "@/lib/jobs/define-job";
import { schedulePixAutomaticoCharges } from "@/lib/payments/rails/pix/automatico/schedule-pix-automatico-charges";

export const railsSchedulePixAutomatico = defineJob({
  name: "rails.schedule-pix-automatico",
  description: "Send Pix Automático collections for invoices due in 2–10 days",
  payload: z.object({}),
  cron: "20 * * * *",
  concurrencyKey: "rails.schedule-pix-automatico",
  handler: ({ step }) => step.run("schedule", () => schedulePixAutomaticoCharges()),
});
