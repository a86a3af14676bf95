// Starts a subscription on a plan (or an add-on under a plan's subscription). The price is locked
// in from the product now; the first period is billed in advance on the start date by the next
// run. Anniversary by default from the start day (or the given anchor); calendar if asked or set
// for the ISP. Add-ons follow their plan's cycle.
import { db } from "@/lib/db";
import { assertCan, assertCustomerAccess, isCustomerActor, type Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError, notFound } from "@/lib/errors";
import { getSettings } from "@/lib/settings/get-settings";
import { addMonths } from "date-fns";
import { addDays, dateInZone, fromDbDate, parts, toDbDate } from "@/lib/time/dates";
import { now } from "@/lib/time/clock";
import { env } from "@/lib/env";
import { assertLineAmount } from "@/lib/money/limits";
import { createSubscriptionSchema, type CreateSubscriptionInput } from "./subscription-schema";

export async function createSubscription(opts: { input: CreateSubscriptionInput; actor: Actor }) {
  const v = createSubscriptionSchema.parse(opts.input);
  // A subscriber may add an add-on to their own plan from the portal; a new plan is an order
  // (storefront: feasibility, contract, installation), so that stays with staff and the API.
  if (isCustomerActor(opts.actor)) {
    assertCustomerAccess(opts.actor, v.customerId, "customers:write");
    if (!v.parentId)
      throw new AppError("FORBIDDEN", "Order a new service through the online order.");
  } else assertCan(opts.actor, "customers:write");
  return db.$transaction(async (tx) => {
    const customer = await tx.customer.findUnique({
      where: { id: v.customerId },
      select: { id: true },
    });
    if (!customer) throw notFound("Customer");
    const product = await tx.product.findUnique({ where: { id: v.productId } });
    if (!product || product.status !== "ACTIVE") throw notFound("Plan");
    const parent = v.parentId
      ? await tx.subscription.findUnique({ where: { id: v.parentId } })
      : null;
    if (v.parentId && (!parent || parent.customerId !== customer.id))
      throw notFound("Parent subscription");
    if (parent && (parent.status === "CANCELLED" || parent.cancelAt))
      throw new AppError("CONFLICT", "That service is cancelled or ending.");
    if ((product.kind === "ADDON") !== Boolean(parent))
      throw new AppError(
        "VALIDATION",
        "Add-ons go under a plan's subscription; plans stand alone.",
        { parentId: "mismatch" },
      );
    assertLineAmount(product.price, v.quantity, "quantity");
    const settings = await getSettings(tx);
    const earliest = addDays(
      dateInZone(now(), settings.timeZone),
      -env.SUBSCRIPTION_MAX_BACKDATE_DAYS,
    );
    if (v.startDate < earliest)
      throw new AppError("VALIDATION", "The start date is too far in the past.", {
        startDate: `On or after ${earliest} (at most ${env.SUBSCRIPTION_MAX_BACKDATE_DAYS} days ago)`,
      });
    const cycleMode = parent?.cycleMode ?? v.cycleMode ?? settings.cycleMode;
    const startDate = v.startDate;
    const anchorDay =
      cycleMode === "CALENDAR" ? 1 : (parent?.anchorDay ?? v.anchorDay ?? parts(startDate).day);
    const contractEnd =
      product.contractMonths > 0
        ? fromDbDate(addMonths(toDbDate(startDate), product.contractMonths))
        : null;
    const sub = await tx.subscription.create({
      data: {
        customerId: customer.id,
        productId: product.id,
        parentId: parent?.id,
        status: "ACTIVE",
        quantity: v.quantity,
        price: product.price,
        interval: parent?.interval ?? product.interval,
        cycleMode,
        anchorDay,
        startDate: toDbDate(startDate),
        nextBillDate: toDbDate(startDate),
        contractEndDate: contractEnd ? toDbDate(contractEnd) : null,
        serviceAddressId: v.serviceAddressId ?? parent?.serviceAddressId,
      },
    });
    await recordAudit(
      {
        actor: opts.actor,
        action: "subscription.create",
        entityType: "Subscription",
        entityId: sub.id,
        customerId: customer.id,
        data: { product: product.code, startDate },
      },
      tx,
    );
    return sub;
  });
}
