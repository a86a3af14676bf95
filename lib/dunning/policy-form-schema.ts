// The admin policy form: amounts typed in the currency's major unit ("50.00"), the late fee as an
// amount or a percentage ("2.5"), checkboxes and hours — into the policy the use case stores.
import Decimal from "decimal.js";
import { z } from "zod";
import { checkbox } from "@/lib/http/form-fields";
import { wholeNumber } from "@/lib/http/schemas";
import { LADDER_STEPS } from "./steps";
import type { DunningPolicyInput } from "./policy-schema";

const amount = z
  .string()
  .trim()
  .regex(/^\d{1,9}(\.\d{1,2})?$/, "an amount like 50.00")
  .transform((v) => new Decimal(v).mul(100).toNumber());
const percent = z
  .string()
  .trim()
  .regex(/^\d{1,3}(\.\d{1,2})?$/, "a percentage like 2.5")
  .transform((v) => new Decimal(v).mul(100).toNumber());

const stepField = z.object({ offset: wholeNumber(-30, 365), enabled: checkbox() });
const stepFields = z.object({
  reminder: stepField,
  "overdue-notice": stepField,
  "late-fee": stepField,
  "soft-suspend": stepField,
  suspend: stepField,
  collections: stepField,
});

export const policyFormSchema = z
  .object({
    customerType: z.enum(["RESIDENTIAL", "BUSINESS"]),
    steps: stepFields,
    minBalance: amount,
    lateFeeKind: z.enum(["FIXED", "PERCENT"]),
    lateFeeValue: z.string(),
    reconnectionFee: amount,
    feesInMustPay: checkbox(),
    skipWeekends: checkbox(),
    cutoffHour: wholeNumber(0, 24),
    quietStartHour: wholeNumber(0, 24),
    quietEndHour: wholeNumber(0, 24),
  })
  .transform((f, ctx) => {
    const fee = (f.lateFeeKind === "FIXED" ? amount : percent).safeParse(f.lateFeeValue);
    if (!fee.success) {
      ctx.addIssue({
        code: "custom",
        path: ["lateFeeValue"],
        message: fee.error.issues[0].message,
      });
      return z.NEVER;
    }
    const policy: DunningPolicyInput = {
      steps: LADDER_STEPS.map((step) => ({
        step,
        offsetDays: f.steps[step].offset,
        enabled: f.steps[step].enabled,
      })),
      minBalance: f.minBalance,
      lateFeeKind: f.lateFeeKind,
      lateFeeValue: fee.data,
      reconnectionFee: f.reconnectionFee,
      feesInMustPay: f.feesInMustPay,
      skipWeekends: f.skipWeekends,
      cutoffHour: f.cutoffHour,
      quietStartHour: f.quietStartHour,
      quietEndHour: f.quietEndHour,
    };
    return { customerType: f.customerType, policy };
  });

export const holidayFormSchema = z.object({
  date: z.string().trim(),
  name: z.string().trim().max(100),
});

export const holdFormSchema = z.object({
  customerId: z.string().min(1).max(64),
  until: z
    .string()
    .trim()
    .transform((v) => v || null),
  reason: z.string().max(500),
  neverSuspend: checkbox(),
});

/** A stored policy as the form shows it (amounts in major units, the fee as typed). */
export function policyFormValues(p: DunningPolicyInput) {
  const major = (minor: number) => new Decimal(minor).div(100).toFixed(2);
  return {
    minBalance: major(p.minBalance),
    reconnectionFee: major(p.reconnectionFee),
    lateFeeValue:
      p.lateFeeKind === "FIXED"
        ? major(p.lateFeeValue)
        : new Decimal(p.lateFeeValue).div(100).toString(),
  };
}
