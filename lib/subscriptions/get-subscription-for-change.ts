import type { Tx } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { fromDbDate, fromDbDateOrNull } from "@/lib/time/dates";

/** A subscription locked for a change, with the dates the rules need as ISO strings. */
export async function lockSubscription(tx: Tx, id: string) {
  const [locked] = await tx.$queryRawUnsafe<{ id: string }[]>(
    `SELECT id FROM "Subscription" WHERE id = $1 FOR UPDATE`,
    id,
  );
  if (!locked) throw notFound("Subscription");
  const sub = await tx.subscription.findUniqueOrThrow({
    where: { id },
    include: { product: true },
  });
  if (!sub.startDate) throw notFound("Active subscription");
  const startDate = fromDbDate(sub.startDate);
  const billedThrough = fromDbDateOrNull(sub.billedThrough);
  return { sub, startDate, billedThrough };
}
