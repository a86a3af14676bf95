// Tickets end to end on the real database: a customer opens one with a screenshot, staff answer
// and write an internal note, the customer replies by email (threaded by the reply token in the
// subject), SLA targets breach on time, files are served only to who may see them, and the
// queue filters ("my tickets", breached) and the API answer what they document.
import { beforeAll, describe, expect, test } from "vitest";
import nodemailer from "nodemailer";
import { db } from "@/lib/db";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { setClock } from "@/lib/time/clock";
import { openTicket } from "@/lib/tickets/open-ticket";
import { addTicketMessage } from "@/lib/tickets/add-ticket-message";
import { getTicket } from "@/lib/tickets/get-ticket";
import { listTickets } from "@/lib/tickets/list-tickets";
import { updateTicket } from "@/lib/tickets/update-ticket";
import { countTickets } from "@/lib/tickets/count-tickets";
import { getTicketAttachment } from "@/lib/tickets/get-ticket-attachment";
import { receiveInboundEmail } from "@/lib/tickets/receive-inbound-email";
import { SYSTEM } from "@/lib/auth/roles";
import { POST as inboundPost } from "@/app/api/inbound/email/route";
import { GET as listRoute, POST as openRoute } from "@/app/api/v1/tickets/route";
import { GET as getRoute } from "@/app/api/v1/tickets/[id]/route";
import { POST as messageRoute } from "@/app/api/v1/tickets/[id]/messages/route";
import { callApi } from "../support/call-api";
import { createTestIsp, createUserActor } from "../support/fixtures";

const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010806000000" +
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082",
  "hex",
);
const png = (name = "router.png") => ({ filename: name, contentType: "image/png", content: PNG });

let customer: Awaited<ReturnType<typeof createUserActor>>;
let other: Awaited<ReturnType<typeof createUserActor>>;
let support: Awaited<ReturnType<typeof createUserActor>>;
let sales: Awaited<ReturnType<typeof createUserActor>>;
let supportKey = "";
let salesKey = "";

beforeAll(async () => {
  await createTestIsp();
  customer = await createUserActor("CUSTOMER");
  other = await createUserActor("CUSTOMER");
  support = await createUserActor("SUPPORT");
  sales = await createUserActor("SALES");
  const admin = await createUserActor("ADMIN");
  supportKey = (await createApiKey({ actor: admin, name: "helpdesk", role: "SUPPORT" })).key;
  salesKey = (await createApiKey({ actor: admin, name: "crm", role: "SALES" })).key;
});

/** The raw RFC 822 message a mail client would send. */
async function rawMail(opts: {
  from: string;
  subject: string;
  text: string;
  messageId?: string;
  attachments?: { filename: string; content: Buffer; contentType: string }[];
}) {
  const t = nodemailer.createTransport({ streamTransport: true, buffer: true });
  const info = await t.sendMail({ to: "support@isp.example", ...opts });
  return info.message as Buffer;
}

