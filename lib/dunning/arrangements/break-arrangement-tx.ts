// A missed instalment breaks the arrangement (the sweep decides when: plan-arrangement.ts). The
// account returns to where it was — at least OVERDUE — and a restriction the approval lifted is
// put back; the ladder then resumes at the policy's step (the planner re-anchors it on the
// arrangement's end day). The history row `arrangement-missed`, keyed by the arrangement, makes
// it happen once; the message goes out in the same transaction.
import "server-only";
import type { Tx } from "@/lib/db";
import { toDbDate, type IsoDate } from "@/lib/time/dates";
import type { PlannedStep } from "../plan-account";
import { insertEventTx, setStateTx } from "../apply-step-tx";
import { suspendServicesTx, throttleServicesTx } from "../service-actions-tx";
import { notifyArrangementTx } from "./notify-arrangement-tx";

const RANK = ["CURRENT", "REMINDED", "OVERDUE", "SOFT_SUSPENDED", "SUSPENDED", "COLLECTIONS"];

export type BrokenArrangement = {
  subscriptionIds: string[];
  change: "soft-suspend" | "suspend" | null;
};

export async function breakArrangementTx(
  tx: Tx,
  plan: PlannedStep,
  ctx: { date: IsoDate; currency: string },
): Promise<BrokenArrangement | null> {
  const eventId = await insertEventTx(tx, { ...plan, currency: ctx.currency, date: ctx.date });
  if (!eventId) return null;
  const a = await tx.paymentArrangement.update({
    where: { id: plan.invoiceId },
    data: { status: "BROKEN", endedOn: toDbDate(ctx.date) },
    select: { stateBefore: true, liftedRestriction: true },
  });
  const before = a.stateBefore ?? "CURRENT";
  const state = RANK.indexOf(before) >= RANK.indexOf("OVERDUE") ? before : "OVERDUE";
  let subscriptionIds: string[] = [];
  let change: BrokenArrangement["change"] = null;
  if (a.liftedRestriction && before === "SOFT_SUSPENDED") {
    subscriptionIds = (await throttleServicesTx(tx, [plan.customerId])).map((x) => x.id);
    change = "soft-suspend";
  } else if (a.liftedRestriction && (before === "SUSPENDED" || before === "COLLECTIONS")) {
    subscriptionIds = (
      await suspendServicesTx(tx, [{ customerId: plan.customerId, date: ctx.date }])
    ).map((x) => x.id);
    change = "suspend";
  }
  await setStateTx(tx, plan.customerId, state as Parameters<typeof setStateTx>[2]);
  await notifyArrangementTx(tx, {
    arrangementId: plan.invoiceId,
    key: "arrangement-missed",
    dedupeKey: `dunning:${eventId}`,
  });
  return { subscriptionIds, change };
}
