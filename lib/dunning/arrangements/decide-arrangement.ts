// ACCOUNTS approve or reject a proposal that was outside the rules, with a reason (required to
// reject; the customer reads it). Approval agrees it as if it had been inside the rules — unless
// its first unpaid instalment's day has passed, which would break it at the next sweep. Audited.
import "server-only";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { todayForIsp } from "@/lib/billing/billing-settings";
import { AppError, notFound } from "@/lib/errors";
import { lockCustomerTx } from "@/lib/payments/lock-customer-tx";
import { now } from "@/lib/time/clock";
import { fromDbDate } from "@/lib/time/dates";
import { announceServiceChanges } from "../service-actions-tx";
import { coverage } from "./arrangement-schema";
import { agreeArrangementTx } from "./agree-arrangement-tx";
import { getCustomerArrangement } from "./get-customer-arrangement";
import { PAID_SQL } from "./load-arrangement-snapshots";
import { notifyArrangementTx } from "./notify-arrangement-tx";

export type DecideArrangementOptions = {
  actor: Actor;
  customerId: string;
  arrangementId: string;
  decision: "approve" | "reject";
  reason?: string;
};

export async function decideArrangement(opts: DecideArrangementOptions) {
  assertCan(opts.actor, "billing:charge");
  const reason = opts.reason?.trim() || null;
  if (opts.decision === "reject" && !reason)
    throw new AppError("VALIDATION", "Give the customer a reason.", { reason: "required" });
  if (reason && reason.length > 500)
    throw new AppError("VALIDATION", "The reason is too long.", {
      reason: "at most 500 characters",
    });
  const { subscriptionIds } = await db.$transaction(async (tx) => {
    const a = await tx.paymentArrangement.findFirst({
      where: { id: opts.arrangementId, customerId: opts.customerId },
      select: { id: true, status: true, instalments: { orderBy: { seq: "asc" } } },
    });
    if (!a) throw notFound("Arrangement");
    await lockCustomerTx(tx, opts.customerId);
    const fresh = await tx.paymentArrangement.findUniqueOrThrow({
      where: { id: a.id },
      select: { status: true },
    });
    if (fresh.status !== "PENDING")
      throw new AppError(
        "CONFLICT",
        `This arrangement is ${fresh.status.toLowerCase()}, not waiting.`,
      );
    const today = await todayForIsp(tx);
    // Read under the lock: a payment that landed since the proposal counts.
    const [{ paid }] = await tx.$queryRawUnsafe<{ paid: number }[]>(
      `SELECT ${PAID_SQL} AS paid FROM "PaymentArrangement" a WHERE a.id = $1`,
      a.id,
    );
    const decided = {
      decidedById: opts.actor.kind === "system" ? null : opts.actor.id,
      decidedByName: opts.actor.name,
      decidedAt: now(),
      decisionReason: reason,
    };
    let lifted: string[] = [];
    if (opts.decision === "approve") {
      const { firstUncovered } = coverage(
        a.instalments.map((i) => ({ dueDate: fromDbDate(i.dueDate), amount: i.amount })),
        paid,
      );
      if (firstUncovered && firstUncovered < today)
        throw new AppError(
          "CONFLICT",
          `A payment was due on ${firstUncovered} and is not in: reject it and ask for a new proposal.`,
        );
      await tx.paymentArrangement.update({ where: { id: a.id }, data: decided });
      lifted = (await agreeArrangementTx(tx, { arrangementId: a.id, today })).subscriptionIds;
    } else {
      await tx.paymentArrangement.update({
        where: { id: a.id },
        data: { ...decided, status: "REJECTED" },
      });
      await notifyArrangementTx(tx, {
        arrangementId: a.id,
        key: "arrangement-rejected",
        dedupeKey: `arrangement:${a.id}:rejected`,
        reason: reason!,
      });
    }
    await recordAudit(
      {
        actor: opts.actor,
        action:
          opts.decision === "approve"
            ? "dunning.arrangement_approve"
            : "dunning.arrangement_reject",
        entityType: "PaymentArrangement",
        entityId: a.id,
        customerId: opts.customerId,
        data: { reason },
      },
      tx,
    );
    return { subscriptionIds: lifted };
  });
  if (subscriptionIds.length) await announceServiceChanges([{ subscriptionIds, change: "resume" }]);
  return (await getCustomerArrangement({ actor: opts.actor, customerId: opts.customerId }))!;
}
