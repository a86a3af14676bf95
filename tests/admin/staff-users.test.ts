import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { createIsp } from "@/lib/setup/create-isp";
import { authenticate } from "@/lib/auth/authenticate";
import { createStaffUser } from "@/lib/users/create-staff-user";
import { changeUserRole } from "@/lib/users/change-user-role";
import { setUserActive } from "@/lib/users/set-user-active";
import { listStaffUsers } from "@/lib/users/list-staff-users";
import { resetPassword } from "@/lib/auth/reset-password";
import { startSmtpCapture, type SmtpCapture } from "../support/smtp-capture";

let admin: Actor & { kind: "user" };
let smtp: SmtpCapture;
afterAll(async () => {
  delete process.env.SMTP_URL;
  await smtp.close();
});
const code = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (e) => (e instanceof AppError ? e.code : String(e)),
  );

beforeAll(async () => {
  smtp = await startSmtpCapture();
  process.env.SMTP_URL = smtp.url;
  const a = await createIsp({
    name: "Staff ISP",
    country: "ZA",
    currency: "ZAR",
    timeZone: "UTC",
    taxRate: 15,
    adminName: "Ada Admin",
    adminEmail: "ada@example.test",
    adminPassword: "long-password-1",
  });
  admin = { kind: "user", id: a.id, role: "ADMIN", name: "Ada Admin" };
});

describe("adding staff", () => {
  test("an invitation emails a 72-hour link; the person then chooses a password and signs in", async () => {
    const user = await createStaffUser({
      actor: admin,
      mode: "invite",
      name: "Ivy Invited",
      email: " IVY@example.test ",
      role: "SUPPORT",
    });
    expect(user).toMatchObject({ email: "ivy@example.test", role: "SUPPORT" });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBeNull();
    const mail = await db.notification.findFirstOrThrow({ where: { to: "ivy@example.test" } });
    expect(mail).toMatchObject({ status: "SENT", subject: expect.stringMatching(/invited/i) });
    expect(mail.text).toContain("Ada Admin");
    const token = await db.passwordResetToken.findFirstOrThrow({ where: { userId: user.id } });
    expect(token.expiresAt.getTime() - token.createdAt.getTime()).toBeGreaterThan(71 * 3600_000);
    expect(
      (await listStaffUsers({ actor: admin })).find((u) => u.id === user.id)?.invitePending,
    ).toBe(true);

    // The link is in the invitee's mailbox only; the outbox row keeps no usable copy.
    const link = /token=([\w-]+)/.exec(smtp.lastTo("ivy@example.test").mail.text ?? "")![1];
    expect(mail.text).not.toContain(link);
    expect(mail.sealedSecret).toBeNull();
    await resetPassword({ token: link, password: "ivy-chose-this", confirm: "ivy-chose-this" });
    expect(
      await authenticate({ email: "ivy@example.test", password: "ivy-chose-this", ip: "9.9.9.1" }),
    ).toMatchObject({ role: "SUPPORT" });
    expect(await db.auditLog.count({ where: { action: "user.create", entityId: user.id } })).toBe(
      1,
    );
  });

  test("with a temporary password the person can sign in at once", async () => {
    await createStaffUser({
      actor: admin,
      mode: "password",
      name: "Tom Temp",
      email: "tom@example.test",
      role: "TECHNICIAN",
      password: "temporary-pw-1",
    });
    expect(
      await authenticate({ email: "tom@example.test", password: "temporary-pw-1", ip: "9.9.9.2" }),
    ).toMatchObject({ role: "TECHNICIAN" });
    expect(await db.notification.count({ where: { to: "tom@example.test" } })).toBe(0);
  });

  test("an email in use (staff or customer) is refused on the email field", async () => {
    const e = await createStaffUser({
      actor: admin,
      mode: "invite",
      name: "Again",
      email: "tom@example.test",
      role: "SALES",
    }).catch((x) => x);
    expect(e).toBeInstanceOf(AppError);
    expect(e.fields).toEqual({ email: expect.any(String) });
  });

  test("cannot create customers or unknown roles", async () => {
    await expect(
      createStaffUser({
        actor: admin,
        mode: "invite",
        name: "Cust",
        email: "c@example.test",
        role: "CUSTOMER",
      }),
    ).rejects.toThrow(/staff role/);
  });
});

