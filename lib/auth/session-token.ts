// What a session token carries and how it reads back: next-auth's jwt and session callbacks
// (options.ts) are these two functions, so every app instance with the same AUTH_SECRET turns a
// cookie another instance issued into the same session.
import type { JWT } from "next-auth/jwt";
import type { Role } from "@/lib/generated/prisma/enums";

export const SESSION_MAX_AGE = 12 * 60 * 60;

export type SessionUserClaims = {
  id: string;
  email: string;
  name: string;
  role: Role;
  customerId: string | null;
  sessionVersion: number | null;
};

/** The claims written into the token at sign-in (`user` is authorize()'s result). */
export function withUserClaims(
  token: JWT,
  user: { id: string; role: Role; customerId: string | null; sessionVersion: number },
): JWT {
  token.uid = user.id;
  token.role = user.role;
  token.customerId = user.customerId;
  token.sv = user.sessionVersion;
  return token;
}

/** The session's user as read from a decoded token. */
export function userFromToken(token: JWT): SessionUserClaims {
  return {
    id: token.uid as string,
    email: token.email as string,
    name: token.name as string,
    role: token.role as Role,
    customerId: (token.customerId as string | null) ?? null,
    sessionVersion: typeof token.sv === "number" ? token.sv : null,
  };
}
