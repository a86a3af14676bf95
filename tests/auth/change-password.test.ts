import { beforeAll, describe, expect, test, vi } from "vitest";

// requireStaff reads the session through next-auth and leaves through next/navigation's redirect.
// The stand-in session is always current (tests/auth/session-revocation.test.ts checks versions).
const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("next-auth", async (orig) => ({
  ...(await orig<object>()),
  getServerSession: async () => {
    if (!session.userId) return null;
    const { db } = await import("@/lib/db");
    const { sessionVersion } = await db.user.findUniqueOrThrow({ where: { id: session.userId } });
    return { user: { id: session.userId, sessionVersion } };
  },
}));
vi.mock("next/navigation", () => ({
  redirect: (to: string) => {
    throw Object.assign(new Error(`redirect ${to}`), { to });
  },
  notFound: () => {
    throw new Error("not found");
  },
}));

import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { createIsp } from "@/lib/setup/create-isp";
import { authenticate } from "@/lib/auth/authenticate";
import { requireStaff, type UserActor } from "@/lib/auth/session";
import { changePassword } from "@/lib/auth/change-password";
import { createStaffUser } from "@/lib/users/create-staff-user";

let admin: Actor & { kind: "user" };
const redirectOf = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: { to?: string }) => e.to ?? String(e),
  );
const fieldsOf = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e) => (e instanceof AppError ? e.fields : String(e)),
  );

beforeAll(async () => {
  const a = await createIsp({
    name: "Temp ISP",
    country: "ZA",
    currency: "ZAR",
    timeZone: "UTC",
    taxRate: 15,
    adminName: "Ada Admin",
    adminEmail: "ada@temp.test",
    adminPassword: "long-password-1",
  });
  admin = { kind: "user", id: a.id, role: "ADMIN", name: "Ada Admin" };
});

describe("temporary staff passwords", () => {
  test("staff on a temporary password are sent to /change-password until they choose their own", async () => {
    const user = await createStaffUser({
      actor: admin,
      mode: "password",
      name: "Tess Temp",
      email: "tess@temp.test",
      role: "SUPPORT",
      password: "temporary-pw-1",
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).mustChangePassword).toBe(
      true,
    );
    const actor: UserActor = {
      kind: "user",
      id: user.id,
      role: "SUPPORT",
      name: "Tess Temp",
      customerId: null,
    };

    session.userId = user.id;
    expect(await redirectOf(requireStaff("/admin/orders"))).toBe(
      "/change-password?callbackUrl=%2Fadmin%2Forders",
    );

    // Wrong current password, a mismatch, or reusing the temporary one: refused on the field.
    expect(
      await fieldsOf(
        changePassword({
          actor,
          input: {
            current: "not-it-at-all",
            password: "tess-chose-this",
            confirm: "tess-chose-this",
          },
        }),
      ),
    ).toMatchObject({ current: expect.any(String) });
    expect(
      String(
        await changePassword({
          actor,
          input: {
            current: "temporary-pw-1",
            password: "tess-chose-this",
            confirm: "tess-chose-thus",
          },
        }).catch((e) => e),
      ),
    ).toMatch(/do not match/);
    expect(
      String(
        await changePassword({
          actor,
          input: {
            current: "temporary-pw-1",
            password: "temporary-pw-1",
            confirm: "temporary-pw-1",
          },
        }).catch((e) => e),
      ),
    ).toMatch(/different/);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).mustChangePassword).toBe(
      true,
    );

    await changePassword({
      actor,
      input: { current: "temporary-pw-1", password: "tess-chose-this", confirm: "tess-chose-this" },
      ip: "9.9.9.3",
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).mustChangePassword).toBe(
      false,
    );
    expect(await requireStaff("/admin/orders")).toMatchObject({ id: user.id, role: "SUPPORT" });
    expect(
      await authenticate({ email: "tess@temp.test", password: "tess-chose-this", ip: "9.9.9.3" }),
    ).toMatchObject({ role: "SUPPORT" });
    expect(
      await authenticate({ email: "tess@temp.test", password: "temporary-pw-1", ip: "9.9.9.3" }),
    ).toBeNull();
    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: "auth.password_changed", entityId: user.id },
    });
    expect(audit).toMatchObject({ ip: "9.9.9.3", data: { wasTemporary: true } });
  });

  test("invited staff and the first admin are not asked to change anything", async () => {
    const invited = await createStaffUser({
      actor: admin,
      mode: "invite",
      name: "Ivo Invite",
      email: "ivo@temp.test",
      role: "SALES",
    });
    expect(
      (await db.user.findUniqueOrThrow({ where: { id: invited.id } })).mustChangePassword,
    ).toBe(false);
    session.userId = admin.id;
    expect(await requireStaff()).toMatchObject({ id: admin.id });
  });

  test("wrong current passwords are audited and limited: after five, even the right one waits", async () => {
    const user = await createStaffUser({
      actor: admin,
      mode: "password",
      name: "Gus Guess",
      email: "gus@temp.test",
      role: "SALES",
      password: "temporary-pw-2",
    });
    const actor: UserActor = {
      kind: "user",
      id: user.id,
      role: "SALES",
      name: "Gus Guess",
      customerId: null,
    };
    const attempt = (current: string) =>
      changePassword({
        actor,
        input: { current, password: "gus-chose-this", confirm: "gus-chose-this" },
        ip: "203.0.113.5",
      }).then(
        () => "OK",
        (e) => (e instanceof AppError ? e.code : String(e)),
      );
    for (let i = 0; i < 5; i++) expect(await attempt(`guess-${i}-wrong`)).toBe("VALIDATION");
    expect(await attempt("temporary-pw-2")).toBe("RATE_LIMITED");
    expect(
      await db.auditLog.count({
        where: { action: "auth.password_change_failed", entityId: user.id, ip: "203.0.113.5" },
      }),
    ).toBe(5);
    await db.rateLimitBucket.deleteMany({ where: { key: `pwchange:user:${user.id}` } });
    expect(await attempt("temporary-pw-2")).toBe("OK");
  });
});