describe("a ticket's life", () => {
  test("customer opens, staff answer and note, customer replies by email, SLA runs", async () => {
    setClock(new Date("2026-06-01T08:00:00Z"));
    const opened = await openTicket({
      actor: customer,
      category: "FAULT",
      subject: "No internet since this morning",
      body: "The red light on the router is on.",
      attachments: [png()],
    });
    expect(opened.number).toMatch(/^T-/);
    const t = await db.ticket.findUniqueOrThrow({ where: { id: opened.id } });
    // Faults: first answer within 4 h, resolved within 24 h.
    expect(t.firstResponseDueAt.toISOString()).toBe("2026-06-01T12:00:00.000Z");
    expect(t.resolveDueAt.toISOString()).toBe("2026-06-02T08:00:00.000Z");
    const ack = await db.notification.findFirstOrThrow({
      where: { customerId: customer.customerId },
    });
    expect(ack.subject).toBe(`No internet since this morning [${t.number} ref:${t.replyToken}]`);

    // Five hours later nobody answered: breached, and it shows in the breached queue.
    setClock(new Date("2026-06-01T13:00:00Z"));
    const breached = await listTickets({ actor: support, filter: { breached: "true" } });
    expect(breached.tickets.map((x) => x.id)).toContain(t.id);
    expect(breached.tickets[0].sla.firstResponse).toBe("breached");
    expect((await countTickets({ actor: support })).breached).toBe(1);

    await updateTicket({
      actor: support,
      ticketId: t.id,
      assignedToId: support.id,
      priority: "HIGH",
    });
    expect(
      (await listTickets({ actor: support, filter: { assignee: "me" } })).tickets,
    ).toHaveLength(1);
    expect((await listTickets({ actor: sales, filter: { assignee: "me" } })).tickets).toHaveLength(
      0,
    );

    await addTicketMessage({
      actor: support,
      ticketId: t.id,
      body: "Line check shows the ONT is down.",
      internal: true,
    });
    await addTicketMessage({
      actor: support,
      ticketId: t.id,
      body: "We are sending a technician. Is someone home tomorrow?",
      status: "PENDING",
    });
    const staffView = await getTicket({ actor: support, ticketId: t.id });
    expect(staffView.messages.map((m) => m.internal)).toEqual([false, true, false]);
    expect(staffView.status).toBe("PENDING");
    expect(staffView.sla.firstResponse).toBe("breached"); // answered, but late

    const customerView = await getTicket({ actor: customer, ticketId: t.id });
    expect(customerView.messages.map((m) => m.body)).not.toContain(
      "Line check shows the ONT is down.",
    );
    // Only the public answer was emailed; the note never leaves the building.
    const mails = await db.notification.findMany({
      where: { customerId: customer.customerId },
      orderBy: { createdAt: "asc" },
    });
    expect(mails).toHaveLength(2);
    expect(mails[1].text).toContain("Is someone home tomorrow?");
    expect(mails.some((m) => m.text.includes("ONT is down"))).toBe(false);

    // The customer answers from their mail client, quoting our email; the assignee is told.
    const reply = await rawMail({
      from: `Test Customer <${(await db.customer.findUniqueOrThrow({ where: { id: customer.customerId! } })).email}>`,
      subject: `Re: ${mails[1].subject}`,
      text: `Yes, from 8am.\n\nOn Mon, 1 Jun 2026 at 15:00, ISP wrote:\n> ${mails[1].text.split("\n").join("\n> ")}`,
      messageId: "<reply-1@mail.example>",
      attachments: [
        { filename: "photo.png", content: PNG, contentType: "image/png" },
        {
          filename: "virus.exe",
          content: Buffer.from("MZ..."),
          contentType: "application/octet-stream",
        },
      ],
    });
    const outcome = await receiveInboundEmail({ actor: SYSTEM, raw: reply });
    expect(outcome).toMatchObject({ status: "threaded", ticketNumber: t.number });
    const again = await receiveInboundEmail({ actor: SYSTEM, raw: reply });
    expect(again).toEqual({ status: "duplicate" });
    const after = await getTicket({ actor: support, ticketId: t.id });
    const last = after.messages[after.messages.length - 1];
    expect(last.via).toBe("EMAIL");
    expect(last.fromStaff).toBe(false);
    expect(last.body).toMatch(/^Yes, from 8am\./);
    expect(last.body).toContain("[Not attached (type or size not accepted): virus.exe]");
    expect(last.body).not.toContain("Is someone home");
    expect(last.attachments.map((a) => a.filename)).toEqual(["photo.png"]);
    expect(after.status).toBe("OPEN"); // the customer's answer puts it back in the queue
    const toAssignee = await db.notification.findFirstOrThrow({
      where: { to: (await db.user.findUniqueOrThrow({ where: { id: support.id } })).email },
    });
    expect(toAssignee.text).toContain("Yes, from 8am.");

    await addTicketMessage({ actor: support, ticketId: t.id, body: "Fixed.", status: "RESOLVED" });
    const resolved = await getTicket({ actor: support, ticketId: t.id });
    expect(resolved.resolvedAt).not.toBeNull();
    expect(resolved.sla.resolution).toBe("met");
    setClock(undefined);
  });

  test("files are served only to who may see their message", async () => {
    const opened = await openTicket({
      actor: customer,
      category: "BILLING",
      subject: "Double charge",
      body: "See the statement.",
      attachments: [png("statement.png")],
    });
    await addTicketMessage({
      actor: support,
      ticketId: opened.id,
      body: "Internal screenshot",
      internal: true,
      attachments: [png("internal.png")],
    });
    const view = await getTicket({ actor: support, ticketId: opened.id });
    const [mine, internal] = view.messages.map((m) => m.attachments[0].id);
    const file = await getTicketAttachment({
      actor: customer,
      ticketId: opened.id,
      attachmentId: mine,
    });
    expect(file.content.equals(PNG)).toBe(true);
    await expect(
      getTicketAttachment({ actor: customer, ticketId: opened.id, attachmentId: internal }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      getTicketAttachment({ actor: other, ticketId: opened.id, attachmentId: mine }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getTicket({ actor: other, ticketId: opened.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  test("bad input is a clear 4xx and leaves nothing behind", async () => {
    const before = await db.ticket.count();
    const exe = { filename: "setup.png", contentType: "image/png", content: Buffer.from("MZ") };
    await expect(
      openTicket({
        actor: customer,
        category: "FAULT",
        subject: "x",
        body: "y",
        attachments: [exe],
      }),
    ).rejects.toMatchObject({ code: "VALIDATION" });
    const big = {
      ...png("big.png"),
      content: Buffer.concat([PNG, Buffer.alloc(11 * 1024 * 1024)]),
    };
    await expect(
      openTicket({
        actor: customer,
        category: "FAULT",
        subject: "x",
        body: "y",
        attachments: [big],
      }),
    ).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
    await expect(
      openTicket({ actor: customer, category: "FAULT", subject: "", body: "y" }),
    ).rejects.toThrow();
    await expect(
      openTicket({
        actor: sales,
        customerId: customer.customerId!,
        category: "SALES",
        subject: "x",
        body: "y",
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.ticket.count()).toBe(before);
    const t = await openTicket({
      actor: customer,
      category: "SALES",
      subject: "Upgrade",
      body: "?",
    });
    await expect(
      addTicketMessage({ actor: customer, ticketId: t.id, body: "psst", internal: true }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await updateTicket({ actor: support, ticketId: t.id, status: "CLOSED" });
    await expect(
      addTicketMessage({ actor: customer, ticketId: t.id, body: "hello?" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(
      updateTicket({ actor: support, ticketId: t.id, assignedToId: sales.id }),
    ).rejects.toMatchObject({ code: "VALIDATION" });
  });

  test("inbound mail from a stranger or without a reference is ignored", async () => {
    const t = await openTicket({ actor: customer, category: "FAULT", subject: "Slow", body: "." });
    const token = (await db.ticket.findUniqueOrThrow({ where: { id: t.id } })).replyToken;
    const stranger = await rawMail({
      from: "mallory@evil.example",
      subject: `Re: Slow [${t.number} ref:${token}]`,
      text: "Give me the password",
    });
    expect(await receiveInboundEmail({ actor: SYSTEM, raw: stranger })).toEqual({
      status: "ignored",
      reason: "sender is not on this ticket",
    });
    const noRef = await rawMail({ from: "x@y.example", subject: "Hello", text: "hi" });
    expect(await receiveInboundEmail({ actor: SYSTEM, raw: noRef })).toMatchObject({
      status: "ignored",
    });
  });

  test("the inbound endpoint needs its secret", async () => {
    const post = (auth?: string, body = "Subject: x\r\n\r\nhi") =>
      inboundPost(
        new Request("http://localhost/api/inbound/email", {
          method: "POST",
          headers: auth ? { authorization: auth } : {},
          body,
        }),
      );
    delete process.env.INBOUND_EMAIL_SECRET;
    expect((await post("Bearer whatever-secret-123")).status).toBe(404);
    process.env.INBOUND_EMAIL_SECRET = "inbound-secret-0123456789";
    expect((await post("Bearer wrong-secret-0123456789")).status).toBe(401);
    const ok = await post("Bearer inbound-secret-0123456789");
    expect(ok.status).toBe(202);
    expect(await ok.json()).toMatchObject({ status: "ignored" });
    delete process.env.INBOUND_EMAIL_SECRET;
  });
});

describe("API", () => {
  test("open, list, read and answer with a SUPPORT key; SALES may read but not write", async () => {
    const opened = await callApi(openRoute, "POST", "/tickets", {
      key: supportKey,
      body: {
        customerId: customer.customerId,
        category: "INSTALLATION",
        subject: "Installer running late",
        body: "Called the customer.",
        priority: "HIGH",
      },
    });
    expect(opened.status).toBe(201);
    const id = opened.body.id;
    const msg = await callApi(messageRoute, "POST", `/tickets/${id}/messages`, {
      key: supportKey,
      params: { id },
      body: { body: "Installer arrives at 14:00", internal: false, status: "PENDING" },
    });
    expect(msg.status).toBe(201);
    const list = await callApi(listRoute, "GET", "/tickets?category=INSTALLATION", {
      key: salesKey,
    });
    expect(list.status).toBe(200);
    expect(list.body.tickets.map((t: { id: string }) => t.id)).toContain(id);
    const one = await callApi(getRoute, "GET", `/tickets/${id}`, { key: salesKey, params: { id } });
    expect(one.body.messages).toHaveLength(2);
    expect(one.body.priority).toBe("HIGH");
    const refused = await callApi(openRoute, "POST", "/tickets", {
      key: salesKey,
      body: { customerId: customer.customerId, category: "SALES", subject: "x", body: "y" },
    });
    expect(refused.status).toBe(403);
    const bad = await callApi(openRoute, "POST", "/tickets", {
      key: supportKey,
      body: { category: "NOPE", subject: "", body: "y" },
    });
    expect(bad.status).toBe(400);
    const missing = await callApi(getRoute, "GET", "/tickets/nope", {
      key: supportKey,
      params: { id: "nope" },
    });
    expect(missing.status).toBe(404);
  });
});
