// Subscriptions for staff and the API: by customer, status and plan; newest first, keyset-paginated
// on (createdAt, id).
import { z } from "zod";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { assertCan, assertCustomerAccess, type Actor } from "@/lib/auth/roles";
import { serializeSubscription } from "@/lib/billing/serialize";

export const subscriptionFilterSchema = z.object({
  customerId: z.string().max(40).optional(),
  status: z.enum(["PENDING", "ACTIVE", "SUSPENDED", "CANCELLED"]).optional(),
  productId: z.string().max(40).optional(),
  after: z.string().max(80).optional().meta({ description: "nextCursor of the previous page" }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type SubscriptionFilter = z.input<typeof subscriptionFilterSchema>;
export type ListSubscriptionsOptions = { actor: Actor; filter?: SubscriptionFilter };

export async function listSubscriptions({ actor, filter }: ListSubscriptionsOptions) {
  const f = subscriptionFilterSchema.parse(filter ?? {});
  if (f.customerId) assertCustomerAccess(actor, f.customerId, "customers:read");
  else assertCan(actor, "customers:read");
  const and: Prisma.SubscriptionWhereInput[] = [];
  if (f.customerId) and.push({ customerId: f.customerId });
  if (f.status) and.push({ status: f.status });
  if (f.productId) and.push({ productId: f.productId });
  if (f.after) {
    const [at, id] = f.after.split("|");
    const when = new Date(at);
    if (id && !Number.isNaN(when.getTime()))
      and.push({ OR: [{ createdAt: { lt: when } }, { createdAt: when, id: { lt: id } }] });
  }
  const rows = await db.subscription.findMany({
    where: { AND: and },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: f.limit + 1,
    include: { product: { select: { name: true, code: true } } },
  });
  const page = rows.slice(0, f.limit);
  const last = page[page.length - 1];
  return {
    data: page.map((s) => ({
      ...serializeSubscription(s),
      productName: s.product.name,
      productCode: s.product.code,
    })),
    nextCursor: rows.length > f.limit && last ? `${last.createdAt.toISOString()}|${last.id}` : null,
  };
}
