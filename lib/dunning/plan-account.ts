// The planner: what dunning does to one account on one local day, given what may happen in the
// hours left (calendar.ts). Pure, so the hourly sweep (run-dunning-sweep.ts) and the forecast
// (forecast-dunning.ts) run exactly the same decisions.
//
// The ladder counts from the due date of the oldest open invoice (fee invoices dunning raised
// itself never start a ladder). On a day, every charge step that has come due fires once per
// invoice, and of the stage steps (reminder … collections) only the furthest one that has come
// due and may happen now — never one at or below a stage already reached for that invoice.
import Decimal from "decimal.js";
import { addDays, type IsoDate } from "@/lib/time/dates";
import type { DunningPolicy } from "./policy-schema";
import type { Window } from "./calendar";
import { STAGE_RANK, type DunningStep, type LadderStep } from "./steps";
import {
  ladderDueDate,
  type ArrangementSnapshot,
  type ResumeSnapshot,
} from "./arrangements/plan-arrangement";

export type OpenInvoice = { id: string; dueDate: IsoDate; open: number };

export type AccountSnapshot = {
  customerId: string;
  currency: string;
  neverSuspend: boolean;
  holdUntil: IsoDate | null;
  arranged: boolean;
  /** Unallocated money waiting on the account: dunning leaves it alone until it is applied. */
  unallocated: number;
  /** Pays by card, debit order or approved Pix Automático: reminders say "we will collect on …". */
  autoPay: boolean;
  /** Open, non-fee invoices with something left to pay, oldest due first. */
  invoices: OpenInvoice[];
  /** `${step}:${invoiceId}` of every step already taken. */
  done: Set<string>;
  /** The agreed payment arrangement, while `arranged` (lib/dunning/arrangements). */
  arrangement?: ArrangementSnapshot | null;
  /** After a broken arrangement: its invoices' ladder resumes at a step on the day it broke. */
  resume?: ResumeSnapshot | null;
};

export type PlannedStep = {
  customerId: string;
  step: DunningStep;
  /** The invoice the ladder counts from: with the step and customer, the idempotency key. */
  invoiceId: string;
  invoiceIds: string[];
  amount: number;
  reason: string;
};

/** A step taken on an invoice (load-accounts.ts builds the same string in SQL). */
export const doneKey = (step: string, invoiceId: string) => `${step}:${invoiceId}`;

export function lateFee(policy: DunningPolicy, open: number): number {
  if (policy.lateFeeKind === "FIXED") return policy.lateFeeValue;
  return new Decimal(open).mul(policy.lateFeeValue).div(10_000).toDecimalPlaces(0).toNumber();
}

export function planAccount(
  account: AccountSnapshot,
  policy: DunningPolicy,
  date: IsoDate,
  window: Window,
): PlannedStep[] {
  if (!window.messages) return [];
  if (account.arranged || (account.holdUntil && date < account.holdUntil)) return [];
  if (account.unallocated > 0) return [];
  const anchor = account.invoices[0];
  if (!anchor) return [];
  const overdue = account.invoices.filter((i) => i.dueDate < date);
  const overdueAmount = overdue.reduce((s, i) => s + i.open, 0);
  const owed = anchor.dueDate < date ? overdueAmount : anchor.open;
  if (owed <= 0 || owed < policy.minBalance) return [];

  const reached = Math.max(
    0,
    ...Object.entries(STAGE_RANK)
      .filter(([step]) => account.done.has(doneKey(step, anchor.id)))
      .map(([, rank]) => rank!),
  );
  const ladderDue = ladderDueDate(account, anchor, policy);
  const comeDue = (step: LadderStep) => {
    const s = policy.steps.find((p) => p.step === step)!;
    return s.enabled && date >= addDays(ladderDue, s.offsetDays);
  };
  const base = {
    customerId: account.customerId,
    invoiceId: anchor.id,
    invoiceIds: overdue.length ? overdue.map((i) => i.id) : [anchor.id],
    amount: owed,
  };
  const planned: PlannedStep[] = [];

  const stages = (Object.keys(STAGE_RANK) as LadderStep[]).filter((step) => {
    if (!comeDue(step) || STAGE_RANK[step]! <= reached) return false;
    if (step === "reminder") return date < anchor.dueDate;
    if (anchor.dueDate >= date) return false;
    if (step === "soft-suspend" || step === "suspend")
      return window.suspensions && !account.neverSuspend;
    return true;
  });
  const furthest = stages.at(-1);
  if (furthest)
    planned.push({ ...base, step: furthest, reason: reasonFor(furthest, account, anchor, date) });

  if (
    anchor.dueDate < date &&
    comeDue("late-fee") &&
    !account.done.has(doneKey("late-fee", anchor.id))
  ) {
    const fee = lateFee(policy, anchor.open);
    if (fee > 0)
      planned.push({
        ...base,
        step: "late-fee",
        invoiceIds: [anchor.id],
        amount: fee,
        reason: `late fee on an invoice due ${anchor.dueDate}`,
      });
  }
  return planned;
}

function reasonFor(step: LadderStep, account: AccountSnapshot, anchor: OpenInvoice, date: IsoDate) {
  const late = `invoice due ${anchor.dueDate} unpaid`;
  switch (step) {
    case "reminder":
      return account.autoPay
        ? `auto-pay: collection on ${anchor.dueDate} announced`
        : `invoice due ${anchor.dueDate}, reminder before the due date`;
    case "overdue-notice":
      return late;
    case "soft-suspend":
      return `${late}: throttled and redirected to the pay page`;
    case "suspend":
      return `${late}: service suspended`;
    case "collections":
      return `${late} since ${anchor.dueDate}, handed to collections on ${date}`;
    default:
      return late;
  }
}

/** Restore when an account on the ladder owes nothing that must be paid. */
export function needsRestore(state: string, mustPay: number) {
  return mustPay <= 0 && (state === "SOFT_SUSPENDED" || state === "SUSPENDED");
}
