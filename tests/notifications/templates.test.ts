// Editable templates: an override is what the dunning sweep sends (the editor's preview renders
// with the same function), an unknown placeholder is a 400 naming the field, reset brings the
// default back, and SMS length is counted in GSM-7 segments.
import { afterEach, beforeAll, expect, test } from "vitest";
import type { Actor } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { runDunningSweep } from "@/lib/dunning/run-dunning-sweep";
import { saveTemplateOverride } from "@/lib/notifications/templates/save-template-override";
import { resolveTemplate } from "@/lib/notifications/templates/resolve-template-tx";
import { renderMessage, SAMPLE_VARS } from "@/lib/notifications/templates/template-schema";
import { setClock } from "@/lib/time/clock";
import { ACCOUNTS, at, overdueCustomer, setupIsp } from "../dunning/fixtures";

const ADMIN: Actor = { kind: "user", id: "u-admin", role: "ADMIN", name: "Ada" };

beforeAll(async () => {
  await setupIsp();
});
afterEach(() => setClock(undefined));

test("an override is what the sweep sends; unknown placeholders are refused; reset restores", async () => {
  await expect(
    saveTemplateOverride({
      actor: ADMIN,
      event: "overdue-notice",
      channel: "EMAIL",
      subject: "Overdue",
      text: "Pay {{balance}} now",
    }),
  ).rejects.toMatchObject({
    code: "VALIDATION",
    fields: { text: "unknown placeholder {{balance}}" },
  });
  await expect(
    saveTemplateOverride({ actor: ACCOUNTS, event: "overdue-notice", channel: "EMAIL", text: "x" }),
  ).rejects.toMatchObject({ code: "FORBIDDEN" });

  await saveTemplateOverride({
    actor: ADMIN,
    event: "overdue-notice",
    channel: "EMAIL",
    subject: "Account {{accountNumber}}: {{firstName}}, please pay",
    text: "Dear {{firstName}},\n\n{{amount}} is late. <b>Pay</b>: {{payUrl}}",
    html: "<p>Dear <b>{{firstName}}</b></p>",
  });
  const t = await resolveTemplate("overdue-notice");
  expect(t.overridden).toEqual({ EMAIL: true, SMS: false });

  const { customer } = await overdueCustomer({ issued: "2026-05-30" });
  at("2026-06-07", 9);
  await runDunningSweep({ customerIds: [customer.id] });
  const sent = await db.notification.findFirstOrThrow({
    where: {
      customerId: customer.id,
      dedupeKey: { startsWith: "dunning:" },
      subject: { contains: "please pay" },
    },
  });
  // What the editor's preview shows for this customer is exactly what went out.
  const preview = renderMessage(t, {
    ...SAMPLE_VARS,
    firstName: customer.firstName,
    accountNumber: customer.accountNumber,
  });
  expect(sent.subject).toBe(preview.subject);
  expect(sent.html).toBe(preview.html);
  expect(sent.text).toMatch(
    new RegExp(`^Dear ${customer.firstName},\\n\\n.+ is late\\. <b>Pay</b>: http`),
  );

  await saveTemplateOverride({
    actor: ADMIN,
    event: "overdue-notice",
    channel: "EMAIL",
    text: "x",
    reset: true,
  });
  expect((await resolveTemplate("overdue-notice")).subject).toBe(
    "Payment of {{amount}} is overdue",
  );
  expect(
    (await db.auditLog.findMany({ where: { entityId: "overdue-notice:EMAIL" } }))
      .map((a) => a.action)
      .sort(),
  ).toEqual(["notifications.template_reset", "notifications.template_update"]);
});

test("SMS text is counted in GSM-7 segments; a non-GSM character makes it UCS-2", () => {
  const base = { subject: "s", text: "t", html: null };
  expect(renderMessage({ ...base, sms: "{{ispName}}: pay {{amount}}" }, SAMPLE_VARS)).toMatchObject(
    {
      smsParts: 1,
      smsEncoding: "GSM-7",
    },
  );
  expect(renderMessage({ ...base, sms: "x".repeat(161) }, SAMPLE_VARS).smsParts).toBe(2);
  expect(renderMessage({ ...base, sms: "Pay now ✓" }, SAMPLE_VARS).smsEncoding).toBe("UCS-2");
});