describe("roles and deactivation", () => {
  test("a role change is audited with from and to", async () => {
    const u = await createStaffUser({
      actor: admin,
      mode: "password",
      name: "Rita Role",
      email: "rita@example.test",
      role: "SALES",
      password: "temporary-pw-1",
    });
    await changeUserRole({ actor: admin, userId: u.id, role: "ACCOUNTS" });
    const row = await db.auditLog.findFirstOrThrow({
      where: { action: "user.role_change", entityId: u.id },
    });
    expect(row.data).toMatchObject({ from: "SALES", to: "ACCOUNTS" });
    expect(row.actorId).toBe(admin.id);
    // The same role again changes and records nothing.
    await changeUserRole({ actor: admin, userId: u.id, role: "ACCOUNTS" });
    expect(await db.auditLog.count({ where: { action: "user.role_change", entityId: u.id } })).toBe(
      1,
    );
  });

  test("the last active admin cannot be demoted or deactivated; with a second admin it can", async () => {
    expect(await code(changeUserRole({ actor: admin, userId: admin.id, role: "SALES" }))).toBe(
      "CONFLICT",
    );
    const second = await createStaffUser({
      actor: admin,
      mode: "password",
      name: "Ben Backup",
      email: "ben@example.test",
      role: "ADMIN",
      password: "temporary-pw-1",
    });
    const ben: Actor = { kind: "user", id: second.id, role: "ADMIN", name: "Ben Backup" };
    expect(await code(setUserActive({ actor: ben, userId: admin.id, active: false }))).toBe("ok");
    expect(await code(changeUserRole({ actor: admin, userId: second.id, role: "SALES" }))).toBe(
      "CONFLICT",
    );
    expect(await code(setUserActive({ actor: ben, userId: admin.id, active: true }))).toBe("ok");
    expect(await code(changeUserRole({ actor: admin, userId: second.id, role: "SALES" }))).toBe(
      "ok",
    );
  });

  test("nobody deactivates themselves; a deactivated account cannot sign in", async () => {
    expect(await code(setUserActive({ actor: admin, userId: admin.id, active: false }))).toBe(
      "CONFLICT",
    );
    const u = await createStaffUser({
      actor: admin,
      mode: "password",
      name: "Dee Gone",
      email: "dee@example.test",
      role: "SUPPORT",
      password: "temporary-pw-1",
    });
    await setUserActive({ actor: admin, userId: u.id, active: false });
    expect(
      await authenticate({ email: "dee@example.test", password: "temporary-pw-1", ip: "9.9.9.3" }),
    ).toBeNull();
    expect(await db.auditLog.count({ where: { action: "user.deactivate", entityId: u.id } })).toBe(
      1,
    );
  });

  test("customer logins are not staff users", async () => {
    const c = await db.customer.create({
      data: {
        accountNumber: "C1",
        paymentReference: "C1",
        firstName: "C",
        lastName: "Ust",
        email: "cust@example.test",
        currency: "ZAR",
        user: { create: { email: "cust@example.test", name: "C Ust", role: "CUSTOMER" } },
      },
      include: { user: true },
    });
    expect(await code(changeUserRole({ actor: admin, userId: c.user!.id, role: "ADMIN" }))).toBe(
      "NOT_FOUND",
    );
    expect(await code(setUserActive({ actor: admin, userId: c.user!.id, active: false }))).toBe(
      "NOT_FOUND",
    );
    expect(
      (await listStaffUsers({ actor: admin })).some((u) => u.email === "cust@example.test"),
    ).toBe(false);
  });
});
