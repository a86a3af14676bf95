// The jobs of the payments area, for the job registry (lib/jobs/registry.ts adds them).
import { paymentsApplyCredit } from "@/lib/jobs/definitions/payments.apply-credit";
import { webhooksDeliver } from "@/lib/jobs/definitions/webhooks.deliver";

export const paymentJobs = [paymentsApplyCredit, webhooksDeliver] as const;
