// Finalising drafts held for review (IspSettings.invoiceHoldHours): one on demand from admin, or
// every draft whose hold has passed, by the scheduled sweep. Numbers are taken in the same
// transaction (money rule 4).
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError, notFound } from "@/lib/errors";
import { now } from "@/lib/time/clock";
import { invoiceFinalized } from "@/lib/events/events";
import { publish } from "@/lib/events/publish";
import { finalizeInvoicesTx } from "./finalize-invoices-tx";

export const finalizeInvoiceSchema = z.object({ invoiceId: z.string().min(1) });
export type FinalizeInvoiceOptions = { actor: Actor } & z.input<typeof finalizeInvoiceSchema>;

export async function finalizeInvoice(opts: FinalizeInvoiceOptions) {
  assertCan(opts.actor, "billing:charge");
  const invoice = await db.$transaction(async (tx) => {
    const inv = await tx.invoice.findUnique({
      where: { id: opts.invoiceId },
      select: { id: true, status: true, customerId: true },
    });
    if (!inv) throw notFound("Invoice");
    if (inv.status !== "DRAFT")
      throw new AppError("CONFLICT", "This invoice is already finalised.");
    await finalizeInvoicesTx(tx, [inv.id], now());
    await recordAudit(
      {
        actor: opts.actor,
        action: "billing.invoice_finalize",
        entityType: "Invoice",
        entityId: inv.id,
        customerId: inv.customerId,
      },
      tx,
    );
    return tx.invoice.findUniqueOrThrow({ where: { id: inv.id } });
  });
  // After commit: the PDF and the email follow (the sweeps catch up if this event is lost).
  await publish(invoiceFinalized.create({ invoiceId: invoice.id, customerId: invoice.customerId }));
  return invoice;
}

/** Finalises every held draft whose hold has passed, in batches; returns what it finalised. */
export async function finalizeDueInvoices(opts: {
  actor: Actor;
  batchSize?: number;
}): Promise<{ invoiceId: string; customerId: string }[]> {
  assertCan(opts.actor, "billing:run");
  const done: { invoiceId: string; customerId: string }[] = [];
  for (;;) {
    const batch = await db.$transaction(
      async (tx) => {
        const at = now();
        const due = await tx.invoice.findMany({
          where: { status: "DRAFT", finalizeAfter: { lte: at } },
          select: { id: true, customerId: true },
          orderBy: [{ issueDate: "asc" }, { id: "asc" }],
          take: opts.batchSize ?? 2000,
        });
        const customerOf = new Map(due.map((d) => [d.id, d.customerId]));
        const ids = await finalizeInvoicesTx(tx, [...customerOf.keys()], at);
        return ids.map((id) => ({ invoiceId: id, customerId: customerOf.get(id)! }));
      },
      { timeout: 300_000 },
    );
    done.push(...batch);
    if (!batch.length) return done;
  }
}
