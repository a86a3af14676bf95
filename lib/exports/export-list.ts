// CSV exports of the customer, invoice and payment lists with the same filters as the pages.
// The rows are streamed page by page through the lists' own keyset cursors (each list checks
// the actor's permission), so a 100k-row export holds one page in memory at a time. Every
// export is audited with its filter: it is personal data leaving the system.
import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { customerSearchSchema } from "@/lib/customers/customer-schemas";
import { searchCustomers } from "@/lib/customers/search-customers";
import { invoiceFilterSchema } from "@/lib/invoices/invoice-filter-schema";
import { listInvoices } from "@/lib/invoices/list-invoices";
import { listPayments, paymentFilterSchema } from "@/lib/payments/list-payments";
import { now } from "@/lib/time/clock";
import { csvRow, type Cell } from "./csv";

type Page = { rows: Cell[][]; next: string | null };
type Source = { header: string[]; page: (after: string | undefined) => Promise<Page> };

const PAGE = 200;
const name = (c: { firstName: string; lastName: string; companyName: string | null }) =>
  c.companyName ?? `${c.firstName} ${c.lastName}`;

function source(actor: Actor, list: string, query: Record<string, string>): Source {
  const bad = (e: { issues: { path: PropertyKey[]; message: string }[] }) =>
    new AppError(
      "VALIDATION",
      "Invalid filter",
      Object.fromEntries(e.issues.map((i) => [i.path.join("."), i.message])),
    );
  switch (list) {
    case "customers": {
      const f = customerSearchSchema.safeParse({ q: query.q });
      if (!f.success) throw bad(f.error);
      return {
        header: [
          "account",
          "name",
          "type",
          "status",
          "email",
          "phone",
          "address",
          "city",
          "active_services",
          "created_at",
        ],
        page: async (after) => {
          const r = await searchCustomers({ actor, q: f.data.q, after, limit: 100 });
          return {
            rows: r.customers.map((c) => [
              c.accountNumber,
              name(c),
              c.type,
              c.status,
              c.email,
              c.phone,
              c.billingAddress?.line1,
              c.billingAddress?.city,
              c.activeServices,
              c.createdAt.toISOString(),
            ]),
            next: r.nextCursor,
          };
        },
      };
    }
    case "invoices": {
      const f = invoiceFilterSchema.safeParse({ ...query, after: undefined, limit: PAGE });
      if (!f.success) throw bad(f.error);
      return {
        header: [
          "number",
          "account",
          "customer",
          "status",
          "issue_date",
          "due_date",
          "currency",
          "total_minor",
          "paid_minor",
          "credited_minor",
          "due_minor",
        ],
        page: async (after) => {
          const r = await listInvoices({ actor, filter: { ...f.data, after } });
          return {
            rows: r.invoices.map((i) => [
              i.number,
              i.customer.accountNumber,
              name(i.customer),
              i.status,
              i.issueDate,
              i.dueDate,
              i.currency,
              i.total,
              i.amountPaid,
              i.amountCredited,
              i.amountDue,
            ]),
            next: r.nextCursor,
          };
        },
      };
    }
    case "payments": {
      const f = paymentFilterSchema.safeParse({ ...query, after: undefined, limit: PAGE });
      if (!f.success) throw bad(f.error);
      return {
        header: [
          "receipt",
          "account",
          "customer",
          "received_on",
          "method",
          "reference",
          "status",
          "currency",
          "amount_minor",
          "unallocated_minor",
        ],
        page: async (after) => {
          const r = await listPayments({ actor, filter: { ...f.data, after } });
          return {
            rows: r.payments.map((p) => [
              p.number,
              p.customer.accountNumber,
              name(p.customer),
              p.receivedOn,
              p.method,
              p.reference,
              p.status,
              p.currency,
              p.amount,
              p.unallocated,
            ]),
            next: r.nextCursor,
          };
        },
      };
    }
    default:
      throw new AppError("NOT_FOUND", "No such export");
  }
}

export type ExportListOptions = { actor: Actor; list: string; query: Record<string, string> };

/** The CSV as a stream and its file name; the first page is read before answering, so a
 * refused permission or a bad filter is a 4xx rather than a broken download. */
export async function exportList({ actor, list, query }: ExportListOptions) {
  if (actor.kind === "user" && actor.role === "CUSTOMER")
    throw new AppError("FORBIDDEN", "Exports are for staff.");
  const src = source(actor, list, query);
  const first = await src.page(undefined);
  await recordAudit({ actor, action: `export.${list}`, data: { filter: query } });
  const enc = new TextEncoder();
  let pending: Page | null = first;
  const stream = new ReadableStream<Uint8Array>({
    start(c) {
      c.enqueue(enc.encode(`\uFEFF${csvRow(src.header)}`));
    },
    async pull(c) {
      if (!pending) return c.close();
      c.enqueue(enc.encode(pending.rows.map(csvRow).join("")));
      pending = pending.next ? await src.page(pending.next) : null;
    },
  });
  const stamp = now().toISOString().slice(0, 10);
  return { stream, filename: `${list}-${stamp}.csv` };
}
