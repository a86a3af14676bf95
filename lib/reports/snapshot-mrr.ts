// Takes the day's MRR snapshot: one row per live plan subscription (active or suspended, started,
// not yet at its cancellation date) with its normalised monthly revenue, add-ons included, and the
// coverage area its service address lies in. Idempotent: the day's rows are replaced, so running
// it again later in the day leaves the day's latest state.
import "server-only";
import type Decimal from "decimal.js";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/roles";
import type { BillingInterval, DiscountKind, Technology } from "@/lib/generated/prisma/enums";
import { getSettings } from "@/lib/settings/get-settings";
import { getCoverageIndex } from "@/lib/coverage/coverage-index";
import { roundHalfUp } from "@/lib/money/round";
import { now } from "@/lib/time/clock";
import { dateInZone, toDbDate, type IsoDate } from "@/lib/time/dates";
import type { DiscountSpec } from "@/lib/billing/discounts";
import { monthlyAmount } from "./monthly-recurring";

export type SnapshotMrrOptions = { actor: Actor; day?: IsoDate };

type SubRow = {
  id: string;
  customerId: string;
  parentId: string | null;
  productId: string;
  price: number;
  quantity: number;
  interval: BillingInterval;
  technology: Technology | null;
  lat: number | null;
  lng: number | null;
};

const BATCH = 5000;

export async function snapshotMrr({ actor, day }: SnapshotMrrOptions) {
  assertCan(actor, "billing:run");
  const { timeZone, currency } = await getSettings();
  const on = day ?? dateInZone(now(), timeZone);
  const subs = await db.$queryRaw<SubRow[]>`
    SELECT s.id, s."customerId", s."parentId", s."productId", s.price, s.quantity, s.interval,
      p.technology, a.lat, a.lng
    FROM "Subscription" s JOIN "Product" p ON p.id = s."productId"
    LEFT JOIN "Address" a ON a.id = s."serviceAddressId"
    WHERE s.status IN ('ACTIVE', 'SUSPENDED')
      AND (s."startDate" IS NULL OR s."startDate" <= ${on}::date)
      AND (s."cancelAt" IS NULL OR s."cancelAt" > ${on}::date)`;
  const discounts = await db.$queryRaw<(DiscountSpec & { subscriptionId: string })[]>`
    SELECT d.id, d."subscriptionId", d.kind::text AS kind, d.percent::text AS percent, d.amount,
      d.cycles, d."cyclesUsed", d.description
    FROM "Discount" d JOIN "Subscription" s ON s.id = d."subscriptionId"
    WHERE s.status IN ('ACTIVE', 'SUSPENDED')`;
  const byDiscount = new Map<string, DiscountSpec[]>();
  for (const d of discounts)
    byDiscount.set(d.subscriptionId, [
      ...(byDiscount.get(d.subscriptionId) ?? []),
      { ...d, kind: d.kind as DiscountKind },
    ]);
  const monthly = new Map<string, Decimal>();
  for (const s of subs) {
    const amount = monthlyAmount({ ...s, discounts: byDiscount.get(s.id) ?? [] });
    const planId = s.parentId ?? s.id;
    const sum = monthly.get(planId);
    monthly.set(planId, sum ? sum.plus(amount) : amount);
  }
  const coverage = await getCoverageIndex();
  const rows = subs
    .filter((s) => s.parentId === null)
    .map((s) => {
      const areas = s.lat !== null && s.lng !== null ? coverage.containing(s.lat, s.lng) : [];
      const area = areas.find((a) => a.technology === s.technology) ?? areas[0];
      return {
        day: toDbDate(on),
        subscriptionId: s.id,
        customerId: s.customerId,
        productId: s.productId,
        technology: s.technology,
        coverageAreaId: area?.id ?? null,
        mrr: roundHalfUp(monthly.get(s.id)!),
        currency,
      };
    });
  await db.$transaction(
    async (tx) => {
      await tx.mrrSnapshot.deleteMany({ where: { day: toDbDate(on) } });
      for (let i = 0; i < rows.length; i += BATCH)
        await tx.mrrSnapshot.createMany({ data: rows.slice(i, i + BATCH) });
    },
    { timeout: 120_000 },
  );
  return { day: on, subscriptions: rows.length, mrr: rows.reduce((a, r) => a + r.mrr, 0) };
}
