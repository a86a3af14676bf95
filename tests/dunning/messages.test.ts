// Dunning messages as customers receive them: email over SMTP and SMS through both gateway
// protocols (local capture servers), with the right recipient and words, never in quiet hours,
// "we will collect" for auto-pay customers, SMS opt-out honoured, gateway refusals retried.
import { afterAll, afterEach, beforeAll, expect, test } from "vitest";
import { db } from "@/lib/db";
import { runDunningSweep } from "@/lib/dunning/run-dunning-sweep";
import { deliverPendingNotifications } from "@/lib/notifications/deliver-pending";
import { smsEncoding, smsParts } from "@/lib/notifications/sms/sms-text";
import { DUNNING_TEMPLATES, renderTemplate } from "@/lib/notifications/dunning-templates";
import { setClock } from "@/lib/time/clock";
import { startSmtpCapture, type SmtpCapture } from "../support/smtp-capture";
import { startSmsCapture } from "../support/sms-capture";
import { at, overdueCustomer, setupIsp } from "./fixtures";

let smtp: SmtpCapture;
let sms: Awaited<ReturnType<typeof startSmsCapture>>;
beforeAll(async () => {
  await setupIsp();
  smtp = await startSmtpCapture();
  sms = await startSmsCapture();
  process.env.SMTP_URL = smtp.url;
  process.env.AUTH_SECRET ??= "test-secret-for-pay-links-0123456789";
});
afterEach(() => setClock(undefined));
afterAll(async () => {
  await smtp.close();
  await sms.close();
  for (const k of ["SMS_PROVIDER", "SMS_BASE_URL", "SMS_ACCOUNT", "SMS_TOKEN", "SMS_FROM"])
    delete process.env[k];
});

function useGateway(provider: "twilio" | "africastalking") {
  Object.assign(process.env, {
    SMS_PROVIDER: provider,
    SMS_BASE_URL: sms.url,
    SMS_ACCOUNT: provider === "twilio" ? "AC123" : "valleyfibre",
    SMS_TOKEN: "secret-token",
    SMS_FROM: "ValleyFibre",
  });
}

test("an overdue notice by email and Twilio SMS, at 08:00 and not during quiet hours", async () => {
  useGateway("twilio");
  // Issued Mon 2 Nov 2026, due Mon 9 Nov: the overdue notice is due on Tue 10 Nov.
  const { customer } = await overdueCustomer({ issued: "2026-11-02", amount: 45000 });
  await db.customer.update({ where: { id: customer.id }, data: { phone: "+27821234567" } });
  at("2026-11-10", 6);
  await runDunningSweep({ customerIds: [customer.id] });
  at("2026-11-10", 7);
  await runDunningSweep({ customerIds: [customer.id] });
  expect(await db.dunningEvent.count({ where: { customerId: customer.id } })).toBe(0);

  at("2026-11-10", 8);
  await runDunningSweep({ customerIds: [customer.id] });
  await deliverPendingNotifications();
  const mail = smtp.lastTo(customer.email).mail;
  expect(mail.subject).toMatch(/^Payment of R\s450[,.]00 is overdue$/);
  expect(mail.text).toContain(customer.accountNumber);
  expect(mail.text).toMatch(/\/pay\/[\w-]+/);
  expect(mail.from?.text).toContain("Valley Fibre");

  const [text] = sms.received.filter((r) => r.form.To === "+27821234567");
  expect(text.path).toBe("/2010-04-01/Accounts/AC123/Messages.json");
  expect(text.headers.authorization).toBe(
    `Basic ${Buffer.from("AC123:secret-token").toString("base64")}`,
  );
  expect(text.form.From).toBe("ValleyFibre");
  expect(text.form.Body).toMatch(/^Valley Fibre: R 450[,.]00 was due .* \(acc .*\)\. Pay: http/);
  expect(smsEncoding(text.form.Body)).toBe("GSM-7"); // longer links are sent split
  const sent = await db.notification.findMany({
    where: { customerId: customer.id, channel: "SMS" },
  });
  expect(sent.map((s) => s.status)).toEqual(["SENT"]);
});

test("Africa's Talking, auto-pay wording, an opt-out, and a refusal retried", async () => {
  useGateway("africastalking");
  const { customer } = await overdueCustomer({ issued: "2026-11-02" });
  await db.customer.update({ where: { id: customer.id }, data: { phone: "+254712345678" } });
  await db.paymentMethod.create({
    data: { customerId: customer.id, kind: "CARD", isDefault: true, cardLast4: "4242" },
  });
  at("2026-11-06", 9); // the reminder, 3 days before the due date
  await runDunningSweep({ customerIds: [customer.id] });
  sms.refuseNext(true);
  await deliverPendingNotifications();
  const queued = await db.notification.findFirstOrThrow({
    where: { customerId: customer.id, channel: "SMS" },
  });
  expect(queued).toMatchObject({ status: "PENDING", attempts: 1 });
  expect(queued.lastError).toContain("400");
  sms.refuseNext(false);
  await deliverPendingNotifications();
  const last = sms.received.at(-1)!;
  expect(last.path).toBe("/version1/messaging");
  expect(last.headers.apikey).toBe("secret-token");
  expect(last.form).toMatchObject({
    username: "valleyfibre",
    to: "+254712345678",
    from: "ValleyFibre",
  });
  expect(last.form.message).toContain("we will collect");
  expect(last.form.message).not.toMatch(/Pay:/);
  const email = smtp.lastTo(customer.email).mail;
  expect(email.subject).toMatch(/^We will collect/);

  // Opted out of SMS: the next step goes by email only.
  await db.dunningAccount.update({ where: { customerId: customer.id }, data: { smsOptOut: true } });
  at("2026-11-10", 9);
  await runDunningSweep({ customerIds: [customer.id] });
  const channels = await db.notification.findMany({
    where: { customerId: customer.id, dedupeKey: { startsWith: "dunning:" } },
    select: { channel: true },
  });
  expect(channels.map((c) => c.channel).sort()).toEqual(["EMAIL", "EMAIL", "SMS"]);
});

test("every SMS template fits one GSM-7 message for typical values", () => {
  const vars = {
    ispName: "Valley Fibre",
    firstName: "Thandi",
    accountNumber: "LM-004211",
    amount: "R 1 234.56",
    fee: "R 50.00",
    dueDate: "10 Nov 2026",
    payUrl: "https://billing.valleyfibre.co.za/pay/eyJpIjoiY2x4MTIzIiwiZSI6MTc5OX0.abc123",
  };
  for (const [key, t] of Object.entries(DUNNING_TEMPLATES))
    expect([key, smsParts(renderTemplate(t.sms, vars))]).toEqual([key, 1]);
});
