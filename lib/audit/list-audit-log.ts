// The audit log viewer's query: newest first, keyset-paginated on the id (no OFFSET, so page
// 500 is as fast as page 1), filtered by action prefix, customer and dates in the ISP's zone.
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { getSettings } from "@/lib/settings/get-settings";
import { addDays, instantInZone, isIsoDate } from "@/lib/time/dates";

const isoDate = z.string().refine(isIsoDate, "Use a date like 2026-03-31");
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

export const auditFilterSchema = z.object({
  action: z.preprocess(blankToUndefined, z.string().trim().max(80).optional()),
  /** Account number or customer id. */
  customer: z.preprocess(blankToUndefined, z.string().trim().max(80).optional()),
  from: z.preprocess(blankToUndefined, isoDate.optional()),
  to: z.preprocess(blankToUndefined, isoDate.optional()),
  /** Keyset cursor: show entries older than this id. */
  before: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^\d{1,19}$/)
      .optional(),
  ),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditFilter = z.input<typeof auditFilterSchema>;

export type ListAuditLogOptions = { actor: Actor } & AuditFilter;

export async function listAuditLog({ actor, ...filter }: ListAuditLogOptions) {
  assertCan(actor, "audit:read");
  const f = auditFilterSchema.parse(filter);
  const { timeZone } = await getSettings();
  let customer: { id: string; accountNumber: string; name: string } | null = null;
  if (f.customer) {
    const c = await db.customer.findFirst({
      where: {
        OR: [{ id: f.customer }, { accountNumber: { equals: f.customer, mode: "insensitive" } }],
      },
      select: { id: true, accountNumber: true, firstName: true, lastName: true, companyName: true },
    });
    if (!c) return { entries: [], nextCursor: null, customer: null, customerNotFound: true };
    customer = {
      id: c.id,
      accountNumber: c.accountNumber,
      name: c.companyName ?? `${c.firstName} ${c.lastName}`,
    };
  }
  const where: Prisma.AuditLogWhereInput = {
    ...(f.action && { action: { startsWith: f.action } }),
    ...(customer && { customerId: customer.id }),
    ...((f.from || f.to) && {
      at: {
        ...(f.from && { gte: instantInZone(f.from, 0, timeZone) }),
        ...(f.to && { lt: instantInZone(addDays(f.to, 1), 0, timeZone) }),
      },
    }),
    ...(f.before && { id: { lt: BigInt(f.before) } }),
  };
  const rows = await db.auditLog.findMany({ where, orderBy: { id: "desc" }, take: f.limit + 1 });
  const page = rows.slice(0, f.limit);
  // Name the customers on this page in one query (the log keeps ids, which outlive renames).
  const ids = [...new Set(page.map((r) => r.customerId).filter((id): id is string => Boolean(id)))];
  const named = ids.length
    ? await db.customer.findMany({
        where: { id: { in: ids } },
        select: {
          id: true,
          accountNumber: true,
          firstName: true,
          lastName: true,
          companyName: true,
        },
      })
    : [];
  const names = new Map(
    named.map((c) => [
      c.id,
      { accountNumber: c.accountNumber, name: c.companyName ?? `${c.firstName} ${c.lastName}` },
    ]),
  );
  return {
    entries: page.map((r) => ({
      ...r,
      id: r.id.toString(),
      customer: r.customerId ? (names.get(r.customerId) ?? null) : null,
    })),
    nextCursor: rows.length > f.limit ? page[page.length - 1].id.toString() : null,
    customer,
    customerNotFound: false,
  };
}
