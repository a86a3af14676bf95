// The admin customer list. Each word of the query must match the start of a word in the first
// or last name or company, the start of the email, or appear in the account or phone number,
// case-insensitively; a single token also finds the customer by ID number, invoice number,
// PPPoE username, IPoE MAC address (any common notation), static IP or the framed IP of an
// open RADIUS session (exact).
// The trigram GIN index (Customer_search_trgm_idx) serves all of these, so it stays fast on
// 100k+ customers. Newest accounts first, keyset-paginated on the account number.
import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isIPv4 } from "node:net";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { ipoeIdentitySchema } from "@/lib/network/ipoe-schema";
import { findSessionLogins } from "@/lib/network/find-session-logins";
import { customerSearchSchema, type CustomerSearch } from "./customer-schemas";

function wordFilter(word: string): Prisma.CustomerWhereInput {
  const insensitive = "insensitive" as const;
  // "merwe" finds "van der Merwe", "wines" finds "Bothma Wines": a word start inside the field.
  const wordStart = (
    field: "firstName" | "lastName" | "companyName",
  ): Prisma.CustomerWhereInput[] => [
    { [field]: { startsWith: word, mode: insensitive } },
    { [field]: { contains: ` ${word}`, mode: insensitive } },
  ];
  return {
    OR: [
      { accountNumber: { contains: word, mode: insensitive } },
      ...wordStart("firstName"),
      ...wordStart("lastName"),
      ...wordStart("companyName"),
      { email: { startsWith: word, mode: insensitive } },
      { phone: { contains: word, mode: insensitive } },
    ],
  };
}

/**
 * A single token may also be an identifier staff read off a document or a router: an ID number,
 * an invoice number, a PPPoE username, a MAC address (an IPoE line's login, stored upper-case
 * with colons) or an IP address (a static assignment, or an open session's framed IP). Exact
 * matches only, so each is one index probe.
 */
async function identifierFilter(token: string): Promise<Prisma.CustomerWhereInput[]> {
  const logins = [token];
  const mac = ipoeIdentitySchema.safeParse({ kind: "MAC", value: token });
  if (mac.success && mac.data.value !== token) logins.push(mac.data.value);
  const byIp: Prisma.CustomerWhereInput[] = [];
  if (isIPv4(token)) {
    byIp.push({ subscriptions: { some: { staticIp: { address: token } } } });
    logins.push(...(await findSessionLogins({ framedIp: token })));
  }
  return [
    { idNumber: token },
    { invoices: { some: { number: token.toUpperCase() } } },
    { subscriptions: { some: { radiusUsername: { in: logins } } } },
    ...byIp,
  ];
}

export type SearchCustomersOptions = { actor: Actor } & CustomerSearch;

export async function searchCustomers({ actor, ...search }: SearchCustomersOptions) {
  assertCan(actor, "customers:read");
  const { q, after, limit } = customerSearchSchema.parse(search);
  const words = (q ?? "")
    .split(/[\s,]+/)
    .filter(Boolean)
    .slice(0, 5);
  const byWords =
    words.length === 1
      ? [{ OR: [wordFilter(words[0]), ...(await identifierFilter(words[0]))] }]
      : words.map(wordFilter);
  const where: Prisma.CustomerWhereInput = {
    AND: [...byWords, ...(after ? [{ accountNumber: { lt: after } }] : [])],
  };
  const rows = await db.customer.findMany({
    where,
    orderBy: { accountNumber: "desc" },
    take: limit + 1,
    select: {
      id: true,
      accountNumber: true,
      type: true,
      status: true,
      firstName: true,
      lastName: true,
      companyName: true,
      email: true,
      phone: true,
      createdAt: true,
      billingAddress: { select: { line1: true, suburb: true, city: true } },
    },
  });
  const page = rows.slice(0, limit);
  // Counted for this page's customers only: a relation `_count` with a filter became a join on
  // the count of every customer's services (a scan of all subscriptions, ~1 s at 100k).
  const counts = page.length
    ? await db.subscription.groupBy({
        by: ["customerId"],
        where: {
          customerId: { in: page.map((c) => c.id) },
          status: { in: ["ACTIVE", "SUSPENDED"] },
          parentId: null,
        },
        _count: { _all: true },
      })
    : [];
  const active = new Map(counts.map((c) => [c.customerId, c._count._all]));
  return {
    customers: page.map((c) => ({ ...c, activeServices: active.get(c.id) ?? 0 })),
    nextCursor: rows.length > limit ? page[page.length - 1].accountNumber : null,
  };
}
