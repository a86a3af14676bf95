import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { db } from "@/lib/db";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { requestPasswordReset } from "@/lib/auth/request-password-reset";
import { resetPassword } from "@/lib/auth/reset-password";
import { checkResetToken } from "@/lib/auth/check-reset-token";
import { deliverPendingNotifications } from "@/lib/notifications/deliver-pending";
import { setClock } from "@/lib/time/clock";
import { AppError } from "@/lib/errors";
import { startSmtpCapture, type SmtpCapture } from "../support/smtp-capture";

const T0 = new Date("2026-03-01T08:00:00Z");
let n = 0;

async function makeUser(opts: { active?: boolean } = {}) {
  n++;
  return db.user.create({
    data: {
      email: `person${n}@example.test`,
      name: `Person ${n}`,
      role: "SUPPORT",
      passwordHash: await hashPassword("old-password-123"),
      active: opts.active ?? true,
    },
  });
}

// Links are read from the mailbox, as the person would: the outbox keeps no usable copy.
let smtp: SmtpCapture;
beforeAll(async () => {
  smtp = await startSmtpCapture();
  process.env.SMTP_URL = smtp.url;
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  await smtp.close();
});

/** The token from the newest reset email to `to`, as delivered over SMTP. */
async function tokenSentTo(to: string) {
  await deliverPendingNotifications();
  return /token=([\w-]+)/.exec(smtp.lastTo(to).mail.text ?? "")![1];
}

const expectCode = async (p: Promise<unknown>, code: string) => {
  const e = await p.then(
    () => null,
    (err) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  expect((e as AppError).code).toBe(code);
};

beforeEach(() => setClock(T0));
afterEach(() => setClock(undefined));

describe("requesting a reset", () => {
  test("an unknown address gets the same quiet answer and no email", async () => {
    await expect(
      requestPasswordReset({ email: "nobody@example.test", ip: "1.1.1.1" }),
    ).resolves.toBeUndefined();
    expect(await db.notification.count({ where: { to: "nobody@example.test" } })).toBe(0);
  });

  test("a known address gets a one-hour link, stored only as a hash, queued and delivered by the sweep", async () => {
    const user = await makeUser();
    await requestPasswordReset({ email: ` ${user.email.toUpperCase()} `, ip: "1.1.1.2" });
    expect((await db.notification.findFirstOrThrow({ where: { to: user.email } })).status).toBe(
      "PENDING",
    );
    await deliverPendingNotifications();
    const mail = await db.notification.findFirstOrThrow({ where: { to: user.email } });
    expect(mail.status).toBe("SENT");
    expect(mail.subject).toMatch(/reset/i);
    const token = await tokenSentTo(user.email);
    const stored = await db.passwordResetToken.findFirstOrThrow({ where: { userId: user.id } });
    expect(stored.tokenHash).not.toContain(token);
    expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.expiresAt.getTime() - T0.getTime()).toBe(3600_000);
    expect(
      await db.auditLog.count({
        where: { action: "auth.password_reset_requested", entityId: user.id },
      }),
    ).toBe(1);
  });

  test("a deactivated account gets no link", async () => {
    const user = await makeUser({ active: false });
    await requestPasswordReset({ email: user.email, ip: "1.1.1.3" });
    expect(await db.notification.count({ where: { to: user.email } })).toBe(0);
  });

  test("is rate-limited per address", async () => {
    const user = await makeUser();
    for (let i = 0; i < 3; i++) await requestPasswordReset({ email: user.email, ip: `2.2.2.${i}` });
    await expectCode(requestPasswordReset({ email: user.email, ip: "2.2.2.9" }), "RATE_LIMITED");
    setClock(new Date(T0.getTime() + 3601_000));
    await expect(
      requestPasswordReset({ email: user.email, ip: "2.2.2.9" }),
    ).resolves.toBeUndefined();
  });
});

describe("using the link", () => {
  test("sets the new password once, audits it, and the link cannot be reused", async () => {
    const user = await makeUser();
    await requestPasswordReset({ email: user.email, ip: "3.3.3.1" });
    const token = await tokenSentTo(user.email);
    expect(await checkResetToken(token)).toEqual({ valid: true, email: user.email });
    await resetPassword({ token, password: "brand-new-password", confirm: "brand-new-password" });
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(after.passwordHash, "brand-new-password")).toBe(true);
    expect(await verifyPassword(after.passwordHash, "old-password-123")).toBe(false);
    expect(
      await db.auditLog.count({ where: { action: "auth.password_reset", entityId: user.id } }),
    ).toBe(1);
    expect((await checkResetToken(token)).valid).toBe(false);
    await expectCode(
      resetPassword({ token, password: "another-password-1", confirm: "another-password-1" }),
      "UNPROCESSABLE",
    );
  });

  test("expires after one hour", async () => {
    const user = await makeUser();
    await requestPasswordReset({ email: user.email, ip: "3.3.3.2" });
    const token = await tokenSentTo(user.email);
    setClock(new Date(T0.getTime() + 3600_000));
    expect((await checkResetToken(token)).valid).toBe(false);
    await expectCode(
      resetPassword({ token, password: "brand-new-password", confirm: "brand-new-password" }),
      "UNPROCESSABLE",
    );
    setClock(new Date(T0.getTime() + 3599_000));
    await expect(
      resetPassword({ token, password: "brand-new-password", confirm: "brand-new-password" }),
    ).resolves.toEqual({ email: user.email });
  });

  test("using one link retires the other outstanding links", async () => {
    const user = await makeUser();
    await requestPasswordReset({ email: user.email, ip: "3.3.3.3" });
    const first = await tokenSentTo(user.email);
    setClock(new Date(T0.getTime() + 1000));
    await requestPasswordReset({ email: user.email, ip: "3.3.3.3" });
    const second = await tokenSentTo(user.email);
    expect(second).not.toBe(first);
    await resetPassword({
      token: second,
      password: "brand-new-password",
      confirm: "brand-new-password",
    });
    await expectCode(
      resetPassword({
        token: first,
        password: "another-password-1",
        confirm: "another-password-1",
      }),
      "UNPROCESSABLE",
    );
  });

  test("two concurrent submits of one link: exactly one wins", async () => {
    const user = await makeUser();
    await requestPasswordReset({ email: user.email, ip: "3.3.3.4" });
    const token = await tokenSentTo(user.email);
    const results = await Promise.allSettled([
      resetPassword({ token, password: "first-password-1", confirm: "first-password-1" }),
      resetPassword({ token, password: "second-password-2", confirm: "second-password-2" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });

  test("rejects an unknown token, a short password and a mismatch", async () => {
    await expectCode(
      resetPassword({
        token: "not-a-token",
        password: "long-enough-pw",
        confirm: "long-enough-pw",
      }),
      "UNPROCESSABLE",
    );
    await expect(
      resetPassword({ token: "x", password: "short", confirm: "short" }),
    ).rejects.toThrow(/10 characters/);
    await expect(
      resetPassword({ token: "x", password: "long-enough-pw", confirm: "different-pw-1" }),
    ).rejects.toThrow(/do not match/);
  });
});
