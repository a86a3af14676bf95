// Sessions end when the password changes: every session token carries the user's
// sessionVersion, and a password change, a reset or a staff deactivation moves it on. The real
// next-auth JWT code reads the cookie here; only Next's request plumbing is stood in for.
import { beforeAll, describe, expect, test, vi } from "vitest";

const jar = vi.hoisted(() => {
  process.env.AUTH_SECRET = "session-revocation-test-secret";
  process.env.NEXTAUTH_URL = "http://localhost:3000";
  return { cookie: null as string | null };
});
const COOKIE = "next-auth.session-token";

vi.mock("next-auth", async (orig) => {
  const real = await orig<typeof import("next-auth")>();
  const noop = () => undefined;
  return {
    ...real,
    // The (req, res, options) form of the same function Next's request context feeds.
    getServerSession: (options: unknown) =>
      (real.getServerSession as (...args: unknown[]) => Promise<unknown>)(
        {
          headers: { host: "localhost:3000" },
          cookies: jar.cookie ? { [COOKIE]: jar.cookie } : {},
        },
        { getHeader: noop, setCookie: noop, setHeader: noop },
        options,
      ),
  };
});
vi.mock("next/headers", () => ({
  headers: async () => new Headers(),
  cookies: async () => ({
    get: (name: string) =>
      name === COOKIE && jar.cookie ? { name, value: jar.cookie } : undefined,
    set: (name: string, value: string) => {
      if (name === COOKIE) jar.cookie = value;
    },
  }),
}));
vi.mock("next/navigation", () => {
  const redirect = (to: string) => {
    throw Object.assign(new Error(`redirect ${to}`), { to });
  };
  return {
    redirect,
    notFound: () => {
      throw new Error("not found");
    },
    unstable_rethrow: (e: unknown) => {
      if ((e as { to?: string }).to) throw e;
    },
  };
});

import { encode } from "next-auth/jwt";
import { db } from "@/lib/db";
import { authenticate } from "@/lib/auth/authenticate";
import { authOptions, SESSION_MAX_AGE } from "@/lib/auth/options";
import { currentActor } from "@/lib/auth/session";
import { resetPassword } from "@/lib/auth/reset-password";
import { hashResetToken } from "@/lib/auth/issue-password-link";
import { setUserActive } from "@/lib/users/set-user-active";
import { IDLE } from "@/lib/http/form-state";
import { changePasswordAction } from "@/app/(auth)/change-password/change-password-action";
import { createTestIsp, createUserActor, TEST_PASSWORD } from "../support/fixtures";

/** Signs in through the credentials check and next-auth's jwt callback, as the sign-in page does. */
async function signIn(email: string, password: string): Promise<string> {
  const user = await authenticate({ email, password, ip: "198.51.100.20" });
  if (!user) throw new Error("sign-in failed");
  const token = await authOptions.callbacks!.jwt!({
    token: { name: user.name, email: user.email, sub: user.id },
    user,
    account: null,
    trigger: "signIn",
  } as never);
  return encode({ token, secret: process.env.AUTH_SECRET!, maxAge: SESSION_MAX_AGE });
}

async function whoIs(cookie: string | null) {
  jar.cookie = cookie;
  return (await currentActor())?.id ?? null;
}

let email: string;
let userId: string;
beforeAll(async () => {
  await createTestIsp();
  const actor = await createUserActor("SUPPORT");
  userId = actor.id;
  email = (await db.user.findUniqueOrThrow({ where: { id: userId } })).email;
});

describe("sessions end when the password changes", () => {
  test("a password change ends every other session; the changing one carries on with a fresh token", async () => {
    const laptop = await signIn(email, TEST_PASSWORD);
    const phone = await signIn(email, TEST_PASSWORD);
    expect(await whoIs(laptop)).toBe(userId);
    expect(await whoIs(phone)).toBe(userId);

    jar.cookie = laptop;
    const form = new FormData();
    form.set("current", TEST_PASSWORD);
    form.set("password", "a-brand-new-password");
    form.set("confirm", "a-brand-new-password");
    form.set("callbackUrl", "/admin/orders");
    await expect(changePasswordAction(IDLE, form)).rejects.toMatchObject({ to: "/admin/orders" });
    const renewed = jar.cookie!;
    expect(renewed).not.toBe(laptop);

    expect(await whoIs(renewed)).toBe(userId);
    expect(await whoIs(phone)).toBeNull();
    expect(await whoIs(laptop)).toBeNull();
  });

  test("a password reset ends every session, including one taken before", async () => {
    const session = await signIn(email, "a-brand-new-password");
    expect(await whoIs(session)).toBe(userId);
    await db.passwordResetToken.create({
      data: {
        userId,
        tokenHash: hashResetToken("reset-token-for-test"),
        expiresAt: new Date(Date.now() + 3600_000),
      },
    });
    await resetPassword({
      token: "reset-token-for-test",
      password: "reset-chosen-password",
      confirm: "reset-chosen-password",
    });
    expect(await whoIs(session)).toBeNull();
    expect(await whoIs(await signIn(email, "reset-chosen-password"))).toBe(userId);
  });

  test("deactivating staff ends their sessions for good, even after reactivation", async () => {
    const admin = await createUserActor("ADMIN");
    const session = await signIn(email, "reset-chosen-password");
    expect(await whoIs(session)).toBe(userId);
    await setUserActive({ actor: admin, userId, active: false });
    expect(await whoIs(session)).toBeNull();
    await setUserActive({ actor: admin, userId, active: true });
    expect(await whoIs(session)).toBeNull();
    expect(await whoIs(await signIn(email, "reset-chosen-password"))).toBe(userId);
  });

  test("a token without a session version (issued before this release) is not accepted", async () => {
    const token = await encode({
      token: { sub: userId, uid: userId, email, name: "x", role: "SUPPORT" },
      secret: process.env.AUTH_SECRET!,
    });
    expect(await whoIs(token)).toBeNull();
  });
});
