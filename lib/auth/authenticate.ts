// Email + password sign-in for staff and customers. Wrong credentials never say which part
// was wrong; attempts are limited so that a stranger cannot lock the owner out
// (sign-in-limits.ts); every outcome is audited.
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record-audit";
import { now } from "@/lib/time/clock";
import { verifyPassword } from "./password";
import type { Actor } from "./roles";
import type { Role } from "@/lib/generated/prisma/enums";
import { admitSignInAttempt, recordSignInFailure, recordSignInSuccess } from "./sign-in-limits";

export type SignedInUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  customerId: string | null;
  sessionVersion: number;
};

export async function authenticate(opts: {
  email: string;
  password: string;
  ip?: string | null;
}): Promise<SignedInUser | null> {
  const email = opts.email.trim().toLowerCase();
  const attempt = { email, ip: opts.ip ?? null };
  const user = await db.user.findUnique({
    where: { email },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      customerId: true,
      passwordHash: true,
      active: true,
      sessionVersion: true,
    },
  });
  await admitSignInAttempt({ ...attempt, userId: user?.id ?? null });
  const ok = await verifyPassword(user?.passwordHash, opts.password);
  if (!user || !ok || !user.active) {
    await recordSignInFailure(attempt);
    await recordAudit({
      actor: { kind: "system", name: "sign-in" },
      action: "auth.sign_in_failed",
      entityType: "User",
      entityId: user?.id,
      ip: opts.ip,
      data: { email },
    });
    return null;
  }
  await recordSignInSuccess(attempt);
  await db.user.update({ where: { id: user.id }, data: { lastLoginAt: now() } });
  const actor: Actor = {
    kind: "user",
    id: user.id,
    role: user.role,
    name: user.name,
    customerId: user.customerId,
  };
  await recordAudit({
    actor,
    action: "auth.sign_in",
    entityType: "User",
    entityId: user.id,
    customerId: user.customerId,
    ip: opts.ip,
  });
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    customerId: user.customerId,
    sessionVersion: user.sessionVersion,
  };
}
