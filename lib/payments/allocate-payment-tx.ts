// Applies a payment's unallocated money to invoices, inside the caller's transaction (the caller
// holds the customer's row lock, so one customer's payments are applied one at a time). Either
// to chosen invoices with chosen amounts, or oldest due first (Kill Bill's default; RULES.md
// rule 22). Locks invoices before the payment — the order credit notes use too. Invoice status
// follows what is paid (OPEN → PARTIALLY_PAID → PAID); an invoice that becomes PAID is announced
// as `invoice.paid`. The database re-checks every sum at commit (migration payments_core).
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { serializeInvoice } from "@/lib/billing/serialize";
import { settlementStatus } from "@/lib/invoices/settlement-status";
import { enqueueWebhookEvent } from "@/lib/webhooks/enqueue-webhook-event";
import { restoreIfClearedTx } from "@/lib/dunning/restore-if-cleared-tx";

export type AllocationRequest = { invoiceId: string; amount: number };

export type OpenInvoice = {
  id: string;
  number: string | null;
  customerId: string;
  currency: string;
  status: string;
  total: number;
  amountPaid: number;
  amountCredited: number;
};

export const openAmount = (i: OpenInvoice) => i.total - i.amountPaid - i.amountCredited;

async function lockOpenInvoices(tx: Tx, customerId: string, ids?: string[]) {
  return tx.$queryRawUnsafe<OpenInvoice[]>(
    `SELECT id, number, "customerId", currency, status::text AS status, total, "amountPaid", "amountCredited"
       FROM "Invoice"
      WHERE "customerId" = $1 AND status IN ('OPEN', 'PARTIALLY_PAID')
        AND ($2::text[] IS NULL OR id = ANY($2::text[]))
      ORDER BY "dueDate", "issueDate", number, id FOR UPDATE`,
    customerId,
    ids ?? null,
  );
}

/** Checks chosen allocations against the locked invoices; field errors name the bad row. */
export function planChosen(requests: AllocationRequest[], open: OpenInvoice[], available: number) {
  const seen = new Set<string>();
  const plan = requests.map((r, i) => {
    const inv = open.find((o) => o.id === r.invoiceId);
    if (seen.has(r.invoiceId))
      throw new AppError("VALIDATION", "Each invoice may appear once.", {
        [`allocations.${i}.invoiceId`]: "listed twice",
      });
    seen.add(r.invoiceId);
    if (!inv)
      throw new AppError("UNPROCESSABLE", "Only this customer's open invoices can be paid.", {
        [`allocations.${i}.invoiceId`]: "not an open invoice of this customer",
      });
    if (!Number.isSafeInteger(r.amount) || r.amount <= 0)
      throw new AppError("VALIDATION", "Allocate positive amounts.", {
        [`allocations.${i}.amount`]: "must be positive",
      });
    if (r.amount > openAmount(inv))
      throw new AppError("UNPROCESSABLE", `Invoice ${inv.number} has ${openAmount(inv)} open.`, {
        [`allocations.${i}.amount`]: `more than the ${openAmount(inv)} still open`,
      });
    return { inv, take: r.amount };
  });
  const total = plan.reduce((s, p) => s + p.take, 0);
  if (total > available)
    throw new AppError("UNPROCESSABLE", `Only ${available} of the payment is left to allocate.`, {
      allocations: `total ${total} is more than the ${available} available`,
    });
  return plan;
}

export function planOldestFirst(open: OpenInvoice[], available: number) {
  const plan: { inv: OpenInvoice; take: number }[] = [];
  let left = available;
  for (const inv of open) {
    if (left <= 0) break;
    const take = Math.min(left, openAmount(inv));
    if (take > 0) plan.push({ inv, take });
    left -= take;
  }
  return plan;
}

/**
 * `allocations`: exactly these; otherwise oldest due first over the customer's open invoices, or
 * over `onlyInvoiceIds` when given. Returns what was applied: [{ invoiceId, amount }].
 */
export async function allocatePaymentTx(
  tx: Tx,
  opts: {
    paymentId: string;
    customerId: string;
    allocations?: AllocationRequest[];
    onlyInvoiceIds?: string[];
  },
): Promise<AllocationRequest[]> {
  const open = await lockOpenInvoices(
    tx,
    opts.customerId,
    opts.allocations?.map((a) => a.invoiceId) ?? opts.onlyInvoiceIds,
  );
  const [payment] = await tx.$queryRawUnsafe<
    { id: string; status: string; unallocated: number; currency: string }[]
  >(
    `SELECT id, status::text AS status, unallocated, currency FROM "Payment"
      WHERE id = $1 AND "customerId" = $2 FOR UPDATE`,
    opts.paymentId,
    opts.customerId,
  );
  if (!payment) throw new AppError("NOT_FOUND", "Payment not found");
  if (payment.status !== "SUCCEEDED")
    throw new AppError(
      "CONFLICT",
      `A ${payment.status.toLowerCase()} payment cannot be allocated.`,
    );
  const usable = open.filter((o) => o.currency === payment.currency);
  const plan = opts.allocations
    ? planChosen(opts.allocations, usable, payment.unallocated)
    : planOldestFirst(usable, payment.unallocated);
  for (const { inv, take } of plan) {
    await tx.paymentAllocation.upsert({
      where: { paymentId_invoiceId: { paymentId: payment.id, invoiceId: inv.id } },
      create: { paymentId: payment.id, invoiceId: inv.id, amount: take },
      update: { amount: { increment: take } },
    });
    const amountPaid = inv.amountPaid + take;
    const status = settlementStatus({ ...inv, status: inv.status as never, amountPaid });
    const updated = await tx.invoice.update({
      where: { id: inv.id },
      data: { amountPaid, status },
    });
    if (status === "PAID") await enqueueWebhookEvent(tx, "invoice.paid", serializeInvoice(updated));
  }
  const applied = plan.reduce((s, p) => s + p.take, 0);
  if (applied > 0) {
    await tx.payment.update({
      where: { id: payment.id },
      data: { unallocated: { decrement: applied }, receiptPdf: null },
    });
    // Dunning: a suspension the payment clears is lifted in this transaction (issue 12).
    await restoreIfClearedTx(tx, { customerId: opts.customerId });
  }
  return plan.map((p) => ({ invoiceId: p.inv.id, amount: p.take }));
}
