import { afterEach, beforeAll, describe, expect, test } from "vitest";
import { db } from "@/lib/db";
import { authenticate } from "@/lib/auth/authenticate";
import { AppError } from "@/lib/errors";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { deleteExpiredRateLimits } from "@/lib/rate-limit/delete-expired-rate-limits";
import { setClock } from "@/lib/time/clock";
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
});

describe("sign-in limits a stranger cannot turn against the owner", () => {
  const T0 = new Date("2026-05-04T09:00:00Z");
  const at = (seconds: number) => setClock(new Date(T0.getTime() + seconds * 1000));
  afterEach(() => setClock(undefined));

  const codeOf = (p: Promise<unknown>) =>
    p.then(
      (v) => (v ? "OK" : "WRONG"),
      (e) => (e instanceof AppError ? e.code : String(e)),
    );

  async function owner(role: "ADMIN" | "CUSTOMER" = "ADMIN") {
    const actor = await createUserActor(role);
    return db.user.findUniqueOrThrow({ where: { id: actor.id } });
  }

  test("a stranger's 50 wrong passwords from other IPs do not stop the owner signing in from their IP", async () => {
    at(0);
    const user = await owner();
    const home = "198.51.100.10";
    expect(
      await codeOf(authenticate({ email: user.email, password: TEST_PASSWORD, ip: home })),
    ).toBe("OK");
    const outcomes: string[] = [];
    for (let i = 0; i < 50; i++) {
      at(60 + i);
      outcomes.push(
        await codeOf(
          authenticate({ email: user.email, password: `guess-${i}`, ip: `203.0.113.${i}` }),
        ),
      );
    }
    // Ten free guesses, then the email is throttled for strangers (growing delays).
    expect(outcomes.slice(0, 10)).toEqual(Array(10).fill("WRONG"));
    expect(outcomes.filter((o) => o === "RATE_LIMITED").length).toBeGreaterThan(30);
    at(120);
    expect(
      await codeOf(authenticate({ email: user.email, password: TEST_PASSWORD, ip: home })),
    ).toBe("OK");
    // A new IP with the right password waits out the delay (at most 15 minutes), then gets in.
    expect(
      await codeOf(authenticate({ email: user.email, password: TEST_PASSWORD, ip: "192.0.2.77" })),
    ).toBe("RATE_LIMITED");
    at(120 + 15 * 60);
    expect(
      await codeOf(authenticate({ email: user.email, password: TEST_PASSWORD, ip: "192.0.2.77" })),
    ).toBe("OK");
  });

  test("the attacker's own email+IP pair is limited after 5 attempts, even with the right password", async () => {
    at(0);
    const user = await owner("CUSTOMER");
    const attacker = "203.0.113.200";
    for (let i = 0; i < 5; i++)
      expect(
        await codeOf(authenticate({ email: user.email, password: `wrong-${i}`, ip: attacker })),
      ).toBe("WRONG");
    expect(
      await codeOf(authenticate({ email: user.email, password: TEST_PASSWORD, ip: attacker })),
    ).toBe("RATE_LIMITED");
    // Everyone else, the owner included, is unaffected.
    expect(
      await codeOf(
        authenticate({ email: user.email, password: TEST_PASSWORD, ip: "198.51.100.11" }),
      ),
    ).toBe("OK");
    // The pair's window ends after 15 minutes.
    at(15 * 60 + 1);
    expect(
      await codeOf(authenticate({ email: user.email, password: TEST_PASSWORD, ip: attacker })),
    ).toBe("OK");
  });

  test("an unknown email is throttled like a real one, so the limit does not reveal who exists", async () => {
    at(0);
    const outcomes: string[] = [];
    for (let i = 0; i < 12; i++)
      outcomes.push(
        await codeOf(
          authenticate({ email: "nobody-here@test.example", password: "x", ip: `203.0.113.${i}` }),
        ),
      );
    expect(outcomes.slice(0, 10)).toEqual(Array(10).fill("WRONG"));
    expect(outcomes.slice(10)).toContain("RATE_LIMITED");
  });

  test("expired counters are swept", async () => {
    at(0);
    await authenticate({ email: "sweep@test.example", password: "x", ip: "203.0.113.250" });
    expect(
      await db.rateLimitBucket.count({ where: { key: { contains: "sweep@" } } }),
    ).toBeGreaterThan(0);
    at(24 * 3600 + 1);
    const { deleted } = await deleteExpiredRateLimits();
    expect(deleted).toBeGreaterThan(0);
    expect(await db.rateLimitBucket.count({ where: { key: { contains: "sweep@" } } })).toBe(0);
  });
});
