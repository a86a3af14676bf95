// Staff move a batch along: SUBMITTED (sent to the bank), SETTLED (the bank paid: every pending
// debit is received on the collection date, when no statement will say so), CANCELLED (not sent:
// its payments fail and its invoices are free for the next batch).
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError, notFound } from "@/lib/errors";
import { now } from "@/lib/time/clock";
import { fromDbDate } from "@/lib/time/dates";
import { refreshBatchTx } from "./refresh-batch-tx";
import { settleItemTx } from "./settle-item-tx";

export const batchTransitionSchema = z.enum(["submit", "settle", "cancel"]);

export type ChangeBatchStatusOptions = {
  actor: Actor;
  batchId: string;
  to: z.infer<typeof batchTransitionSchema>;
};

const FROM: Record<ChangeBatchStatusOptions["to"], string[]> = {
  submit: ["EXPORTED"],
  settle: ["EXPORTED", "SUBMITTED"],
  cancel: ["DRAFT", "EXPORTED"],
};

export async function changeBatchStatus({ actor, batchId, to }: ChangeBatchStatusOptions) {
  assertCan(actor, "banking:write");
  return db.$transaction(
    async (tx) => {
      const [batch] = await tx.$queryRawUnsafe<{ status: string; collectionDate: Date }[]>(
        `SELECT status, "collectionDate" FROM "CollectionBatch" WHERE id = $1 FOR UPDATE`,
        batchId,
      );
      if (!batch) throw notFound("Collection batch");
      if (!FROM[to].includes(batch.status))
        throw new AppError(
          "CONFLICT",
          `A ${batch.status.toLowerCase().replace("_", " ")} batch cannot be ${to === "submit" ? "submitted" : to === "settle" ? "settled" : "cancelled"}${to === "submit" ? " (download its file first)" : ""}.`,
        );
      const items = await tx.collectionItem.findMany({
        where: { batchId, status: "PENDING" },
        select: { id: true, paymentId: true },
      });
      if (to === "submit")
        await tx.collectionBatch.update({
          where: { id: batchId },
          data: { status: "SUBMITTED", submittedAt: now() },
        });
      if (to === "settle")
        for (const i of items) await settleItemTx(tx, i.id, fromDbDate(batch.collectionDate));
      if (to === "cancel") {
        await tx.collectionBatch.update({ where: { id: batchId }, data: { status: "CANCELLED" } });
        await tx.collectionItem.updateMany({
          where: { batchId, status: "PENDING" },
          data: { status: "CANCELLED" },
        });
        await tx.payment.updateMany({
          where: { id: { in: items.map((i) => i.paymentId) }, status: "PENDING" },
          data: {
            status: "FAILED",
            failureReason: "Collection batch cancelled before it was sent",
          },
        });
        await tx.collectionItemInvoice.updateMany({
          where: { item: { batchId } },
          data: { activeInvoiceId: null },
        });
        await tx.debitMandateAmendment.updateMany({
          where: { reportedInItemId: { in: items.map((i) => i.id) } },
          data: { reportedInItemId: null },
        });
      }
      await refreshBatchTx(tx, batchId);
      await recordAudit(
        {
          actor,
          action: `bank.collection_${to}`,
          entityType: "CollectionBatch",
          entityId: batchId,
          data: { items: items.length },
        },
        tx,
      );
      return tx.collectionBatch.findUniqueOrThrow({ where: { id: batchId } });
    },
    { timeout: 120_000 },
  );
}
