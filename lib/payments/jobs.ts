// The jobs of the payments area, for the job registry (lib/jobs/registry.ts adds them).
import { paymentsApplyCredit } from "@/lib/jobs/definitions/payments.apply-credit";
import { railsPollCharges } from "@/lib/jobs/definitions/rails.poll-charges";
import { webhooksDeliver } from "@/lib/jobs/definitions/webhooks.deliver";

export const paymentJobs = [paymentsApplyCredit, webhooksDeliver, railsPollCharges] as const;
