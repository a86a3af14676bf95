// payments.retry: charges declined invoices again on the ISP's retry days (default 0, 3, 7 after
// the first attempt), hourly. Never retries an attempt the bank wants the cardholder to approve.
// Shares payments.charge-due's concurrency key, so the two never charge one invoice at once.
import { z } from "zod";
import { SYSTEM } from "@/lib/auth/roles";
import { isCardPaymentEnabled } from "@/lib/payment-methods/card-payments-enabled";
import { defineJob } from "@/lib/jobs/define-job";
import { retryFailedCharges } from "@/lib/payments/stripe/retry-failed-charges";

export const paymentsRetry = defineJob({
  name: "payments.retry",
  description: "Retry declined card charges on the retry schedule",
  payload: z.object({}),
  cron: "5 * * * *",
  concurrencyKey: "payments.charge",
  handler: ({ step }) =>
    step.run("retry", async () =>
      isCardPaymentEnabled()
        ? retryFailedCharges({ actor: SYSTEM })
        : { skipped: "Stripe is not configured" },
    ),
});
