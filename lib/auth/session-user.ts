// Whether a decoded session still counts, and as whom: the user must exist, be active, and carry
// the sessionVersion the token was issued with (a password change, reset or deactivation moves it
// on). Kept apart from Next's request plumbing (session.ts) so that what an app instance decides
// about a cookie is the same code wherever the cookie was issued.
import "server-only";
import { db } from "@/lib/db";
import type { UserActor } from "./session";

export type SessionUser = { actor: UserActor; mustChangePassword: boolean };

export async function resolveSessionUser(session: {
  id: string;
  sessionVersion: number | null;
}): Promise<SessionUser | null> {
  const user = await db.user.findUnique({
    where: { id: session.id },
    select: {
      id: true,
      name: true,
      role: true,
      customerId: true,
      active: true,
      mustChangePassword: true,
      sessionVersion: true,
    },
  });
  if (!user?.active || session.sessionVersion !== user.sessionVersion) return null;
  return {
    actor: {
      kind: "user",
      id: user.id,
      name: user.name,
      role: user.role,
      customerId: user.customerId,
    },
    mustChangePassword: user.mustChangePassword,
  };
}
