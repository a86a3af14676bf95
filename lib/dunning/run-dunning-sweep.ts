// The hourly sweep (job dunning.sweep), set-based: a keyset page of accounts that may owe
// something is read in one query and planned in memory with the forecast's planner
// (plan-account.ts); the accounts with something to do are then locked — like a payment locks
// one — re-read inside the lock (a payment that landed meanwhile is seen before anything is sent
// or charged), re-planned and their steps taken in one transaction of a constant number of
// statements (apply-step-tx.ts). A page with nothing to do costs its reads only.
import "server-only";
import { db, type Tx } from "@/lib/db";
import { logger } from "@/lib/log";
import { now } from "@/lib/time/clock";
import { addDays } from "@/lib/time/dates";
import { localClock, windowAt } from "./calendar";
import { applyStepsTx, type StepToApply } from "./apply-step-tx";
import { getDunningRules, type DunningRules } from "./get-dunning-policies";
import { loadAccounts, loadCandidatePage, type LoadedAccount } from "./load-accounts";
import { planAccount, type PlannedStep } from "./plan-account";
import { restoreIfClearedTx } from "./restore-if-cleared-tx";
import type { ServiceChange } from "./service-actions-tx";
import { settleArrangements } from "./arrangements/settle-arrangements";

const PAGE = 2000;
type Local = ReturnType<typeof localClock>;
const SUSPENDED = new Set(["SOFT_SUSPENDED", "SUSPENDED", "COLLECTIONS"]);

export type { ServiceChange };
/** `serviceChanges`: for the caller to announce (the job sends them as events). */
export type SweepResult = {
  accounts: number;
  steps: Record<string, number>;
  serviceChanges: ServiceChange[];
};

/** The reminder horizon: the earliest a step can come due is −(largest lead) days before due. */
export function horizonOf(rules: DunningRules, today: string) {
  const lead = Math.max(
    0,
    ...Object.values(rules.policies).flatMap((p) => p.steps.map((s) => -s.offsetDays)),
  );
  return addDays(today, lead + 1); // +1: a customer's zone can be a day ahead of the ISP's
}

/** What the sweep at one instant does to the account (`local` is localClock of that instant). */
function planAt(account: LoadedAccount, rules: DunningRules, local: Local): PlannedStep[] {
  const policy = rules.policies[account.customerType];
  const { date, hour } = local(account.timeZone ?? rules.timeZone);
  return planAccount(account, policy, date, windowAt(date, hour, policy, rules.holidays));
}

/**
 * Suspended accounts that owe nothing any more (a credit note, not a payment, cleared them) are
 * restored by the sweep, since no allocation ran.
 */
const clearedWhileSuspended = (a: LoadedAccount) => SUSPENDED.has(a.state) && !a.invoices.length;

export async function runDunningSweep(opts: { customerIds?: string[] } = {}): Promise<SweepResult> {
  const at = now();
  const local = localClock(at);
  const rules = await getDunningRules();
  const horizon = horizonOf(rules, local(rules.timeZone).date);
  // Arrangements first: a break this hour lets the planner below resume the ladder this hour.
  const steps: Record<string, number> = await settleArrangements({
    at,
    rules,
    customerIds: opts.customerIds,
  });
  const serviceChanges: ServiceChange[] = [];
  let accounts = 0;
  let afterId = "";
  for (;;) {
    const page = await loadCandidatePage(db, {
      horizon,
      afterId,
      limit: PAGE,
      customerIds: opts.customerIds,
    });
    if (!page.length) break;
    afterId = page.at(-1)!.customerId;
    accounts += page.length;
    const last = page.length < PAGE;
    const due = page
      .filter((a) => clearedWhileSuspended(a) || planAt(a, rules, local).length > 0)
      .map((a) => a.customerId);
    if (due.length) {
      const done = await db.$transaction((tx) => takeStepsTx(tx, due, rules, local), {
        timeout: 120_000,
      });
      for (const plan of done.taken) steps[plan.step] = (steps[plan.step] ?? 0) + 1;
      serviceChanges.push(...done.serviceChanges);
    }
    if (last) break;
  }
  if (Object.keys(steps).length) logger.info({ accounts, steps }, "dunning sweep");
  return { accounts, steps, serviceChanges };
}

/** Locks the accounts, re-reads and re-plans them, and takes their steps. */
async function takeStepsTx(tx: Tx, customerIds: string[], rules: DunningRules, local: Local) {
  // The lock a payment takes (lockCustomerTx), in id order so two sweeps cannot deadlock.
  await tx.$queryRawUnsafe(
    `SELECT id FROM "Customer" WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE`,
    customerIds,
  );
  const work: StepToApply[] = [];
  for (const account of await loadAccounts(tx, customerIds)) {
    if (clearedWhileSuspended(account)) {
      await restoreIfClearedTx(tx, { customerId: account.customerId });
      continue;
    }
    const policy = rules.policies[account.customerType];
    const { date } = local(account.timeZone ?? rules.timeZone);
    for (const plan of planAt(account, rules, local))
      work.push({
        plan,
        date,
        currency: account.currency,
        reconnectionFee: policy.reconnectionFee,
        autoPay: account.autoPay,
        message: {
          isp: rules.isp,
          customer: account.recipient,
          dueDate: account.invoices.find((i) => i.id === plan.invoiceId)!.dueDate,
        },
      });
  }
  return applyStepsTx(tx, work);
}
