import { beforeAll, describe, expect, test } from "vitest";
import { db } from "@/lib/db";
import { authenticate } from "@/lib/auth/authenticate";
import { AppError } from "@/lib/errors";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { createTestIsp, createUserActor, TEST_PASSWORD } from "../support/fixtures";

beforeAll(() => createTestIsp());

describe("sign-in", () => {
  test.each([...STAFF_ROLES, "CUSTOMER" as const])(
    "a %s signs in with email and password",
    async (role) => {
      const actor = await createUserActor(role);
      const user = await db.user.findUniqueOrThrow({ where: { id: actor.id } });
      const signedIn = await authenticate({
        email: user.email.toUpperCase(),
        password: TEST_PASSWORD,
        ip: "10.0.0.1",
      });
      expect(signedIn).toMatchObject({ id: actor.id, role, customerId: actor.customerId });
      const audit = await db.auditLog.findFirst({
        where: { action: "auth.sign_in", entityId: actor.id },
      });
      expect(audit?.ip).toBe("10.0.0.1");
    },
  );

  test("a wrong password and an unknown email fail the same way, and both are audited", async () => {
    const actor = await createUserActor("SALES");
    const user = await db.user.findUniqueOrThrow({ where: { id: actor.id } });
    expect(
      await authenticate({ email: user.email, password: "wrong-password", ip: "10.0.0.2" }),
    ).toBeNull();
    expect(
      await authenticate({ email: "nobody@test.example", password: TEST_PASSWORD, ip: "10.0.0.2" }),
    ).toBeNull();
    expect(
      await db.auditLog.count({ where: { action: "auth.sign_in_failed" } }),
    ).toBeGreaterThanOrEqual(2);
  });

  test("a deactivated user cannot sign in", async () => {
    const actor = await createUserActor("SUPPORT");
    const user = await db.user.update({ where: { id: actor.id }, data: { active: false } });
    expect(
      await authenticate({ email: user.email, password: TEST_PASSWORD, ip: "10.0.0.3" }),
    ).toBeNull();
  });

  test("after 5 failures on one email, even the right password is refused for a while", async () => {
    const actor = await createUserActor("ACCOUNTS");
    const user = await db.user.findUniqueOrThrow({ where: { id: actor.id } });
    for (let i = 0; i < 5; i++)
      await authenticate({ email: user.email, password: `wrong-${i}`, ip: `10.1.0.${i}` });
    const attempt = authenticate({ email: user.email, password: TEST_PASSWORD, ip: "10.1.1.1" });
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({ code: "RATE_LIMITED" });
  });
});
