// Sign-in limits a stranger cannot turn against the account's owner (OWASP Authentication Cheat
// Sheet: lock out the attacker, not the account). Three counters:
// - email + IP pair: 5 attempts per 15 minutes, counted before the password is checked so
//   parallel guesses cannot slip past; a successful sign-in clears it;
// - IP: 100 failures per 15 minutes across all emails (password spraying);
// - email, from any IP: after 10 failures in a day each further attempt must wait a growing
//   delay (1 s, 2 s, 4 s … at most 15 minutes) — except from an IP this account signed in from
//   in the last 30 days, so the owner at home or in the office is never kept out.
// With the client IP unknown (misconfigured proxies) only the email counter applies: a shared
// "unknown" pair would be the old lockout again.
import { db } from "@/lib/db";
import {
  countHit,
  clearRateLimit,
  peekRateLimit,
  rateLimited,
} from "@/lib/rate-limit/hit-rate-limit";
import { now } from "@/lib/time/clock";
import { logger } from "@/lib/log";

const PAIR = { limit: 5, windowSeconds: 15 * 60 };
const IP = { limit: 100, windowSeconds: 15 * 60 };
const ACCOUNT = { free: 10, windowSeconds: 24 * 3600, maxDelaySeconds: 15 * 60 };
const KNOWN_IP_DAYS = 30;

type Attempt = { email: string; ip: string | null };

const keys = ({ email, ip }: Attempt) => ({
  pair: `signin:pair:${email}:${ip}`,
  ip: `signin:ip:${ip}`,
  account: `signin:email:${email}`,
});

/** Seconds an attempt on an account must wait after its last failure, given the failure count. */
export function accountDelaySeconds(failures: number): number {
  if (failures < ACCOUNT.free) return 0;
  return Math.min(2 ** (failures - ACCOUNT.free), ACCOUNT.maxDelaySeconds);
}

/**
 * Whether the email's throttle lets this attempt through now. The row lock makes the check and
 * the claim one step: of many concurrent attempts after a delay, only one goes ahead.
 */
async function claimAccountAttempt(key: string): Promise<boolean> {
  const at = now();
  return db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ count: number; lastAt: Date | null; resetAt: Date }[]>`
      SELECT "count", "lastAt", "resetAt" FROM "RateLimitBucket" WHERE "key" = ${key} FOR UPDATE`;
    if (!row || row.resetAt <= at) return true;
    const wait = accountDelaySeconds(row.count);
    if (!wait) return true;
    if (row.lastAt && row.lastAt.getTime() + wait * 1000 > at.getTime()) return false;
    await tx.rateLimitBucket.update({ where: { key }, data: { lastAt: at } });
    return true;
  });
}

/** An IP from which `userId` signed in successfully within the last 30 days. */
async function isKnownIp(userId: string, ip: string): Promise<boolean> {
  const since = new Date(now().getTime() - KNOWN_IP_DAYS * 86400_000);
  const hit = await db.auditLog.findFirst({
    where: { entityType: "User", entityId: userId, action: "auth.sign_in", ip, at: { gte: since } },
    select: { id: true },
  });
  return Boolean(hit);
}

/** Before the password is checked. Throws RATE_LIMITED; never reveals whether the email exists. */
export async function admitSignInAttempt(attempt: Attempt & { userId: string | null }) {
  const k = keys(attempt);
  if (attempt.ip) {
    if ((await countHit(k.pair, PAIR.windowSeconds)) > PAIR.limit) throw rateLimited();
    if ((await peekRateLimit(k.ip)).count >= IP.limit) throw rateLimited();
  }
  if (await claimAccountAttempt(k.account)) return;
  if (attempt.userId && attempt.ip && (await isKnownIp(attempt.userId, attempt.ip))) return;
  logger.warn({ email: attempt.email, ip: attempt.ip }, "sign-in throttled for this email");
  throw rateLimited();
}

export async function recordSignInFailure(attempt: Attempt) {
  const k = keys(attempt);
  await countHit(k.account, ACCOUNT.windowSeconds);
  if (attempt.ip) await countHit(k.ip, IP.windowSeconds);
}

export async function recordSignInSuccess(attempt: Attempt) {
  if (attempt.ip) await clearRateLimit(keys(attempt).pair);
}

/** After a password reset the owner has proved the mailbox is theirs: lift the email throttle. */
export async function clearSignInThrottle(email: string) {
  await clearRateLimit(keys({ email, ip: null }).account);
}
