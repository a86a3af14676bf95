// The jobs of the payments area, for the job registry (lib/jobs/registry.ts adds them).
import { paymentsApplyCredit } from "@/lib/jobs/definitions/payments.apply-credit";
import { paymentsChargeDue } from "@/lib/jobs/definitions/payments.charge-due";
import { paymentsJanitor } from "@/lib/jobs/definitions/payments.janitor";
import { paymentsRetry } from "@/lib/jobs/definitions/payments.retry";
import { webhooksDeliver } from "@/lib/jobs/definitions/webhooks.deliver";

export const paymentJobs = [
  paymentsApplyCredit,
  webhooksDeliver,
  paymentsChargeDue,
  paymentsRetry,
  paymentsJanitor,
] as const;
