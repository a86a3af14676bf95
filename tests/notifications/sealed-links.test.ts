// Reset and invitation links: after delivery no stored copy holds a working token — not the
// outbox row, not the offline .eml file — while the recipient's mailbox does, and the link works.
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { db } from "@/lib/db";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { requestPasswordReset } from "@/lib/auth/request-password-reset";
import { resetPassword } from "@/lib/auth/reset-password";
import { deliverPendingNotifications } from "@/lib/notifications/deliver-pending";
import { mailDir } from "@/lib/notifications/mailer";
import { getMail } from "@/lib/notifications/get-mail";
import { listMail } from "@/lib/notifications/list-mail";
import { createTestIsp, createUserActor } from "../support/fixtures";
import { startSmtpCapture, type SmtpCapture } from "../support/smtp-capture";

let smtp: SmtpCapture;
let n = 0;
beforeAll(async () => {
  await createTestIsp();
  smtp = await startSmtpCapture();
});
afterAll(() => smtp.close());

async function person() {
  n++;
  return db.user.create({
    data: {
      email: `sealed${n}@example.test`,
      name: `Sam Sealed${n}`,
      role: "SUPPORT",
      passwordHash: await hashPassword("old-password-123"),
    },
  });
}

/** Every stored trace of a message to `to`: the outbox row (all columns) as text. */
const outboxRow = async (to: string) =>
  JSON.stringify(await db.notification.findFirstOrThrow({ where: { to } }));

describe("one-time links at rest", () => {
  test("over SMTP: the mailbox gets a working link; the outbox row keeps neither token nor sealed copy", async () => {
    process.env.SMTP_URL = smtp.url;
    try {
      const user = await person();
      await requestPasswordReset({ email: user.email, ip: "198.51.100.1" });
      const queued = await db.notification.findFirstOrThrow({ where: { to: user.email } });
      expect(queued.text).toContain("reset-password?token={{secret}}");
      expect(queued.sealedSecret).toMatch(/^[\w+/=]+:[\w+/=]+:[\w+/=]+$/);

      await deliverPendingNotifications();
      const received = smtp.lastTo(user.email);
      const token = /reset-password\?token=([\w-]{40,})/.exec(received.mail.text ?? "")![1];
      const row = await db.notification.findFirstOrThrow({ where: { to: user.email } });
      expect(row).toMatchObject({ status: "SENT", sealedSecret: null });
      expect(await outboxRow(user.email)).not.toContain(token);

      await resetPassword({ token, password: "new-password-456", confirm: "new-password-456" });
      const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
      expect(await verifyPassword(after.passwordHash, "new-password-456")).toBe(true);
    } finally {
      delete process.env.SMTP_URL;
    }
  });

  test("offline: the .eml file (0600 in a 0700 folder) holds the token only sealed; admins can open it, others cannot", async () => {
    const user = await person();
    await requestPasswordReset({ email: user.email, ip: "198.51.100.2" });
    await deliverPendingNotifications();
    const row = await db.notification.findFirstOrThrow({ where: { to: user.email } });
    expect(row).toMatchObject({ status: "SENT", sealedSecret: null });

    const file = (await readdir(mailDir())).find((f) => f.includes(user.email))!;
    const full = path.join(mailDir(), file);
    expect((await stat(full)).mode & 0o777).toBe(0o600);
    expect((await stat(mailDir())).mode & 0o777).toBe(0o700);
    const raw = await readFile(full, "utf8");

    const admin = await createUserActor("ADMIN");
    const opened = await getMail({ actor: admin, id: file });
    const token = /reset-password\?token=([\w-]{40,})/.exec(opened.text)![1];
    expect(raw).not.toContain(token);
    expect(await outboxRow(user.email)).not.toContain(token);

    const support = await createUserActor("SUPPORT");
    const seen = await getMail({ actor: support, id: file });
    expect(seen.text).not.toContain(token);
    expect(seen.text).toContain("[sealed:");
    expect((await listMail({ actor: support, to: user.email })).total).toBe(1);

    await resetPassword({ token, password: "new-password-789", confirm: "new-password-789" });
  });
});
