// Invoices for admin and the API, filtered by status, customer, issue dates or overdue; newest
// first, keyset-paginated on (issue date, id).
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { assertCustomerAccess, assertCan, type Actor } from "@/lib/auth/roles";
import { isIsoDate, toDbDate } from "@/lib/time/dates";
import { todayForIsp } from "@/lib/billing/billing-settings";
import { serializeInvoice } from "@/lib/billing/serialize";

const date = z.string().refine(isIsoDate, "Use YYYY-MM-DD");
export const invoiceFilterSchema = z.object({
  status: z.enum(["DRAFT", "OPEN", "PARTIALLY_PAID", "PAID", "VOID", "UNCOLLECTIBLE"]).optional(),
  customerId: z.string().optional(),
  billingRunId: z.string().optional(),
  from: date.optional(),
  to: date.optional(),
  overdue: z.preprocess((v) => v === "true" || v === "1" || v === true, z.boolean()).optional(),
  number: z.string().trim().max(40).optional(),
  after: z.string().optional(), // cursor: "<issueDate>|<id>"
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type InvoiceFilter = z.input<typeof invoiceFilterSchema>;

export async function listInvoices(opts: { filter?: InvoiceFilter; actor: Actor }) {
  const f = invoiceFilterSchema.parse(opts.filter ?? {});
  if (opts.actor.kind === "user" && opts.actor.role === "CUSTOMER" && !f.customerId)
    f.customerId = opts.actor.customerId ?? "none";
  if (f.customerId) assertCustomerAccess(opts.actor, f.customerId, "billing:read");
  else assertCan(opts.actor, "billing:read");
  const and: Prisma.InvoiceWhereInput[] = [];
  if (f.customerId) and.push({ customerId: f.customerId });
  // Customers never see drafts held for review.
  if (opts.actor.kind === "user" && opts.actor.role === "CUSTOMER")
    and.push({ status: { not: "DRAFT" } });
  if (f.status) and.push({ status: f.status });
  if (f.billingRunId) and.push({ billingRunId: f.billingRunId });
  if (f.number) and.push({ number: { contains: f.number, mode: "insensitive" } });
  if (f.from) and.push({ issueDate: { gte: toDbDate(f.from) } });
  if (f.to) and.push({ issueDate: { lte: toDbDate(f.to) } });
  if (f.overdue)
    and.push({
      status: { in: ["OPEN", "PARTIALLY_PAID"] },
      dueDate: { lt: toDbDate(await todayForIsp()) },
    });
  if (f.after) {
    const [d, id] = f.after.split("|");
    if (isIsoDate(d) && id)
      and.push({
        OR: [{ issueDate: { lt: toDbDate(d) } }, { issueDate: toDbDate(d), id: { lt: id } }],
      });
  }
  const rows = await db.invoice.findMany({
    where: { AND: and },
    orderBy: [{ issueDate: "desc" }, { id: "desc" }],
    take: f.limit + 1,
    include: {
      customer: {
        select: { accountNumber: true, firstName: true, lastName: true, companyName: true },
      },
    },
  });
  const page = rows.slice(0, f.limit);
  const last = page[page.length - 1];
  return {
    invoices: page.map((i) => ({ ...serializeInvoice(i), customer: i.customer })),
    nextCursor:
      rows.length > f.limit && last
        ? `${last.issueDate.toISOString().slice(0, 10)}|${last.id}`
        : null,
  };
}
