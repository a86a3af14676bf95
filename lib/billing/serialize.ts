// JSON shapes for the API and client components: money as integer minor units, billing dates as
// YYYY-MM-DD, period ends exclusive (as stored; `periodLast` is the last day for display).
import { addDays, fromDbDate, fromDbDateOrNull } from "@/lib/time/dates";
import type { Invoice, InvoiceLine, Subscription, BillingRun } from "@/lib/generated/prisma/client";

export function serializeInvoiceLine(l: InvoiceLine) {
  const periodEnd = fromDbDateOrNull(l.periodEnd);
  return {
    id: l.id,
    kind: l.kind,
    description: l.description,
    subscriptionId: l.subscriptionId,
    periodStart: fromDbDateOrNull(l.periodStart),
    periodEnd,
    periodLast: periodEnd ? addDays(periodEnd, -1) : null,
    quantity: l.quantity.toString(),
    unitAmount: l.unitAmount,
    netAmount: l.netAmount,
    taxRate: l.taxRate.toString(),
    taxAmount: l.taxAmount,
    totalAmount: l.totalAmount,
  };
}

export function serializeInvoice(i: Invoice & { lines?: InvoiceLine[] }) {
  return {
    id: i.id,
    number: i.number,
    status: i.status,
    customerId: i.customerId,
    currency: i.currency,
    issueDate: fromDbDate(i.issueDate),
    dueDate: fromDbDate(i.dueDate),
    subtotal: i.subtotal,
    taxTotal: i.taxTotal,
    total: i.total,
    amountPaid: i.amountPaid,
    amountCredited: i.amountCredited,
    amountDue: Math.max(0, i.total - i.amountPaid - i.amountCredited),
    billingRunId: i.billingRunId,
    finalizedAt: i.finalizedAt?.toISOString() ?? null,
    finalizeAfter: i.finalizeAfter?.toISOString() ?? null,
    ...(i.lines ? { lines: i.lines.map(serializeInvoiceLine) } : {}),
  };
}

export function serializeSubscription(s: Subscription) {
  return {
    id: s.id,
    customerId: s.customerId,
    productId: s.productId,
    parentId: s.parentId,
    status: s.status,
    quantity: s.quantity,
    price: s.price,
    interval: s.interval,
    cycleMode: s.cycleMode,
    anchorDay: s.anchorDay,
    startDate: fromDbDateOrNull(s.startDate),
    billedThrough: fromDbDateOrNull(s.billedThrough),
    nextBillDate: fromDbDateOrNull(s.nextBillDate),
    contractEndDate: fromDbDateOrNull(s.contractEndDate),
    cancelAt: fromDbDateOrNull(s.cancelAt),
    cancelRequestedOn: fromDbDateOrNull(s.cancelRequestedOn),
    cancelledAt: s.cancelledAt?.toISOString() ?? null,
  };
}

export function serializeBillingRun(r: BillingRun) {
  return {
    id: r.id,
    asOf: fromDbDate(r.asOf),
    status: r.status as "RUNNING" | "COMPLETED" | "FAILED",
    trigger: r.trigger,
    dueCount: r.dueCount,
    processedCount: r.processedCount,
    invoicesCreated: r.invoicesCreated,
    invoicesTotal: Number(r.invoicesTotal),
    error: r.error,
    startedAt: r.startedAt.toISOString(),
    heartbeatAt: r.heartbeatAt?.toISOString() ?? null,
    finishedAt: r.finishedAt?.toISOString() ?? null,
  };
}
