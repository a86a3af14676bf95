// Every background job, defined once (lib/jobs/definitions/<name>.ts). The Inngest functions
// (inngest/functions.ts), the embedded scheduler (inngest/embedded-scheduler.ts), the admin Jobs
// page and /api/v1/jobs all read this list. New jobs are appended here.
import type { AnyJob } from "./define-job";
import { billingFinalizeHeld } from "./definitions/billing.finalize-held";
import { billingInvoiceDocuments } from "./definitions/billing.invoice-documents";
import { billingRun } from "./definitions/billing.run";
import { notificationsDeliver } from "./definitions/notifications.deliver";
import { paymentJobs } from "@/lib/payments/jobs";
import { authRateLimitCleanup } from "./definitions/auth.rate-limit-cleanup";
import { opsBackupJob } from "./definitions/ops.backup";
import { radiusResync } from "./definitions/radius.resync";
import { railsPollCharges } from "./definitions/rails.poll-charges";
import { railsSchedulePixAutomatico } from "./definitions/rails.schedule-pix-automatico";
import { radiusSync } from "./definitions/radius.sync";
import { radiusVerifyEnforcement } from "./definitions/radius.verify-enforcement";
import { usageFold } from "./definitions/usage.fold";
import { bankBuildCollection } from "./definitions/bank.build-collection";
import { bankImportInbox } from "./definitions/bank.import-inbox";
import { bankPrenotify } from "./definitions/bank.prenotify";
import { dunningSweep } from "./definitions/dunning.sweep";
import { reportsSnapshotMrr } from "./definitions/reports.snapshot-mrr";
import { reportsTrainRisk } from "./definitions/reports.train-risk";

const ALL = [
  notificationsDeliver,
  billingRun,
  billingFinalizeHeld,
  billingInvoiceDocuments,
  ...paymentJobs,
  railsPollCharges,
  authRateLimitCleanup,
  opsBackupJob,
  radiusSync,
  radiusResync,
  radiusVerifyEnforcement,
  usageFold,
  bankBuildCollection,
  bankPrenotify,
  bankImportInbox,
  dunningSweep,
  reportsSnapshotMrr,
  reportsTrainRisk,
  railsSchedulePixAutomatico,
];

export type JobName = (typeof ALL)[number]["name"];

export const JOBS: readonly (AnyJob & { name: JobName })[] = ALL;

/** The job names, for `z.enum` in the API. */
export const JOB_NAMES = ALL.map((job) => job.name) as [JobName, ...JobName[]];

export const findJob = (name: string): AnyJob | undefined => JOBS.find((job) => job.name === name);
