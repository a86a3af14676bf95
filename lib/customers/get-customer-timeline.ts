// One timeline of everything that happened to a customer: orders, signed contracts, invoices,
// credit notes, payments, messages sent, tickets, plan changes, suspensions, staff notes and the
// audit events on the record, newest first, filterable by kind. One SQL query: every branch
// reads its own (customerId, time) index, is cut at the cursor and limited before the merge, so
// a page costs the same for a customer of ten years as for one of ten days (keyset paging on
// (at, key)). Kinds the actor's role may not see are never queried. Usage alerts and dunning
// steps join here as branches when those records exist.
import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { assertCan, can, type Actor, type Permission } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { TIMELINE_KINDS, type TimelineKind } from "./timeline-kinds";

export type TimelineEntry = {
  kind: TimelineKind;
  key: string;
  at: Date;
  id: string;
  title: string;
  detail: string | null;
  status: string | null;
  amount: number | null;
};

export type GetCustomerTimelineOptions = {
  actor: Actor;
  customerId: string;
  kinds?: TimelineKind[];
  /** nextCursor of the previous page. */
  after?: string;
  limit?: number;
};

const NEEDS: Record<TimelineKind, Permission> = {
  order: "orders:read",
  contract: "customers:read",
  invoice: "customers:read_financial",
  credit_note: "customers:read_financial",
  payment: "customers:read_financial",
  message: "mail:read",
  ticket: "tickets:read",
  plan_change: "customers:read",
  suspension: "customers:read",
  usage_alert: "customers:read",
  dunning: "customers:read_financial",
  note: "customers:read",
  audit: "audit:read",
};

/** Each branch: kind, at, id, title, detail, status, amount; `$c` is the customer id. */
function branch(kind: TimelineKind, c: string): Prisma.Sql {
  switch (kind) {
    case "order":
      return Prisma.sql`SELECT 'order' AS kind, o."createdAt" AS at, o.id, 'Order ' || o.number AS title,
        NULL AS detail, o.status::text AS status, NULL::int AS amount
        FROM "Order" o WHERE o."customerId" = ${c}`;
    case "contract":
      return Prisma.sql`SELECT 'contract', k."signedAt", k.id, 'Contract signed', 'by ' || k."signerName",
        NULL, NULL FROM "Contract" k WHERE k."customerId" = ${c}`;
    case "invoice":
      return Prisma.sql`SELECT 'invoice', COALESCE(i."finalizedAt", i."createdAt"), i.id,
        'Invoice ' || COALESCE(i.number, 'draft'), 'due ' || to_char(i."dueDate", 'YYYY-MM-DD'),
        i.status::text, i.total FROM "Invoice" i WHERE i."customerId" = ${c} AND i.status <> 'DRAFT'`;
    case "credit_note":
      return Prisma.sql`SELECT 'credit_note', n."issuedAt", n.id, 'Credit note ' || n.number, n.reason,
        NULL, n.total FROM "CreditNote" n WHERE n."customerId" = ${c}`;
    case "payment":
      return Prisma.sql`SELECT 'payment', p."receivedAt", p.id, 'Payment ' || COALESCE(p.number, ''),
        p.method::text || COALESCE(' · ' || p.reference, ''), p.status::text, p.amount
        FROM "Payment" p WHERE p."customerId" = ${c}`;
    case "message":
      return Prisma.sql`SELECT 'message', m."createdAt", m.id, COALESCE(m.subject, m.channel), 'to ' || m."to",
        m.status::text, NULL FROM "Notification" m WHERE m."customerId" = ${c}`;
    case "ticket":
      return Prisma.sql`SELECT 'ticket', t."createdAt", t.id, 'Ticket ' || t.number || ': ' || t.subject,
        t.category::text, t.status::text, NULL FROM "Ticket" t WHERE t."customerId" = ${c}`;
    case "plan_change":
      return Prisma.sql`SELECT 'plan_change', pc."createdAt", pc.id, 'Plan change to ' || pr.name,
        'from ' || to_char(pc."effectiveDate", 'YYYY-MM-DD'),
        CASE WHEN pc."appliedAt" IS NULL THEN 'SCHEDULED' ELSE 'APPLIED' END, NULL
        FROM "PlanChange" pc JOIN "Subscription" s ON s.id = pc."subscriptionId"
        JOIN "Product" pr ON pr.id = pc."toProductId" WHERE s."customerId" = ${c}`;
    case "suspension":
      return Prisma.sql`SELECT 'suspension', (su."startDate"::timestamp AT TIME ZONE 'UTC'), su.id,
        'Service suspended', su.reason,
        CASE WHEN su."endDate" IS NULL THEN 'SUSPENDED' ELSE 'ENDED' END, NULL
        FROM "Suspension" su JOIN "Subscription" s ON s.id = su."subscriptionId"
        WHERE s."customerId" = ${c}`;
    case "usage_alert":
      // The data-cap notices lib/usage/check-usage-caps.ts sends once per period: 80 % and 100 %.
      return Prisma.sql`SELECT 'usage_alert', x.at, up."subscriptionId" || ':' ||
          to_char(up."periodStart", 'YYYY-MM-DD') || ':' || x.pct,
        x.pct || ' % of the data cap used', pr.name || ' · ' || to_char(up."periodStart", 'YYYY-MM'),
        CASE WHEN x.pct = 100 AND up."cappedAt" IS NOT NULL THEN 'CAP_REACHED' END, NULL
        FROM "UsagePeriod" up JOIN "Subscription" s ON s.id = up."subscriptionId"
        JOIN "Product" pr ON pr.id = s."productId"
        CROSS JOIN LATERAL (VALUES (80, up."notified80At"), (100, up."notified100At")) x(pct, at)
        WHERE s."customerId" = ${c} AND x.at IS NOT NULL`;
    case "dunning":
      // Steps of the ladder and arrangement transitions (agreed, missed, kept), with the reason.
      return Prisma.sql`SELECT 'dunning', e.at, e.id, 'Dunning: ' || replace(e.step, '-', ' '),
        e.reason, NULL, e.amount FROM "DunningEvent" e WHERE e."customerId" = ${c}`;
    case "note":
      return Prisma.sql`SELECT 'note', cn."createdAt", cn.id, 'Note by ' || cn."authorName", cn.body,
        CASE WHEN cn."pinnedAt" IS NULL THEN NULL ELSE 'PINNED' END, NULL
        FROM "CustomerNote" cn WHERE cn."customerId" = ${c}`;
    case "audit":
      return Prisma.sql`SELECT 'audit', a.at, a.id::text, a.action, a."actorLabel", NULL, NULL
        FROM "AuditLog" a WHERE a."customerId" = ${c}`;
  }
}

