// The planner's view of arrangements (pure, like plan-account.ts, so the sweep and the forecast
// decide alike). An agreed arrangement breaks at the first moment messages may go out on a day
// after an instalment's due date that the money paid since has not reached — and, when the
// approval lifted a restriction the break puts back, only when suspensions may happen. A broken
// arrangement re-anchors the ladder of its invoices: the resume step comes due on the day it
// broke (sooner or later than the plain ladder would have taken it), later steps at their usual
// distance after it; a step already taken for the invoice is not taken again.
import { addDays, type IsoDate } from "@/lib/time/dates";
import type { Window } from "../calendar";
import type { AccountSnapshot, OpenInvoice, PlannedStep } from "../plan-account";
import type { DunningPolicy } from "../policy-schema";
import type { LadderStep } from "../steps";

export type ArrangementSnapshot = {
  id: string;
  invoiceIds: string[];
  /** What is still unpaid of the arranged total. */
  owed: number;
  /** The due date of the first instalment not yet covered; null when all are. */
  missAfter: IsoDate | null;
  /** The amount of that instalment. */
  missAmount: number;
  resumeStep: LadderStep;
  /** Approval lifted a throttle or suspension: the break puts it back. */
  relift: boolean;
};

export type ResumeSnapshot = { from: IsoDate; step: LadderStep; invoiceIds: string[] };

export function arrangementMissed(
  account: AccountSnapshot,
  date: IsoDate,
  window: Window,
): PlannedStep | null {
  const a = account.arrangement;
  if (!account.arranged || !a?.missAfter || date <= a.missAfter) return null;
  if (!window.messages || (a.relift && !window.suspensions)) return null;
  return {
    customerId: account.customerId,
    step: "arrangement-missed",
    invoiceId: a.id,
    invoiceIds: a.invoiceIds,
    amount: a.owed,
    reason: `payment due ${a.missAfter} missed: dunning resumes at ${a.resumeStep}`,
  };
}

/** The snapshot after a break on `date` (the forecast's "what happens next"). */
export function afterBreak(account: AccountSnapshot, date: IsoDate) {
  const a = account.arrangement!;
  account.arranged = false;
  account.arrangement = null;
  account.resume = { from: date, step: a.resumeStep, invoiceIds: a.invoiceIds };
}

/** The due date the ladder counts from: the invoice's, or later after a broken arrangement. */
export function ladderDueDate(
  account: AccountSnapshot,
  anchor: OpenInvoice,
  policy: DunningPolicy,
): IsoDate {
  const r = account.resume;
  if (!r || !r.invoiceIds.includes(anchor.id)) return anchor.dueDate;
  const offset = policy.steps.find((s) => s.step === r.step)?.offsetDays ?? 1;
  return addDays(r.from, -offset);
}
