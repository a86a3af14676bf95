// Payments for admin, the API and the portal, filtered by customer, method, status, received
// date range or "has unallocated credit"; newest first, keyset-paginated on (receivedOn, id).
// A customer sees only their own money received.
import { z } from "zod";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { PaymentMethodKind, PaymentStatus } from "@/lib/generated/prisma/enums";
import { assertCan, assertCustomerAccess, type Actor } from "@/lib/auth/roles";
import { isIsoDate, toDbDate } from "@/lib/time/dates";
import { isoDate } from "./manual-payment-schema";
import { paymentDetails, serializePayment } from "./serialize-payment";

const flag = z.preprocess((v) => v === "true" || v === "1" || v === true, z.boolean());

export const paymentFilterSchema = z.object({
  customerId: z.string().max(64).optional(),
  method: z.enum(PaymentMethodKind).optional(),
  status: z.enum(PaymentStatus).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  unallocated: flag.optional(),
  /** Receipt number or reference, contains, case-insensitive. */
  q: z.string().trim().max(100).optional(),
  /** Cursor from the previous page: "<receivedOn>|<id>". */
  after: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type PaymentFilter = z.input<typeof paymentFilterSchema>;

export type ListPaymentsOptions = { actor: Actor; filter?: PaymentFilter };

export async function listPayments({ actor, filter }: ListPaymentsOptions) {
  const f = paymentFilterSchema.parse(filter ?? {});
  const isCustomer = actor.kind === "user" && actor.role === "CUSTOMER";
  if (isCustomer) f.customerId = actor.customerId ?? "none";
  if (f.customerId) assertCustomerAccess(actor, f.customerId, "payments:read");
  else assertCan(actor, "payments:read");
  const and: Prisma.PaymentWhereInput[] = [];
  if (f.customerId) and.push({ customerId: f.customerId });
  if (isCustomer) and.push({ status: { notIn: ["PENDING", "FAILED"] } });
  if (f.method) and.push({ method: f.method });
  if (f.status) and.push({ status: f.status });
  if (f.from) and.push({ receivedOn: { gte: toDbDate(f.from) } });
  if (f.to) and.push({ receivedOn: { lte: toDbDate(f.to) } });
  if (f.unallocated) and.push({ unallocated: { gt: 0 } });
  if (f.q)
    and.push({
      OR: [
        { number: { contains: f.q, mode: "insensitive" } },
        { reference: { contains: f.q, mode: "insensitive" } },
      ],
    });
  if (f.after) {
    const [d, id] = f.after.split("|");
    if (isIsoDate(d) && id)
      and.push({
        OR: [{ receivedOn: { lt: toDbDate(d) } }, { receivedOn: toDbDate(d), id: { lt: id } }],
      });
  }
  const rows = await db.payment.findMany({
    where: { AND: and },
    orderBy: [{ receivedOn: "desc" }, { id: "desc" }],
    take: f.limit + 1,
    include: {
      ...paymentDetails,
      customer: {
        select: { accountNumber: true, firstName: true, lastName: true, companyName: true },
      },
    },
  });
  const page = rows.slice(0, f.limit);
  const last = page[page.length - 1];
  return {
    payments: page.map((p) => ({ ...serializePayment(p), customer: p.customer })),
    nextCursor:
      rows.length > f.limit && last
        ? `${last.receivedOn.toISOString().slice(0, 10)}|${last.id}`
        : null,
  };
}