function readCursor(after: string | undefined) {
  if (!after) return null;
  const [ms, key] = Buffer.from(after, "base64url").toString("utf8").split("|");
  const at = new Date(Number(ms));
  if (!key || Number.isNaN(at.getTime()))
    throw new AppError("VALIDATION", "Unknown timeline cursor", { after: "Unknown cursor" });
  return { at, key };
}

export async function getCustomerTimeline({
  actor,
  customerId,
  kinds,
  after,
  limit = 50,
}: GetCustomerTimelineOptions) {
  assertCan(actor, "customers:read");
  const take = Math.min(Math.max(limit, 1), 200);
  const visible = TIMELINE_KINDS.filter((k) => can(actor, NEEDS[k]));
  const chosen = kinds?.length ? visible.filter((k) => kinds.includes(k)) : visible;
  if (!chosen.length) return { entries: [] as TimelineEntry[], nextCursor: null, kinds: visible };
  const cursor = readCursor(after);
  // Each branch is cut at the cursor and limited on its own index before the merge.
  const parts = chosen.map(
    (k) => Prisma.sql`(SELECT b.kind::text AS kind, b.at::timestamptz AS at, b.id::text AS id,
        b.title::text AS title, b.detail::text AS detail, b.status::text AS status,
        b.amount::int AS amount
      FROM (${branch(k, customerId)}) b(kind, at, id, title, detail, status, amount)
      ${cursor ? Prisma.sql`WHERE (b.at, b.kind || ':' || b.id) < (${cursor.at}::timestamptz, ${cursor.key})` : Prisma.empty}
      ORDER BY b.at DESC, b.kind || ':' || b.id DESC LIMIT ${take + 1})`,
  );
  const rows = await db.$queryRaw<Omit<TimelineEntry, "key">[]>`
    SELECT * FROM (${Prisma.join(parts, " UNION ALL ")}) t
    ORDER BY t.at DESC, t.kind || ':' || t.id DESC LIMIT ${take + 1}`;
  const entries = rows.slice(0, take).map((r) => ({ ...r, key: `${r.kind}:${r.id}` }));
  const last = entries[entries.length - 1];
  return {
    entries,
    nextCursor:
      rows.length > take
        ? Buffer.from(`${last.at.getTime()}|${last.key}`).toString("base64url")
        : null,
    kinds: visible,
  };
}
