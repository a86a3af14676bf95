// Payment arrangements, the pure part shared by the portal's live preview, the server and the
// API: the ISP's rules per customer class, the schedule a customer's choices make, and the check
// that decides between "approved at once" and "refer to ACCOUNTS". Pure: safe for components.
import Decimal from "decimal.js";
import { z } from "zod";
import { addDays, daysBetween, isIsoDate, type IsoDate } from "@/lib/time/dates";
import { LADDER_STEPS } from "../steps";

export const MAX_INSTALMENTS = 24;
/** However generous the ISP's rules, a schedule ends within a year. */
export const MAX_SPAN_DAYS = 365;
export const INTERVALS = [7, 14, 30] as const;

export const arrangementPolicySchema = z
  .object({
    enabled: z.boolean(),
    maxInstalments: z.number().int().min(1).max(MAX_INSTALMENTS),
    minFirstKind: z.enum(["FIXED", "PERCENT"]),
    /** FIXED: minor units; PERCENT: basis points of the arranged total. */
    minFirstValue: z.number().int().min(0).max(100_000_000),
    maxSpanDays: z.number().int().min(1).max(MAX_SPAN_DAYS),
    /** The ladder step a missed instalment resumes dunning at. */
    resumeStep: z.enum(LADDER_STEPS).exclude(["reminder", "late-fee"]),
    liftRestrictions: z.boolean(),
  })
  .superRefine((p, ctx) => {
    if (p.minFirstKind === "PERCENT" && p.minFirstValue > 10_000)
      ctx.addIssue({ code: "custom", path: ["minFirstValue"], message: "at most 100 %" });
  });

export type ArrangementPolicyInput = z.infer<typeof arrangementPolicySchema>;
export type ArrangementPolicy = ArrangementPolicyInput & {
  customerType: "RESIDENTIAL" | "BUSINESS";
};

/** Up to three payments, the first at least a quarter, all within 60 days; resume at the notice. */
export const DEFAULT_ARRANGEMENT_POLICY: ArrangementPolicyInput = {
  enabled: true,
  maxInstalments: 3,
  minFirstKind: "PERCENT",
  minFirstValue: 2500,
  maxSpanDays: 60,
  resumeStep: "overdue-notice",
  liftRestrictions: true,
};

export type Instalment = { dueDate: IsoDate; amount: number };

export const instalmentsSchema = z
  .array(
    z.object({
      dueDate: z.string().refine(isIsoDate, "must be a real date written YYYY-MM-DD"),
      amount: z.number().int("must be whole minor units").min(1, "must be at least 1"),
    }),
  )
  .min(1, "at least one instalment")
  .max(MAX_INSTALMENTS, `at most ${MAX_INSTALMENTS} instalments`);

/** The portal's form: how many payments, the first one (major units), when, and how often. */
export const proposalFormSchema = z.object({
  count: z.coerce
    .number({ error: "choose how many payments" })
    .int()
    .min(1, "at least one payment")
    .max(MAX_INSTALMENTS, `at most ${MAX_INSTALMENTS} payments`),
  firstAmount: z
    .string()
    .trim()
    .regex(/^\d{1,9}(\.\d{1,2})?$/, "an amount like 250.00")
    .transform((v) => new Decimal(v).mul(100).toNumber()),
  firstDate: z.string().trim().refine(isIsoDate, "Use a date like 2026-03-31"),
  everyDays: z.coerce
    .number()
    .refine((v) => (INTERVALS as readonly number[]).includes(v), "weekly, fortnightly or monthly"),
  note: z.string().trim().max(500, "at most 500 characters").optional(),
});
export type ProposalForm = z.output<typeof proposalFormSchema>;

/** The first payment, then the rest split evenly (the last takes the odd cents). */
export function buildSchedule(opts: {
  total: number;
  count: number;
  firstAmount: number;
  firstDate: IsoDate;
  everyDays: number;
}): Instalment[] {
  const { total, count, firstDate, everyDays } = opts;
  if (count <= 1) return [{ dueDate: firstDate, amount: total }];
  const first = Math.min(opts.firstAmount, total);
  const rest = total - first;
  const each = Math.floor(rest / (count - 1));
  return Array.from({ length: count }, (_, i) => ({
    dueDate: addDays(firstDate, i * everyDays),
    amount: i === 0 ? first : i === count - 1 ? rest - each * (count - 2) : each,
  }));
}

export function minFirstPayment(policy: ArrangementPolicyInput, total: number): number {
  if (policy.minFirstKind === "FIXED") return Math.min(policy.minFirstValue, total);
  return new Decimal(total)
    .mul(policy.minFirstValue)
    .div(10_000)
    .toDecimalPlaces(0, Decimal.ROUND_UP)
    .toNumber();
}

