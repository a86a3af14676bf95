// The subscriber's services for the portal: each plan with its add-ons, status and what is
// scheduled on it (a plan change waiting for the period end, a cancellation date, a suspension or
// a soft suspension by dunning). One query bounded by the customer (Subscription.customerId index).
import "server-only";
import { db } from "@/lib/db";
import { assertCustomerAccess, type Actor } from "@/lib/auth/roles";
import { fromDbDateOrNull } from "@/lib/time/dates";

export type ListMyServicesOptions = { actor: Actor; customerId: string };

const SELECT = {
  id: true,
  parentId: true,
  status: true,
  price: true,
  quantity: true,
  interval: true,
  nextBillDate: true,
  contractEndDate: true,
  cancelAt: true,
  softSuspendedAt: true,
  product: {
    select: { id: true, name: true, kind: true, downloadMbps: true, uploadMbps: true },
  },
  serviceAddress: { select: { line1: true, suburb: true, city: true } },
  planChanges: {
    where: { appliedAt: null },
    take: 1,
    orderBy: { createdAt: "desc" },
    select: { effectiveDate: true, toProduct: { select: { name: true } } },
  },
} as const;

export async function listMyServices({ actor, customerId }: ListMyServicesOptions) {
  assertCustomerAccess(actor, customerId, "customers:read");
  const rows = await db.subscription.findMany({
    where: { customerId, status: { not: "CANCELLED" } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: 200,
    select: SELECT,
  });
  const shape = (s: (typeof rows)[number]) => ({
    id: s.id,
    status: s.status,
    name: s.product.name,
    productId: s.product.id,
    speed: s.product.downloadMbps ? `${s.product.downloadMbps}/${s.product.uploadMbps} Mbps` : null,
    price: s.price * s.quantity,
    interval: s.interval,
    nextBillDate: fromDbDateOrNull(s.nextBillDate),
    contractEndDate: fromDbDateOrNull(s.contractEndDate),
    cancelAt: fromDbDateOrNull(s.cancelAt),
    softSuspended: s.softSuspendedAt !== null,
    address: s.serviceAddress,
    pendingChange: s.planChanges[0]
      ? {
          to: s.planChanges[0].toProduct.name,
          effectiveDate: fromDbDateOrNull(s.planChanges[0].effectiveDate)!,
        }
      : null,
  });
  const plans = rows.filter((s) => !s.parentId);
  return plans.map((p) => ({
    ...shape(p),
    addons: rows.filter((a) => a.parentId === p.id).map(shape),
  }));
}
export type MyService = Awaited<ReturnType<typeof listMyServices>>[number];
