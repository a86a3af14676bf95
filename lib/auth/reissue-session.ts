// After a password change every session of the user ends (its sessionVersion moved on) — except
// the one that made the change, which gets a fresh token with the new version here.
import { cookies } from "next/headers";
import { decodeSessionJwt as decode, encodeSessionJwt as encode } from "./session-jwt";
import { env } from "@/lib/env";
import { SESSION_COOKIE, SESSION_MAX_AGE } from "./options";

/** In a server action: rewrites the caller's session cookie to carry `sessionVersion`. */
export async function reissueSessionCookie(sessionVersion: number): Promise<void> {
  const secret = env.AUTH_SECRET;
  if (!secret) return;
  const jar = await cookies();
  const current = jar.get(SESSION_COOKIE.name)?.value;
  const token = current ? await decode({ token: current, secret }).catch(() => null) : null;
  if (!token) return;
  const fresh = await encode({
    token: { ...token, sv: sessionVersion },
    secret,
    maxAge: SESSION_MAX_AGE,
  });
  jar.set(SESSION_COOKIE.name, fresh, {
    ...SESSION_COOKIE.options,
    expires: new Date(Date.now() + SESSION_MAX_AGE * 1000),
  });
}
