import { rm } from "node:fs/promises";
import { beforeAll, expect, test } from "vitest";
import type { Actor } from "@/lib/auth/roles";
import { deliverEmail, mailDir } from "@/lib/notifications/mailer";
import { listMail } from "@/lib/notifications/list-mail";
import { getMail } from "@/lib/notifications/get-mail";
import { getMailAttachment } from "@/lib/notifications/get-mail-attachment";
import { db } from "@/lib/db";

const admin: Actor = { kind: "user", id: "u-admin", role: "ADMIN", name: "Ada" };
const support: Actor = { kind: "user", id: "u-support", role: "SUPPORT", name: "Sue" };

beforeAll(async () => {
  await rm(mailDir(), { recursive: true, force: true });
});

test("an empty or missing mail folder lists nothing", async () => {
  expect(await listMail({ actor: admin })).toEqual({ messages: [], total: 0, page: 1, pages: 1 });
});

test("lists captured mail newest first and shows one with its attachments", async () => {
  await deliverEmail({ to: "first@example.test", subject: "First", text: "one" });
  await new Promise((r) => setTimeout(r, 5)); // file names carry the millisecond
  const pdf = Buffer.from("%PDF-1.4 test");
  await deliverEmail({
    to: "second@example.test",
    subject: "Invoice INV-1",
    text: "Your invoice is attached.",
    attachments: [
      {
        filename: "INV-1.pdf",
        contentType: "application/pdf",
        contentBase64: pdf.toString("base64"),
      },
    ],
  });
  const list = await listMail({ actor: admin });
  expect(list.total).toBe(2);
  expect(list.messages.map((m) => m.subject)).toEqual(["Invoice INV-1", "First"]);
  expect(list.messages[0]).toMatchObject({
    to: "second@example.test",
    attachments: 1,
    date: expect.any(Date),
  });
  expect((await listMail({ actor: admin, to: "first@" })).messages.map((m) => m.subject)).toEqual([
    "First",
  ]);

  const m = await getMail({ actor: admin, id: list.messages[0].id });
  expect(m.text.trim()).toBe("Your invoice is attached.");
  expect(m.attachments).toEqual([
    { index: 0, filename: "INV-1.pdf", contentType: "application/pdf", size: pdf.length },
  ]);
  const file = await getMailAttachment({ actor: admin, id: m.id, index: 0 });
  expect(Buffer.compare(file.content, pdf)).toBe(0);
  await expect(getMailAttachment({ actor: admin, id: m.id, index: 1 })).rejects.toThrow(
    /not found/,
  );
  expect(await db.auditLog.count({ where: { action: "mail.view", entityId: m.id } })).toBe(1);
});

test("password links are hidden from everyone but admins", async () => {
  await deliverEmail({
    to: "victim@example.test",
    subject: "Reset",
    text: "Open http://x/reset-password?token=abcDEF123_- now",
  });
  const id = (await listMail({ actor: admin, to: "victim" })).messages[0].id;
  expect((await getMail({ actor: admin, id: id })).text).toContain("token=abcDEF123_-");
  const seenBySupport = (await getMail({ actor: support, id: id })).text;
  expect(seenBySupport).not.toContain("abcDEF123");
  expect(seenBySupport).toContain("reset-password?token=[hidden");
});

test("ids cannot escape the mail folder", async () => {
  for (const id of [
    "../secrets.json",
    "..%2Fsecrets.json",
    "/etc/passwd",
    "x/../../y.eml",
    "a.txt",
  ]) {
    await expect(getMail({ actor: admin, id: id })).rejects.toThrow(/not found/);
  }
});
