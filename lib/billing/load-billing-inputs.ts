// Reads everything the billing rules need for a set of subscriptions in a handful of set-based
// queries (never one query per subscription), locking the subscriptions it will advance.
import type { Tx } from "@/lib/db";
import type {
  BillingInterval,
  CycleMode,
  DiscountKind,
  SubscriptionStatus,
  TaxBehavior,
} from "@/lib/generated/prisma/enums";
import { fromDbDate, fromDbDateOrNull, parts, type IsoDate } from "@/lib/time/dates";
import type { DiscountSpec } from "./discounts";
import Decimal from "decimal.js";
import type { ChargedSpan, PendingPlanChange, SubscriptionState, SuspensionSpan } from "./types";

/** SQL condition: subscription `s` has something to bill on or before $asOf (parameter `$n`). */
export const dueCondition = (n: number) => `(
  COALESCE(s."nextBillDate", s."billedThrough", s."startDate") <= $${n}::date
  OR s."cancelAt" <= $${n}::date
  OR EXISTS (SELECT 1 FROM "PlanChange" pc WHERE pc."subscriptionId" = s.id AND pc."appliedAt" IS NULL AND pc."effectiveDate" <= $${n}::date))`;

type SubRow = {
  id: string;
  customerId: string;
  status: SubscriptionStatus;
  productId: string;
  productName: string;
  price: number;
  quantity: number;
  interval: BillingInterval;
  cycleMode: CycleMode;
  anchorDay: number | null;
  startDate: Date;
  billedThrough: Date | null;
  nextBillDate: Date | null;
  contractEndDate: Date | null;
  cancelAt: Date | null;
  taxRate: string;
  taxBehavior: TaxBehavior | null;
  setupFee: number;
  earlyTerminationPercent: number;
};

export type BillingInputs = {
  subs: SubscriptionState[];
  planChanges: Map<string, PendingPlanChange[]>;
  discounts: Map<string, DiscountSpec[]>;
  suspensions: Map<string, SuspensionSpan[]>;
  charged: Map<string, ChargedSpan[]>;
};

