// An arrangement becomes agreed (inside the rules at once, or approved by staff): the account is
// ARRANGED, so the planner pauses the ladder; a throttle or suspension dunning put on is lifted
// when the rules say so (a break puts it back). The history row `arrangement-agreed`, keyed by
// the arrangement, makes it happen once; the message goes out in the same transaction.
import "server-only";
import type { Tx } from "@/lib/db";
import { fromDbDate, type IsoDate } from "@/lib/time/dates";
import { insertEventTx, setStateTx } from "../apply-step-tx";
import { liftServicesTx } from "../service-actions-tx";
import { getArrangementPolicies } from "./get-arrangement-policies";
import { notifyArrangementTx } from "./notify-arrangement-tx";

const RESTRICTED = new Set(["SOFT_SUSPENDED", "SUSPENDED", "COLLECTIONS"]);

export async function agreeArrangementTx(
  tx: Tx,
  opts: { arrangementId: string; today: IsoDate },
): Promise<{ subscriptionIds: string[] }> {
  const a = await tx.paymentArrangement.findUniqueOrThrow({
    where: { id: opts.arrangementId },
    select: {
      customerId: true,
      currency: true,
      total: true,
      invoiceIds: true,
      customer: { select: { type: true, dunning: { select: { state: true } } } },
      instalments: { orderBy: { seq: "asc" }, select: { dueDate: true } },
    },
  });
  const policy = (await getArrangementPolicies(tx))[a.customer.type];
  const stateBefore = a.customer.dunning?.state ?? "CURRENT";
  const lift = policy.liftRestrictions && RESTRICTED.has(stateBefore);
  const subscriptionIds = lift ? await liftServicesTx(tx, a.customerId, opts.today) : [];
  await tx.paymentArrangement.update({
    where: { id: opts.arrangementId },
    data: {
      status: "ACTIVE",
      stateBefore,
      liftedRestriction: lift,
      resumeStep: policy.resumeStep,
    },
  });
  await setStateTx(tx, a.customerId, "ARRANGED");
  const first = fromDbDate(a.instalments[0].dueDate);
  const last = fromDbDate(a.instalments.at(-1)!.dueDate);
  const eventId = await insertEventTx(tx, {
    customerId: a.customerId,
    step: "arrangement-agreed",
    invoiceId: opts.arrangementId,
    invoiceIds: a.invoiceIds,
    amount: a.total,
    currency: a.currency,
    reason:
      `${a.instalments.length} payment${a.instalments.length === 1 ? "" : "s"} from ${first} to ${last}` +
      (lift ? "; restrictions lifted while it is kept" : ""),
    date: opts.today,
  });
  if (eventId)
    await notifyArrangementTx(tx, {
      arrangementId: opts.arrangementId,
      key: "arrangement-agreed",
      dedupeKey: `dunning:${eventId}`,
    });
  return { subscriptionIds };
}
