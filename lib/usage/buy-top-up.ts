// A data top-up bought in the portal (or by staff for the customer): the plan's top-up GB are
// added to this month's allowance at once and charged at once — a one-off charge invoiced now
// through the billing engine's immediate path, so the customer can pay it on the spot (pay link).
// A cap in force is lifted in the same transaction when the new allowance is above use, and the
// network follows the `usage-cap` event.
import "server-only";
import { assertCustomerAccess, type Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { billCustomerNowTx } from "@/lib/billing/bill-customers-tx";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { subscriptionChanged } from "@/lib/events/events";
import { publish } from "@/lib/events/publish";
import { getSettings } from "@/lib/settings/get-settings";
import { now } from "@/lib/time/clock";
import { toDbDate } from "@/lib/time/dates";
import { BYTES_PER_GB, currentUsageMonth } from "./usage-month";

export type BuyTopUpOptions = { actor: Actor; subscriptionId: string };

export async function buyTopUp(
  opts: BuyTopUpOptions,
): Promise<{ topUpId: string; invoiceId: string | null }> {
  const settings = await getSettings();
  const at = now();
  const month = currentUsageMonth(at, settings.timeZone);
  const result = await db.$transaction(async (tx) => {
    const sub = await tx.subscription.findUnique({
      where: { id: opts.subscriptionId },
      select: {
        id: true,
        status: true,
        customerId: true,
        product: {
          select: {
            name: true,
            dataCapGb: true,
            topUpGb: true,
            topUpPrice: true,
            taxClassId: true,
          },
        },
      },
    });
    if (!sub) throw notFound("Subscription");
    assertCustomerAccess(opts.actor, sub.customerId, "customers:write");
    const { product } = sub;
    if (sub.status !== "ACTIVE") throw new AppError("CONFLICT", "Top-ups are for active services.");
    if (!product.dataCapGb || !product.topUpGb || product.topUpPrice === null)
      throw new AppError("CONFLICT", `${product.name} has no data top-up.`);
    // Serialise top-ups and cap checks on this service's month.
    await tx.$executeRawUnsafe(
      `INSERT INTO "UsagePeriod" ("subscriptionId", "periodStart", "periodEnd", "capBytes", "updatedAt")
       VALUES ($1, $2::date, $3::date, $4, $5) ON CONFLICT DO NOTHING`,
      sub.id,
      month.start,
      month.end,
      BigInt(product.dataCapGb) * BYTES_PER_GB,
      at,
    );
    const period = await tx.$queryRawUnsafe<
      { used: bigint; allowance: bigint; cappedAt: Date | null }[]
    >(
      `UPDATE "UsagePeriod" SET "topUpBytes" = "topUpBytes" + $3, "updatedAt" = $4
        WHERE "subscriptionId" = $1 AND "periodStart" = $2::date
        RETURNING "usedBytes" AS used, "capBytes" + "rolloverBytes" + "topUpBytes" AS allowance, "cappedAt"`,
      sub.id,
      month.start,
      BigInt(product.topUpGb) * BYTES_PER_GB,
      at,
    );
    const lifted = Boolean(period[0]?.cappedAt) && period[0]!.used < period[0]!.allowance;
    if (lifted)
      await tx.usagePeriod.update({
        where: {
          subscriptionId_periodStart: {
            subscriptionId: sub.id,
            periodStart: toDbDate(month.start),
          },
        },
        data: { cappedAt: null },
      });
    const charge = await tx.oneOffCharge.create({
      data: {
        customerId: sub.customerId,
        subscriptionId: sub.id,
        description: `Data top-up ${product.topUpGb} GB`,
        amount: product.topUpPrice,
        taxClassId: product.taxClassId,
        chargeDate: toDbDate(month.today),
        createdById: opts.actor.kind === "user" ? opts.actor.id : null,
      },
    });
    const billed = await billCustomerNowTx(tx, sub.customerId, month.today);
    const invoiceId = billed.invoiceIds[0] ?? null;
    const topUp = await tx.dataTopUp.create({
      data: {
        subscriptionId: sub.id,
        periodStart: toDbDate(month.start),
        gb: product.topUpGb,
        amount: product.topUpPrice,
        invoiceId,
        createdById: opts.actor.kind === "user" ? opts.actor.id : null,
      },
    });
    await recordAudit(
      {
        actor: opts.actor,
        action: "usage.top_up",
        entityType: "Subscription",
        entityId: sub.id,
        customerId: sub.customerId,
        data: {
          gb: product.topUpGb,
          amount: product.topUpPrice,
          chargeId: charge.id,
          invoiceId,
        },
      },
      tx,
    );
    return { topUpId: topUp.id, invoiceId, lifted };
  });
  if (result.lifted)
    await publish(
      subscriptionChanged.create({ subscriptionId: opts.subscriptionId, change: "usage-cap" }),
    );
  return { topUpId: result.topUpId, invoiceId: result.invoiceId };
}
