// The sweep's seam for arrangements (run-dunning-sweep.ts calls it first): every agreed
// arrangement whose instalment is missed is broken — at the moment plan-arrangement.ts says, the
// forecast's rule — and one whose money is all in (a credit note, not a payment, finished it) is
// kept. Each in a transaction of its own under the customer's lock, re-read inside it, so a
// payment landing meanwhile is seen first. The ladder steps that follow a break are taken by the
// same sweep's planner right after.
import "server-only";
import { db } from "@/lib/db";
import { lockCustomerTx } from "@/lib/payments/lock-customer-tx";
import { localTime, windowAt } from "../calendar";
import type { DunningRules } from "../get-dunning-policies";
import { loadAccounts, type LoadedAccount } from "../load-accounts";
import { announceServiceChanges } from "../service-actions-tx";
import { arrangementMissed } from "./plan-arrangement";
import { breakArrangementTx } from "./break-arrangement-tx";
import { keepArrangementIfPaidTx } from "./keep-arrangement-tx";

const PAGE = 500;

function missedAt(account: LoadedAccount, rules: DunningRules, at: Date) {
  const policy = rules.policies[account.customerType];
  const { date, hour } = localTime(at, account.timeZone ?? rules.timeZone);
  return {
    date,
    plan: arrangementMissed(account, date, windowAt(date, hour, policy, rules.holidays)),
  };
}

export async function settleArrangements(opts: {
  at: Date;
  rules: DunningRules;
  customerIds?: string[];
}): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const count = (k: string) => (counts[k] = (counts[k] ?? 0) + 1);
  let afterId = "";
  for (;;) {
    const page = await db.dunningAccount.findMany({
      where: {
        state: "ARRANGED",
        customerId: { gt: afterId, ...(opts.customerIds && { in: opts.customerIds }) },
      },
      orderBy: { customerId: "asc" },
      take: PAGE,
      select: { customerId: true },
    });
    if (!page.length) break;
    afterId = page.at(-1)!.customerId;
    for (const candidate of await loadAccounts(
      db,
      page.map((p) => p.customerId),
    )) {
      const a = candidate.arrangement;
      if (!a || (a.missAfter && !missedAt(candidate, opts.rules, opts.at).plan)) continue;
      const outcome = await db.$transaction(async (tx) => {
        await lockCustomerTx(tx, candidate.customerId);
        if (await keepArrangementIfPaidTx(tx, candidate.customerId)) return "arrangement-kept";
        const [account] = await loadAccounts(tx, [candidate.customerId]);
        const { date, plan } = missedAt(account, opts.rules, opts.at);
        if (!plan) return null;
        const broken = await breakArrangementTx(tx, plan, { date, currency: account.currency });
        return broken ? { broken } : null;
      });
      if (outcome === "arrangement-kept") count(outcome);
      else if (outcome) {
        count("arrangement-missed");
        const { subscriptionIds, change } = outcome.broken;
        if (change && subscriptionIds.length)
          await announceServiceChanges([{ subscriptionIds, change }]);
      }
    }
  }
  return counts;
}
