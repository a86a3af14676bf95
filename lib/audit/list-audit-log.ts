// The audit log viewer's query: newest first, keyset-paginated on the id (no OFFSET, so page
// 500 is as fast as page 1), filtered by action prefix, customer and dates in the ISP's zone.
import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { getSettings } from "@/lib/settings/get-settings";
import { addDays, instantInZone } from "@/lib/time/dates";
import { auditFilterSchema, type AuditFilter } from "./audit-filter-schema";

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
