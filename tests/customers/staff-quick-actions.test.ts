// The 360° page's quick actions on the real database: staff change a customer's plan with the
// portal's own proration preview (the preview is the invoice the change issues; audited as the
// staff member), and resend an invoice with its PDF (audited; the email and the audit event are on
// the customer's timeline). Roles without the permission are refused.
import { afterEach, beforeAll, describe, expect, test } from "vitest";
import { db } from "@/lib/db";
import { SYSTEM } from "@/lib/auth/roles";
import { runBilling } from "@/lib/billing/run-billing";
import { changePlan } from "@/lib/subscriptions/change-plan";
import { previewPlanChange } from "@/lib/subscriptions/preview-plan-change";
import { resendInvoice } from "@/lib/invoices/resend-invoice";
import { getCustomerTimeline } from "@/lib/customers/get-customer-timeline";
import { setClock } from "@/lib/time/clock";
import { createUserActor } from "../support/fixtures";
import {
  createCustomer,
  createProduct,
  createSubscription,
  setupIsp,
  travelTo,
} from "../billing/fixtures";

let vatId = "";
beforeAll(async () => {
  vatId = (await setupIsp()).vat.id;
});
afterEach(() => setClock(undefined));

async function billedCustomer(price: number) {
  const plan = await createProduct({ taxClassId: vatId, price });
  const c = await createCustomer();
  const sub = await createSubscription({
    customerId: c.id,
    product: plan,
    startDate: "2026-04-01",
  });
  travelTo("2026-04-01");
  await runBilling({ asOf: "2026-04-01", actor: SYSTEM });
  return { c, sub };
}

describe("360 quick actions", () => {
  test("staff change plan: the preview is what the upgrade invoices, audited as them", async () => {
    const sales = await createUserActor("SALES");
    const fast = await createProduct({ taxClassId: vatId, price: 60000 });
    const { c, sub } = await billedCustomer(30000);
    travelTo("2026-04-11");
    const preview = await previewPlanChange({
      actor: sales,
      subscriptionId: sub.id,
      toProductId: fast.id,
    });
    expect(preview).toMatchObject({ kind: "upgrade", dueNow: 20000 });
    const done = await changePlan({ actor: sales, subscriptionId: sub.id, toProductId: fast.id });
    expect(done.customerId).toBe(c.id);
    const inv = await db.invoice.findUniqueOrThrow({ where: { id: done.invoiceIds[0] } });
    expect(inv.total).toBe(preview.dueNow);
    const audit = await db.auditLog.findFirstOrThrow({
      where: { customerId: c.id, action: "subscription.upgrade" },
    });
    expect(audit.actorId).toBe(sales.id);

    const support = await createUserActor("SUPPORT");
    await expect(
      previewPlanChange({ actor: support, subscriptionId: sub.id, toProductId: fast.id }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  test("resend invoice: queued again with its PDF, audited, on the timeline", async () => {
    const support = await createUserActor("SUPPORT");
    const { c } = await billedCustomer(30000);
    const inv = await db.invoice.findFirstOrThrow({ where: { customerId: c.id } });
    const before = await db.notification.count({ where: { customerId: c.id } });

    const sent = await resendInvoice({ actor: support, invoiceId: inv.id, customerId: c.id });
    expect(sent.number).toBe(inv.number);
    const mails = await db.notification.findMany({
      where: { customerId: c.id },
      orderBy: { createdAt: "desc" },
    });
    expect(mails).toHaveLength(before + 1);
    expect(mails[0].subject).toContain(inv.number!);
    expect(JSON.stringify(mails[0].attachments)).toContain(`${inv.number}.pdf`);
    // Again and again: each resend is a new message, not swallowed by the first one's key.
    await resendInvoice({ actor: support, invoiceId: inv.id });
    expect(await db.notification.count({ where: { customerId: c.id } })).toBe(before + 2);

    const audit = await db.auditLog.findMany({
      where: { entityId: inv.id, action: "invoice.resend" },
    });
    expect(audit.map((a) => a.actorId)).toEqual([support.id, support.id]);
    const admin = await createUserActor("ADMIN");
    const timeline = await getCustomerTimeline({ actor: admin, customerId: c.id });
    expect(JSON.stringify(timeline)).toContain("invoice.resend");

    const tech = await createUserActor("TECHNICIAN");
    await expect(resendInvoice({ actor: tech, invoiceId: inv.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const other = await billedCustomer(20000);
    await expect(
      resendInvoice({ actor: support, invoiceId: inv.id, customerId: other.c.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