function push<T>(map: Map<string, T[]>, key: string, value: T) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export async function loadBillingInputs(
  tx: Tx,
  opts: { customerIds: string[]; asOf: IsoDate; lock: boolean; suspensions: boolean },
): Promise<BillingInputs> {
  const rows = await tx.$queryRawUnsafe<SubRow[]>(
    `SELECT s.id, s."customerId", s.status, s."productId", p.name AS "productName", s.price, s.quantity, s.interval,
            s."cycleMode", s."anchorDay", s."startDate", s."billedThrough", s."nextBillDate", s."contractEndDate",
            s."cancelAt", t.rate::text AS "taxRate", p."taxBehavior", COALESCE(s."setupFee", p."setupFee") AS "setupFee", p."earlyTerminationPercent"
       FROM "Subscription" s JOIN "Product" p ON p.id = s."productId" JOIN "TaxClass" t ON t.id = p."taxClassId"
      WHERE s."customerId" = ANY($1::text[]) AND s.status IN ('ACTIVE', 'SUSPENDED') AND s."startDate" IS NOT NULL AND ${dueCondition(2)}
      ORDER BY s."customerId", s."parentId" NULLS FIRST, s.id
      ${opts.lock ? `FOR UPDATE OF s SKIP LOCKED` : ""}`,
    opts.customerIds,
    opts.asOf,
  );
  const subs = rows.map((r): SubscriptionState => {
    const startDate = fromDbDate(r.startDate);
    return {
      ...r,
      anchorDay: r.cycleMode === "CALENDAR" ? 1 : (r.anchorDay ?? parts(startDate).day),
      startDate,
      billedThrough: fromDbDateOrNull(r.billedThrough),
      nextBillDate: fromDbDateOrNull(r.nextBillDate),
      contractEndDate: fromDbDateOrNull(r.contractEndDate),
      cancelAt: fromDbDateOrNull(r.cancelAt),
    };
  });
  const ids = subs.map((s) => s.id);
  const result: BillingInputs = {
    subs,
    planChanges: new Map(),
    discounts: new Map(),
    suspensions: new Map(),
    charged: new Map(),
  };
  if (!ids.length) return result;

  const changes = await tx.$queryRawUnsafe<
    {
      id: string;
      subscriptionId: string;
      effectiveDate: Date;
      productId: string;
      name: string;
      price: number;
      interval: BillingInterval;
      taxRate: string;
      taxBehavior: TaxBehavior | null;
      earlyTerminationPercent: number;
    }[]
  >(
    `SELECT pc.id, pc."subscriptionId", pc."effectiveDate", p.id AS "productId", p.name, p.price, p.interval,
            t.rate::text AS "taxRate", p."taxBehavior", p."earlyTerminationPercent"
       FROM "PlanChange" pc JOIN "Product" p ON p.id = pc."toProductId" JOIN "TaxClass" t ON t.id = p."taxClassId"
      WHERE pc."subscriptionId" = ANY($1::text[]) AND pc."appliedAt" IS NULL AND pc."effectiveDate" <= $2::date
      ORDER BY pc."effectiveDate", pc."createdAt"`,
    ids,
    opts.asOf,
  );
  for (const c of changes) {
    push(result.planChanges, c.subscriptionId, {
      id: c.id,
      effectiveDate: fromDbDate(c.effectiveDate),
      toProduct: {
        id: c.productId,
        name: c.name,
        price: c.price,
        interval: c.interval,
        taxRate: c.taxRate,
        taxBehavior: c.taxBehavior,
        earlyTerminationPercent: c.earlyTerminationPercent,
      },
    });
  }

  const discounts = await tx.$queryRawUnsafe<
    {
      id: string;
      subscriptionId: string;
      kind: DiscountKind;
      percent: string | null;
      amount: number | null;
      cycles: number | null;
      cyclesUsed: number;
      description: string;
    }[]
  >(
    `SELECT id, "subscriptionId", kind, percent::text AS percent, amount, cycles, "cyclesUsed", description
       FROM "Discount" WHERE "subscriptionId" = ANY($1::text[]) AND (cycles IS NULL OR "cyclesUsed" < cycles)
      ORDER BY "createdAt", id`,
    ids,
  );
  for (const d of discounts) push(result.discounts, d.subscriptionId, d);

  if (opts.suspensions) {
    const spans = await tx.$queryRawUnsafe<
      {
        id: string;
        subscriptionId: string;
        startDate: Date;
        endDate: Date | null;
        creditedThrough: Date | null;
      }[]
    >(
      `SELECT id, "subscriptionId", "startDate", "endDate", "creditedThrough" FROM "Suspension"
        WHERE "subscriptionId" = ANY($1::text[]) AND "creditedAt" IS NULL AND "startDate" < $2::date ORDER BY "startDate"`,
      ids,
      opts.asOf,
    );
    for (const s of spans) {
      push(result.suspensions, s.subscriptionId, {
        id: s.id,
        startDate: fromDbDate(s.startDate),
        endDate: fromDbDateOrNull(s.endDate),
        creditedThrough: fromDbDateOrNull(s.creditedThrough),
      });
    }
  }
  // What was charged for the periods a credit can still reach (the last billed period, and back
  // to the oldest suspended day not yet credited, a cancellation date or a pending plan change —
  // both may be back-dated): credits follow the charge, discount included.
  const charged = await tx.$queryRawUnsafe<
    {
      subscriptionId: string;
      kind: "RECURRING" | "DISCOUNT" | "PRORATION_CHARGE";
      periodStart: Date;
      periodEnd: Date;
      amount: number;
    }[]
  >(
    `SELECT l."subscriptionId", l.kind, l."periodStart", l."periodEnd", l."totalAmount" AS amount
       FROM "InvoiceLine" l JOIN "Subscription" s ON s.id = l."subscriptionId"
      WHERE l."subscriptionId" = ANY($1::text[]) AND l.kind IN ('RECURRING', 'DISCOUNT', 'PRORATION_CHARGE')
        AND l."periodStart" IS NOT NULL AND l."periodEnd" IS NOT NULL
        AND l."periodEnd" > LEAST(s."billedThrough" - 1, s."cancelAt",
                                  (SELECT MIN(COALESCE(sp."creditedThrough", sp."startDate")) FROM "Suspension" sp
                                    WHERE sp."subscriptionId" = s.id AND sp."creditedAt" IS NULL),
                                  (SELECT MIN(pc."effectiveDate") FROM "PlanChange" pc
                                    WHERE pc."subscriptionId" = s.id AND pc."appliedAt" IS NULL))
      ORDER BY l."subscriptionId", l."periodStart", l.kind`,
    ids,
  );
  const discountOn = new Map<string, number>();
  for (const l of charged)
    if (l.kind === "DISCOUNT")
      discountOn.set(`${l.subscriptionId}|${fromDbDate(l.periodStart)}`, l.amount);
  for (const l of charged) {
    if (l.kind === "DISCOUNT") continue;
    const start = fromDbDate(l.periodStart);
    const discount =
      l.kind === "RECURRING" ? (discountOn.get(`${l.subscriptionId}|${start}`) ?? 0) : 0; // DISCOUNT lines are negative
    const factor = l.amount > 0 ? new Decimal(l.amount + discount).div(l.amount) : new Decimal(1);
    push(result.charged, l.subscriptionId, { start, end: fromDbDate(l.periodEnd), factor });
  }
  return result;
}
