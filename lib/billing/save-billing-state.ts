// Persists what the billing rules decided, set-based: subscription state, applied plan changes,
// discount cycles used, suspension credits; and which invoice line took each one-off charge.
import type { Tx } from "@/lib/db";
import type { PlanResult } from "./types";

export async function saveBillingState(tx: Tx, opts: { plans: readonly PlanResult[]; now: Date }) {
  const { plans, now } = opts;
  if (plans.length) {
    const s = plans.map((p) => p.sub);
    const col = <T>(f: (x: (typeof s)[number]) => T) => s.map(f);
    await tx.$executeRawUnsafe(
      `UPDATE "Subscription" s
          SET status = v.status::"SubscriptionStatus", "productId" = v.product, price = v.price,
              interval = v.iv::"BillingInterval", "anchorDay" = v.anchor, "billedThrough" = v.bt, "nextBillDate" = v.nbd,
              "cancelledAt" = CASE WHEN v.status = 'CANCELLED' THEN COALESCE(s."cancelledAt", $9) ELSE s."cancelledAt" END,
              "updatedAt" = $9
         FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::text[], $6::int[], $7::date[], $8::date[])
              AS v(id, status, product, price, iv, anchor, bt, nbd)
        WHERE s.id = v.id`,
      col((x) => x.id),
      col((x) => x.status),
      col((x) => x.productId),
      col((x) => x.price),
      col((x) => x.interval),
      col((x) => x.anchorDay),
      col((x) => x.billedThrough),
      col((x) => x.nextBillDate),
      now,
    );
  }
  const applied = plans.flatMap((p) => p.appliedPlanChangeIds);
  if (applied.length) {
    await tx.$executeRawUnsafe(
      `UPDATE "PlanChange" SET "appliedAt" = $2 WHERE id = ANY($1::text[]) AND "appliedAt" IS NULL`,
      applied,
      now,
    );
  }
  const uses = plans.flatMap((p) => [...p.discountUses]);
  if (uses.length) {
    await tx.$executeRawUnsafe(
      `UPDATE "Discount" d SET "cyclesUsed" = d."cyclesUsed" + v.n FROM unnest($1::text[], $2::int[]) AS v(id, n) WHERE d.id = v.id`,
      uses.map((u) => u[0]),
      uses.map((u) => u[1]),
    );
  }
  const credits = plans.flatMap((p) => p.suspensionCredits);
  if (credits.length) {
    await tx.$executeRawUnsafe(
      `UPDATE "Suspension" x SET "creditedThrough" = v.ct, "creditedAt" = CASE WHEN v.closed THEN $4::timestamptz ELSE NULL END
         FROM unnest($1::text[], $2::date[], $3::bool[]) AS v(id, ct, closed) WHERE x.id = v.id`,
      credits.map((c) => c.id),
      credits.map((c) => c.creditedThrough),
      credits.map((c) => c.closed),
      now,
    );
  }
}

/** Which invoice line took each one-off charge (after the lines exist: the column references them). */
export async function claimOneOffCharges(tx: Tx, oneOffLines: Map<string, string>) {
  if (!oneOffLines.size) return;
  // Compare-and-set: a charge already taken by another invoice makes the whole batch roll back.
  const ids = [...oneOffLines.keys()];
  const n = await tx.$executeRawUnsafe(
    `UPDATE "OneOffCharge" o SET "invoiceLineId" = v.line FROM unnest($1::text[], $2::text[]) AS v(id, line)
      WHERE o.id = v.id AND o."invoiceLineId" IS NULL`,
    ids,
    ids.map((id) => oneOffLines.get(id)!),
  );
  if (n !== ids.length) throw new Error("a one-off charge was invoiced concurrently");
}
