// Finalising drafts held for review (IspSettings.invoiceHoldHours): one on demand from admin, or
// every draft whose hold has passed, by the scheduled sweep. Numbers are taken in the same
// transaction (money rule 4).
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError, notFound } from "@/lib/errors";
import { now } from "@/lib/time/clock";
import { invoiceFinalized } from "@/lib/events/events";
import { publish } from "@/lib/events/publish";
import { finalizeInvoicesTx } from "./finalize-invoices-tx";

export async function finalizeInvoice(opts: { invoiceId: string; actor: Actor }) {
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

/** Finalises every held draft whose hold has passed, in batches; returns the ids finalised. */
export async function finalizeDueInvoices(opts: {
  actor: Actor;
  batchSize?: number;
}): Promise<string[]> {
  assertCan(opts.actor, "billing:run");
  const done: string[] = [];
  for (;;) {
    const ids = await db.$transaction(
      async (tx) => {
        const at = now();
        const due = await tx.invoice.findMany({
          where: { status: "DRAFT", finalizeAfter: { lte: at } },
          select: { id: true },
          orderBy: [{ issueDate: "asc" }, { id: "asc" }],
          take: opts.batchSize ?? 2000,
        });
        return finalizeInvoicesTx(
          tx,
          due.map((d) => d.id),
          at,
        );
      },
      { timeout: 300_000 },
    );
    done.push(...ids);
    if (!ids.length) return done;
  }
}
