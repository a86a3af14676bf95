// A manual adjustment by ACCOUNTS (write-off, goodwill credit, migration of an opening balance).
// `key` makes the posting exactly-once: repeating the request posts nothing new.
import "server-only";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError, notFound } from "@/lib/errors";
import { now } from "@/lib/time/clock";
import { toDbDate, type IsoDate } from "@/lib/time/dates";
import { dateInZone } from "@/lib/time/dates";

export async function postAdjustment(opts: {
  customerId: string;
  amount: number;
  description: string;
  key: string;
  date?: IsoDate;
  actor: Actor;
}) {
  assertCan(opts.actor, "billing:charge");
  if (!Number.isSafeInteger(opts.amount) || opts.amount === 0)
    throw new AppError("VALIDATION", "Amount must be whole minor units.", { amount: "invalid" });
  return db.$transaction(async (tx) => {
    const customer = await tx.customer.findUnique({
      where: { id: opts.customerId },
      select: { id: true, currency: true },
    });
    if (!customer) throw notFound("Customer");
    const settings = await tx.ispSettings.findUniqueOrThrow({
      where: { id: 1 },
      select: { timeZone: true },
    });
    const sourceKey = `adjustment:${opts.key}`;
    const existing = await tx.ledgerEntry.findUnique({ where: { sourceKey } });
    if (existing) return existing;
    const entry = await tx.ledgerEntry.create({
      data: {
        customerId: customer.id,
        kind: "ADJUSTMENT",
        sourceKey,
        amount: opts.amount,
        currency: customer.currency,
        description: opts.description,
        effectiveDate: toDbDate(opts.date ?? dateInZone(now(), settings.timeZone)),
        createdById: opts.actor.kind === "system" ? null : opts.actor.id,
      },
    });
    await recordAudit(
      {
        actor: opts.actor,
        action: "billing.adjustment",
        entityType: "LedgerEntry",
        entityId: String(entry.id),
        customerId: customer.id,
        data: { amount: opts.amount, description: opts.description },
      },
      tx,
    );
    return entry;
  });
}
