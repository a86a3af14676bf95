// A collection run: every open invoice of a customer with an active mandate, due on or before the
// collection date (or issued N days before it, per settings), less the customer's unspent credit,
// goes into one DRAFT batch — one item per customer, a PENDING payment each. An invoice already in
// an unsettled batch is left out, and the database refuses it anyway (unique
// CollectionItemInvoice.activeInvoiceId), so two runs at once cannot collect it twice. An agreed
// payment arrangement's invoices are collected by instalment instead (collect-instalments-tx.ts):
// what of the instalments due by the collection date is still unpaid, in the customer's item.
import "server-only";
import { randomBytes, randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { now } from "@/lib/time/clock";
import { addDays, assertIsoDate, toDbDate, type IsoDate } from "@/lib/time/dates";
import { creditorOf, loadBankSettings } from "./bank-settings";
import { collectionFormatSchema } from "./collection-schema";
import { NOT_ARRANGED } from "@/lib/dunning/arrangements/load-arrangement-snapshots";
import { instalmentLinksTx } from "./collect-instalments-tx";
import { BLOCKS_RECOLLECTION } from "./reason-codes";

export type BuildCollectionOptions = {
  actor: Actor;
  collectionDate: IsoDate;
  format?: string;
  /** Set by the bank.build-collection job: one automatic batch per date. */
  autoKey?: string;
};

type Due = {
  customerId: string;
  mandateId: string;
  invoiceId: string;
  number: string;
  open: number;
  credit: number;
};

const tag = () => randomBytes(4).toString("hex").toUpperCase();

export async function buildCollection({
  actor,
  collectionDate,
  format,
  autoKey,
}: BuildCollectionOptions) {
  assertCan(actor, "banking:write");
  const date = assertIsoDate(collectionDate, "collectionDate");
  return db.$transaction(async (tx) => {
    if (autoKey) {
      const existing = await tx.collectionBatch.findUnique({ where: { autoKey } });
      if (existing) return { batch: existing, created: false };
    }
    const s = await loadBankSettings(tx);
    creditorOf(s);
    const chosen = collectionFormatSchema.parse(format ?? s.bankCollectionFormat);
    const limit =
      s.bankCollectMode === "AFTER_ISSUE" ? addDays(date, -s.bankCollectAfterDays) : date;
    const column = s.bankCollectMode === "AFTER_ISSUE" ? `i."issueDate"` : `i."dueDate"`;
    const rows = await tx.$queryRawUnsafe<Due[]>(
      `SELECT i."customerId", m.id AS "mandateId", i.id AS "invoiceId", i.number,
              (i.total - i."amountPaid" - i."amountCredited")::int AS open,
              COALESCE((SELECT sum(p.unallocated) FROM "Payment" p
                         WHERE p."customerId" = i."customerId" AND p.status = 'SUCCEEDED'), 0)::int AS credit
         FROM "Invoice" i
         JOIN LATERAL (SELECT id FROM "DebitMandate" d WHERE d."customerId" = i."customerId"
                          AND d.status = 'ACTIVE' ORDER BY d."signedAt" DESC LIMIT 1) m ON true
        WHERE i.status IN ('OPEN', 'PARTIALLY_PAID') AND i.currency = $1 AND ${column} <= $2::date
          AND i.total - i."amountPaid" - i."amountCredited" > 0
          AND NOT EXISTS (SELECT 1 FROM "CollectionItemInvoice" l WHERE l."activeInvoiceId" = i.id)
          AND ${NOT_ARRANGED}
          AND NOT EXISTS (SELECT 1 FROM "CollectionItemInvoice" l JOIN "CollectionItem" c ON c.id = l."itemId"
                           WHERE l."invoiceId" = i.id AND c.action = ANY($3::text[]))
        ORDER BY i."customerId", i."dueDate", i.number`,
      s.currency,
      limit,
      [...BLOCKS_RECOLLECTION],
    );
    const byCustomer = new Map<string, Due[]>();
    for (const r of rows)
      byCustomer.set(r.customerId, [...(byCustomer.get(r.customerId) ?? []), r]);
    const instalments = await instalmentLinksTx(tx, { currency: s.currency, date });
    for (const customerId of instalments.keys())
      if (!byCustomer.has(customerId)) byCustomer.set(customerId, []);
    const batchTag = tag();
    const messageId = `LM${date.replace(/-/g, "")}${batchTag}`;
    const batch = await tx.collectionBatch.create({
      data: {
        messageId,
        collectionDate: toDbDate(date),
        format: chosen,
        currency: s.currency,
        autoKey: autoKey ?? null,
        createdById: actor.kind === "system" ? null : actor.id,
      },
    });
    const mandates = await tx.debitMandate.findMany({
      where: {
        id: {
          in: [...new Set([...rows, ...instalments.values()].map((r) => r.mandateId))],
        },
      },
      select: {
        id: true,
        firstCollectedOn: true,
        amendments: { where: { reportedInItemId: null }, select: { id: true } },
        collectionItems: {
          where: { status: { in: ["PENDING", "SETTLED"] } },
          select: { id: true },
        },
      },
    });
    const mandateById = new Map(mandates.map((m) => [m.id, m]));
    let total = 0;
    let count = 0;
    for (const [customerId, invoices] of byCustomer) {
      // Unspent credit pays the oldest invoices first (payments.apply-credit does it); collect the rest.
      let credit = invoices[0]?.credit ?? 0;
      const links: { invoiceId: string; amount: number; number: string }[] = [];
      for (const inv of invoices) {
        const fromCredit = Math.min(credit, inv.open);
        credit -= fromCredit;
        if (inv.open - fromCredit > 0)
          links.push({
            invoiceId: inv.invoiceId,
            amount: inv.open - fromCredit,
            number: inv.number,
          });
      }
      links.push(...(instalments.get(customerId)?.links ?? []));
      if (!links.length) continue;
      const amount = links.reduce((a, l) => a + l.amount, 0);
      const mandate = mandateById.get(
        invoices[0]?.mandateId ?? instalments.get(customerId)!.mandateId,
      )!;
      const first = s.bankUseFrst && !mandate.firstCollectedOn && !mandate.collectionItems.length;
      const endToEndId = `${batchTag}-${links[0].number}`.slice(0, 35);
      const paymentId = randomUUID();
      await tx.payment.create({
        data: {
          id: paymentId,
          customerId,
          amount,
          currency: s.currency,
          method: "DEBIT_ORDER",
          provider: "BANK",
          status: "PENDING",
          externalId: endToEndId,
          idempotencyKey: `collection:${endToEndId}`,
          reference: links.map((l) => l.number).join(" "),
          receivedAt: now(),
          receivedOn: toDbDate(date),
        },
      });
      const item = await tx.collectionItem.create({
        data: {
          batchId: batch.id,
          mandateId: mandate.id,
          customerId,
          paymentId,
          endToEndId,
          amount,
          sequenceType: first ? "FRST" : "RCUR",
          invoices: {
            create: links.map((l) => ({
              invoiceId: l.invoiceId,
              amount: l.amount,
              activeInvoiceId: l.invoiceId,
            })),
          },
        },
      });
      if (mandate.amendments.length)
        await tx.debitMandateAmendment.updateMany({
          where: { id: { in: mandate.amendments.map((a) => a.id) } },
          data: { reportedInItemId: item.id },
        });
      total += amount;
      count++;
    }
    if (count === 0 && autoKey) {
      await tx.collectionBatch.delete({ where: { id: batch.id } });
      return { batch: null, created: false };
    }
    if (count === 0)
      throw new AppError(
        "UNPROCESSABLE",
        `Nothing to collect on ${date}: no open invoices of customers with an active mandate are due.`,
      );
    const saved = await tx.collectionBatch.update({
      where: { id: batch.id },
      data: { itemCount: count, totalAmount: total },
    });
    await recordAudit(
      {
        actor,
        action: "bank.collection_build",
        entityType: "CollectionBatch",
        entityId: batch.id,
        data: { date, count, total },
      },
      tx,
    );
    return { batch: saved, created: true };
  });
}
