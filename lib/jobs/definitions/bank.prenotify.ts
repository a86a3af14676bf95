// bank.prenotify: emails each debtor of a pending collection once (dedupe key per item), after a
// batch is built and hourly as a sweep. Idempotent: notified items carry prenotifiedAt.
import { z } from "zod";
import { prenotifyDebtors } from "@/lib/bank/prenotify-debtors";
import { defineJob } from "../define-job";

export const bankPrenotify = defineJob({
  name: "bank.prenotify",
  description: "Pre-notify debtors of their coming debit order",
  payload: z.object({ collectionDate: z.string().max(10).optional() }),
  cron: "25 * * * *",
  events: ["bank/collection.built"],
  handler: ({ step }) => step.run("prenotify", () => prenotifyDebtors()),
});
