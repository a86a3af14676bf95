// reports.train-risk: retrains the payment-risk model on the ISP's own history and rescores every
// live customer (lib/reports/risk/train-risk-model.ts). Weekly. Idempotent: a run replaces the
// scores with ones from the same history; each run keeps its model row for the audit trail.
import { z } from "zod";
import { SYSTEM } from "@/lib/auth/roles";
import { defineJob } from "@/lib/jobs/define-job";
import { trainRiskModel } from "@/lib/reports/risk/train-risk-model";

export const reportsTrainRisk = defineJob({
  name: "reports.train-risk",
  description: "Retrain the payment-risk model and rescore customers",
  payload: z.object({}),
  cron: "25 3 * * 1",
  handler: ({ step }) => step.run("train", () => trainRiskModel({ actor: SYSTEM })),
});
