// The 360° view on the real database: one timeline of invoices, payments, tickets, messages,
// notes and audit events, newest first, filtered by kind and by what the role may see, paged
// without gaps or repeats; pinned notes and the header figures; a portal password link.
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "@/lib/db";
import { recordManualPayment } from "@/lib/payments/record-manual-payment";
import { getCustomerTimeline } from "@/lib/customers/get-customer-timeline";
import { getCustomerSummary } from "@/lib/customers/get-customer-summary";
import { addCustomerNote } from "@/lib/customers/add-customer-note";
import { setNotePinned } from "@/lib/customers/set-note-pinned";
import { sendPortalPasswordLink } from "@/lib/customers/send-portal-password-link";
import { openTicket } from "@/lib/tickets/open-ticket";
import { createUserActor } from "../support/fixtures";
import { customerWithInvoices, setupIsp } from "../payments/fixtures";

let ctx: Awaited<ReturnType<typeof customerWithInvoices>>;
let admin: Awaited<ReturnType<typeof createUserActor>>;
let support: Awaited<ReturnType<typeof createUserActor>>;
let tech: Awaited<ReturnType<typeof createUserActor>>;

beforeAll(async () => {
  await setupIsp();
  await db.numberSeries.createMany({
    data: [
      { code: "TICKET", prefix: "T-" },
      { code: "RECEIPT", prefix: "RCT-" },
    ],
    skipDuplicates: true,
  });
  ctx = await customerWithInvoices(3);
  admin = await createUserActor("ADMIN");
  support = await createUserActor("SUPPORT");
  tech = await createUserActor("TECHNICIAN");
  await recordManualPayment({
    actor: admin,
    customerId: ctx.customer.id,
    amount: 30000,
    currency: "ZAR",
    method: "EFT",
    receivedOn: "2026-03-10",
  });
  await openTicket({
    actor: support,
    customerId: ctx.customer.id,
    category: "BILLING",
    subject: "Asked about the March invoice",
    body: "Explained the proration.",
  });
  const note = await addCustomerNote({
    actor: support,
    customerId: ctx.customer.id,
    body: "Prefers calls after 17:00",
  });
  await setNotePinned({ actor: support, noteId: note.id, pinned: true });
});

describe("customer timeline", () => {
  test("one list of everything, newest first, filterable by kind", async () => {
    const { entries } = await getCustomerTimeline({ actor: admin, customerId: ctx.customer.id });
    const kinds = new Set(entries.map((e) => e.kind));
    for (const k of ["invoice", "payment", "ticket", "message", "note", "audit"])
      expect(kinds).toContain(k);
    const times = entries.map((e) => e.at.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const invoices = await getCustomerTimeline({
      actor: admin,
      customerId: ctx.customer.id,
      kinds: ["invoice"],
    });
    expect(invoices.entries).toHaveLength(3);
    expect(invoices.entries.every((e) => e.kind === "invoice" && e.amount === 30000)).toBe(true);
  });

  test("pages meet without gaps or repeats", async () => {
    const all = await getCustomerTimeline({
      actor: admin,
      customerId: ctx.customer.id,
      limit: 200,
    });
    const seen: string[] = [];
    let after: string | undefined;
    do {
      const page = await getCustomerTimeline({
        actor: admin,
        customerId: ctx.customer.id,
        limit: 3,
        after,
      });
      seen.push(...page.entries.map((e) => e.key));
      after = page.nextCursor ?? undefined;
    } while (after);
    expect(seen).toEqual(all.entries.map((e) => e.key));
    await expect(
      getCustomerTimeline({ actor: admin, customerId: ctx.customer.id, after: "garbage" }),
    ).rejects.toMatchObject({ code: "VALIDATION" });
  });

  test("a technician sees tickets and notes but no money, mail or audit", async () => {
    const { entries, kinds } = await getCustomerTimeline({
      actor: tech,
      customerId: ctx.customer.id,
      kinds: ["invoice", "payment", "ticket"],
    });
    expect(kinds).not.toContain("invoice");
    expect(kinds).not.toContain("audit");
    expect(new Set(entries.map((e) => e.kind))).toEqual(new Set(["ticket"]));
    const summary = await getCustomerSummary({ actor: tech, customerId: ctx.customer.id });
    expect(summary.balance).toBeNull();
    expect(summary.pinnedNotes.map((n) => n.body)).toEqual(["Prefers calls after 17:00"]);
  });

  test("header figures: balance, overdue, open tickets", async () => {
    const s = await getCustomerSummary({ actor: support, customerId: ctx.customer.id });
    expect(s.balance?.balance).toBe(60000);
    expect(s.openTickets).toBe(1);
  });

  test("portal password link: refused without a login, sent and audited with one", async () => {
    await expect(
      sendPortalPasswordLink({ actor: support, customerId: ctx.customer.id }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(
      sendPortalPasswordLink({ actor: tech, customerId: ctx.customer.id }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await db.user.create({
      data: {
        email: ctx.customer.email,
        name: "Thandi",
        role: "CUSTOMER",
        customerId: ctx.customer.id,
      },
    });
    const sent = await sendPortalPasswordLink({ actor: support, customerId: ctx.customer.id });
    expect(sent.email).toBe(ctx.customer.email);
    const audit = await db.auditLog.findFirst({
      where: { customerId: ctx.customer.id, action: "customer.portal_password_link" },
    });
    expect(audit?.actorId).toBe(support.id);
  });
});