export type ScheduleCheck = {
  /** Field → message: the schedule cannot be accepted at all (a 400). */
  invalid: Record<string, string>;
  /** Outside the ISP's rules: staff decide. Empty = approved at once. */
  referReasons: string[];
};

export function checkSchedule(
  policy: ArrangementPolicyInput,
  total: number,
  instalments: Instalment[],
  today: IsoDate,
  money: (minor: number) => string = String,
): ScheduleCheck {
  const invalid: Record<string, string> = {};
  const sum = instalments.reduce((s, i) => s + i.amount, 0);
  if (instalments.some((i) => i.amount <= 0))
    invalid.instalments = "every payment must be more than zero";
  else if (sum !== total)
    invalid.instalments = `the payments add up to ${money(sum)}, not the ${money(total)} overdue`;
  if (instalments.some((i, n) => n > 0 && i.dueDate <= instalments[n - 1].dueDate))
    invalid.dueDate = "each payment date must come after the one before";
  const first = instalments[0];
  const last = instalments.at(-1);
  if (first && first.dueDate < today) invalid.firstDate = "the first payment cannot be in the past";
  if (last && daysBetween(today, last.dueDate) > MAX_SPAN_DAYS)
    invalid.dueDate = `the last payment must be within ${MAX_SPAN_DAYS} days`;

  const referReasons: string[] = [];
  if (instalments.length > policy.maxInstalments)
    referReasons.push(`more than ${policy.maxInstalments} payments`);
  const minFirst = minFirstPayment(policy, total);
  if (first && first.amount < minFirst)
    referReasons.push(`first payment under the minimum of ${money(minFirst)}`);
  if (last && last.dueDate > addDays(today, policy.maxSpanDays))
    referReasons.push(`last payment more than ${policy.maxSpanDays} days away`);
  return { invalid, referReasons };
}

/**
 * How far the money paid since the arrangement reaches: per instalment, covered or not, and the
 * due date of the first one not covered (null when all are).
 */
export function coverage(instalments: Instalment[], paid: number) {
  let due = 0;
  const rows = instalments.map((i) => {
    due += i.amount;
    return { ...i, covered: paid >= due };
  });
  return { rows, firstUncovered: rows.find((r) => !r.covered)?.dueDate ?? null };
}

/** Staff approve or reject a proposal (the queue and the customer page). */
export const decisionFormSchema = z.object({
  customerId: z.string().min(1).max(64),
  arrangementId: z.string().min(1).max(64),
  reason: z.string().trim().max(500, "at most 500 characters").optional(),
});

/** The arrangement rules on the policy page: amounts in major units, percentages as typed. */
export const arrangementPolicyFormSchema = z
  .object({
    customerType: z.enum(["RESIDENTIAL", "BUSINESS"]),
    enabled: z
      .union([z.boolean(), z.enum(["on", "true", "false"]).transform((v) => v !== "false")])
      .optional()
      .transform((v) => v ?? false),
    liftRestrictions: z
      .union([z.boolean(), z.enum(["on", "true", "false"]).transform((v) => v !== "false")])
      .optional()
      .transform((v) => v ?? false),
    maxInstalments: z.coerce.number().int("a whole number").min(1).max(MAX_INSTALMENTS),
    minFirstKind: z.enum(["FIXED", "PERCENT"]),
    minFirstValue: z
      .string()
      .trim()
      .regex(/^\d{1,9}(\.\d{1,2})?$/, "an amount like 100.00 or a percentage like 25"),
    maxSpanDays: z.coerce.number().int("a whole number").min(1).max(MAX_SPAN_DAYS),
    resumeStep: z.enum(["overdue-notice", "soft-suspend", "suspend", "collections"]),
  })
  .transform((f, ctx) => {
    const value = new Decimal(f.minFirstValue).mul(100).toNumber();
    if (f.minFirstKind === "PERCENT" && value > 10_000) {
      ctx.addIssue({ code: "custom", path: ["minFirstValue"], message: "at most 100 %" });
      return z.NEVER;
    }
    const policy: ArrangementPolicyInput = {
      enabled: f.enabled,
      maxInstalments: f.maxInstalments,
      minFirstKind: f.minFirstKind,
      minFirstValue: value,
      maxSpanDays: f.maxSpanDays,
      resumeStep: f.resumeStep,
      liftRestrictions: f.liftRestrictions,
    };
    return { customerType: f.customerType, policy };
  });
