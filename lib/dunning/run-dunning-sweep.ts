// The hourly sweep (job dunning.sweep): for every account that may owe something, plan what the
// policy says for this local hour (plan-account.ts, the forecast's code path) and take each step
// in a transaction of its own. The account is locked like a payment locks it and re-read inside
// the lock, so a payment that lands meanwhile is seen before anything is sent or charged.
import "server-only";
import { db } from "@/lib/db";
import { lockCustomerTx } from "@/lib/payments/lock-customer-tx";
import { logger } from "@/lib/log";
import { now } from "@/lib/time/clock";
import { addDays, dateInZone } from "@/lib/time/dates";
import { localTime, windowAt } from "./calendar";
import { applyStepTx } from "./apply-step-tx";
import { getDunningRules, type DunningRules } from "./get-dunning-policies";
import { listCandidateIds, loadAccounts, type LoadedAccount } from "./load-accounts";
import { planAccount, type PlannedStep } from "./plan-account";
import { restoreIfClearedTx } from "./restore-if-cleared-tx";
import { settleArrangements } from "./arrangements/settle-arrangements";

const PAGE = 2000;
const CONCURRENCY = 6;
const SUSPENDED = new Set(["SOFT_SUSPENDED", "SUSPENDED", "COLLECTIONS"]);

export type ServiceChange = { subscriptionId: string; change: "soft-suspend" | "suspend" };
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

export function planAt(account: LoadedAccount, rules: DunningRules, at: Date): PlannedStep[] {
  const policy = rules.policies[account.customerType];
  const { date, hour } = localTime(at, account.timeZone ?? rules.timeZone);
  return planAccount(account, policy, date, windowAt(date, hour, policy, rules.holidays));
}

export async function runDunningSweep(opts: { customerIds?: string[] } = {}): Promise<SweepResult> {
  const at = now();
  const rules = await getDunningRules();
  const horizon = horizonOf(rules, dateInZone(at, rules.timeZone));
  // Arrangements first: a break this hour lets the planner below resume the ladder this hour.
  const steps = await settleArrangements({ at, rules, customerIds: opts.customerIds });
  const serviceChanges: ServiceChange[] = [];
  let accounts = 0;
  let afterId = "";
  for (;;) {
    const ids = await listCandidateIds(db, {
      horizon,
      afterId,
      limit: PAGE,
      customerIds: opts.customerIds,
    });
    if (!ids.length) break;
    afterId = ids.at(-1)!;
    // Also suspended accounts that owe nothing any more (a credit note, not a payment, cleared
    // them): restored here, since no allocation ran.
    const due = (await loadAccounts(db, ids)).filter(
      (a) => planAt(a, rules, at).length > 0 || (SUSPENDED.has(a.state) && !a.invoices.length),
    );
    accounts += ids.length;
    const takeSteps = async (candidate: LoadedAccount) => {
      const changes = await db.$transaction(
        async (tx) => {
          await lockCustomerTx(tx, candidate.customerId);
          if (SUSPENDED.has(candidate.state) && !candidate.invoices.length) {
            await restoreIfClearedTx(tx, { customerId: candidate.customerId });
            return [];
          }
          const [account] = await loadAccounts(tx, [candidate.customerId]);
          const policy = rules.policies[account.customerType];
          const { date } = localTime(at, account.timeZone ?? rules.timeZone);
          const applied = [];
          for (const plan of planAt(account, rules, at)) {
            const done = await applyStepTx(tx, plan, {
              date,
              currency: account.currency,
              policy,
              autoPay: account.autoPay,
              message: {
                isp: rules.isp,
                customer: account.recipient,
                dueDate: account.invoices.find((i) => i.id === plan.invoiceId)!.dueDate,
              },
            });
            if (done) {
              steps[plan.step] = (steps[plan.step] ?? 0) + 1;
              applied.push({ step: plan.step, subscriptionIds: done.subscriptionIds });
            }
          }
          return applied;
        },
        { timeout: 60_000 },
      );
      for (const c of changes)
        if (c.step === "soft-suspend" || c.step === "suspend")
          for (const subscriptionId of c.subscriptionIds)
            serviceChanges.push({ subscriptionId, change: c.step });
    };
    // A few accounts at a time: each is its own short transaction, locked like a payment.
    const queue = [...due];
    await Promise.all(
      Array.from({ length: Math.min(CONCURRENCY, queue.length) }, async () => {
        for (let next = queue.shift(); next; next = queue.shift()) await takeSteps(next);
      }),
    );
  }
  if (Object.keys(steps).length) logger.info({ accounts, steps }, "dunning sweep");
  return { accounts, steps, serviceChanges };
}
