// The dunning policy as staff and the API edit it, and the defaults an ISP starts with. Offsets
// are days relative to the due date of the oldest overdue invoice.
import { z } from "zod";
import { LADDER_STEPS } from "./steps";

export const policyStepSchema = z.object({
  step: z.enum(LADDER_STEPS),
  offsetDays: z.number().int().min(-30).max(365),
  enabled: z.boolean(),
});

export const dunningPolicySchema = z
  .object({
    steps: z.array(policyStepSchema).length(LADDER_STEPS.length),
    minBalance: z.number().int().min(0).max(100_000_000),
    lateFeeKind: z.enum(["FIXED", "PERCENT"]),
    /** FIXED: minor units; PERCENT: basis points (250 = 2.5 %). */
    lateFeeValue: z.number().int().min(0).max(100_000_000),
    reconnectionFee: z.number().int().min(0).max(100_000_000),
    feesInMustPay: z.boolean(),
    skipWeekends: z.boolean(),
    cutoffHour: z.number().int().min(0).max(24),
    quietStartHour: z.number().int().min(0).max(24),
    quietEndHour: z.number().int().min(0).max(24),
  })
  .superRefine((p, ctx) => {
    const ids = new Set(p.steps.map((s) => s.step));
    if (ids.size !== LADDER_STEPS.length)
      ctx.addIssue({ code: "custom", path: ["steps"], message: "each step exactly once" });
    const reminder = p.steps.find((s) => s.step === "reminder");
    if (reminder && reminder.offsetDays >= 0)
      ctx.addIssue({
        code: "custom",
        path: ["steps"],
        message: "the reminder comes before the due date",
      });
    const after = p.steps.filter((s) => s.step !== "reminder" && s.offsetDays < 1);
    if (after.length)
      ctx.addIssue({
        code: "custom",
        path: ["steps"],
        message: "steps after the reminder come at least a day after the due date",
      });
    if (p.quietEndHour >= p.quietStartHour)
      ctx.addIssue({
        code: "custom",
        path: ["quietEndHour"],
        message: "messages start before quiet hours begin",
      });
    if (p.lateFeeKind === "PERCENT" && p.lateFeeValue > 10_000)
      ctx.addIssue({ code: "custom", path: ["lateFeeValue"], message: "at most 100 %" });
  });

export type DunningPolicyInput = z.infer<typeof dunningPolicySchema>;
export type DunningPolicy = DunningPolicyInput & { customerType: "RESIDENTIAL" | "BUSINESS" };

const ladder = (offsets: Record<(typeof LADDER_STEPS)[number], number>) =>
  LADDER_STEPS.map((step) => ({ step, offsetDays: offsets[step], enabled: true }));

/** What the issue asks for: −3 reminder, +1 notice, +7 fee, +10 soft, +14 hard, +45 collections. */
export const DEFAULT_POLICY: DunningPolicyInput = {
  steps: ladder({
    reminder: -3,
    "overdue-notice": 1,
    "late-fee": 7,
    "soft-suspend": 10,
    suspend: 14,
    collections: 45,
  }),
  minBalance: 5000,
  lateFeeKind: "FIXED",
  lateFeeValue: 5000,
  reconnectionFee: 0,
  feesInMustPay: true,
  skipWeekends: true,
  cutoffHour: 15,
  quietStartHour: 20,
  quietEndHour: 8,
};
