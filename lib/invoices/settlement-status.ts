import type { InvoiceStatus } from "@/lib/generated/prisma/enums";

/** Status of a finalised invoice from what has been paid and credited against it. */
export function settlementStatus(inv: {
  status: InvoiceStatus;
  total: number;
  amountPaid: number;
  amountCredited: number;
}): InvoiceStatus {
  if (inv.status === "DRAFT" || inv.status === "VOID" || inv.status === "UNCOLLECTIBLE")
    return inv.status;
  const settled = inv.amountPaid + inv.amountCredited;
  if (settled >= inv.total) return "PAID";
  return inv.amountPaid > 0 ? "PARTIALLY_PAID" : "OPEN";
}
