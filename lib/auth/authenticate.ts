// Email + password sign-in for staff and customers. Wrong credentials never say which part
// was wrong; attempts are rate-limited per email and per IP; every outcome is audited.
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record-audit";
import { enforceRateLimit, clearRateLimit } from "@/lib/rate-limit/hit-rate-limit";
import { now } from "@/lib/time/clock";
import { verifyPassword } from "./password";
import type { Actor } from "./roles";
import type { Role } from "@/lib/generated/prisma/enums";

const PER_EMAIL = { limit: 5, windowSeconds: 15 * 60 };
const PER_IP = { limit: 30, windowSeconds: 15 * 60 };

export type SignedInUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  customerId: string | null;
};

export async function authenticate(opts: {
  email: string;
  password: string;
  ip?: string | null;
}): Promise<SignedInUser | null> {
  const email = opts.email.trim().toLowerCase();
  await enforceRateLimit(`signin:ip:${opts.ip ?? "unknown"}`, PER_IP.limit, PER_IP.windowSeconds);
  await enforceRateLimit(`signin:email:${email}`, PER_EMAIL.limit, PER_EMAIL.windowSeconds);
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
    },
  });
  const ok = await verifyPassword(user?.passwordHash, opts.password);
  if (!user || !ok || !user.active) {
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
  await clearRateLimit(`signin:email:${email}`);
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
  };
}
