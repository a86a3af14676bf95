// Bulk customers for benchmarks and load tests: `npm run seed -- --customers 100000`.
// Each customer gets a billing/service address, a portal login without a password and one
// active subscription to an existing plan: a monthly, quarterly or yearly anniversary cycle
// anchored on any day 1–31, so month-end clamping is exercised. Rows go in with multi-row
// INSERT … SELECT FROM unnest(arrays) in batches, each batch one transaction with its account
// numbers taken from the CUSTOMER series. Generated customers are demo data (removable).
import "server-only";
import { randomUUID } from "node:crypto";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { shiftAnniversary, INTERVAL_MONTHS } from "@/lib/billing/cycles";
import type { BillingInterval } from "@/lib/generated/prisma/enums";
import { takeNumbers } from "@/lib/numbering/take-numbers";
import { getSettings } from "@/lib/settings/get-settings";
import { now } from "@/lib/time/clock";
import { dateInZone, daysInMonth, makeDate, parts, toDbDate, type IsoDate } from "@/lib/time/dates";
import { seededRandom } from "./seed-demo";
import { FIRST_NAMES, LAST_NAMES, STREETS, SUBURBS, TOWN } from "./stellenbosch";

type Plan = {
  id: string;
  price: number;
  interval: BillingInterval;
  contractMonths: number;
  technology: string | null;
};

const LIVE_SUBURBS = SUBURBS.filter((s) => s.status === "LIVE");
const INTERVALS: [BillingInterval, number][] = [
  ["MONTH", 0.7],
  ["QUARTER", 0.2],
  ["YEAR", 0.1],
];

function pickInterval(r: number): BillingInterval {
  let acc = 0;
  for (const [interval, share] of INTERVALS) if ((acc += share) > r) return interval;
  return "MONTH";
}

/** The subscription's dates: started 1–24 months before `today`, next bill the first anniversary after it. */
export function anniversaryDates(
  today: IsoDate,
  monthsAgo: number,
  anchorDay: number,
  interval: BillingInterval,
  contractMonths: number,
) {
  const t = parts(today);
  const index = t.year * 12 + (t.month - 1) - monthsAgo;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  const start = makeDate(y, m, Math.min(anchorDay, daysInMonth(y, m)));
  const n = INTERVAL_MONTHS[interval];
  let k = 1;
  while (shiftAnniversary(start, k * n, anchorDay) <= today) k++;
  const next = shiftAnniversary(start, k * n, anchorDay);
  return {
    start,
    next,
    contractEnd: contractMonths ? shiftAnniversary(start, contractMonths, anchorDay) : null,
  };
}

async function insertBatch(
  tx: Tx,
  rows: {
    count: number;
    plans: Plan[];
    today: IsoDate;
    currency: string;
    country: string;
    rnd: () => number;
    at: Date;
  },
) {
  const { count, plans, today, rnd, at } = rows;
  const numbers = await takeNumbers(tx, "CUSTOMER", count);
  const A: Record<string, unknown[]> = { id: [], line1: [], suburb: [], lat: [], lng: [] };
  const C: Record<string, unknown[]> = {
    id: [],
    acc: [],
    type: [],
    first: [],
    last: [],
    company: [],
    email: [],
    phone: [],
    addr: [],
  };
  const U: Record<string, unknown[]> = { id: [], email: [], name: [], customer: [] };
  const S: Record<string, unknown[]> = {
    id: [],
    customer: [],
    product: [],
    addr: [],
    price: [],
    interval: [],
    start: [],
    anchor: [],
    next: [],
    contractEnd: [],
    radius: [],
  };
  for (let i = 0; i < count; i++) {
    const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
    const suburb = pick(LIVE_SUBURBS);
    const first = pick(FIRST_NAMES);
    const last = pick(LAST_NAMES);
    const acc = numbers[i];
    const business = rnd() < 0.08;
    const addressId = randomUUID();
    const customerId = randomUUID();
    const email = `${first}.${last}.${acc}@example.test`.toLowerCase().replace(/\s+/g, "");
    A.id.push(addressId);
    A.line1.push(`${1 + Math.floor(rnd() * 150)} ${pick(STREETS)}`);
    A.suburb.push(suburb.name);
    A.lat.push(suburb.lat + (rnd() - 0.5) * 0.01);
    A.lng.push(suburb.lng + (rnd() - 0.5) * 0.012);
    C.id.push(customerId);
    C.acc.push(acc);
    C.type.push(business ? "BUSINESS" : "RESIDENTIAL");
    C.first.push(first);
    C.last.push(last);
    C.company.push(
      business
        ? `${last} ${pick(["Attorneys", "Wines", "Design", "Dental", "Logistics", "Bakery"])}`
        : null,
    );
    C.email.push(email);
    C.phone.push(
      `+27 8${Math.floor(rnd() * 4) + 1} ${String(Math.floor(rnd() * 1e7))
        .padStart(7, "0")
        .replace(/(\d{3})(\d{4})/, "$1 $2")}`,
    );
    C.addr.push(addressId);
    U.id.push(randomUUID());
    U.email.push(email);
    U.name.push(`${first} ${last}`);
    U.customer.push(customerId);
    // A plan of the suburb's technology (fibre or wireless) when the catalogue has one.
    const offered = plans.filter((p) => p.technology === suburb.tech);
    const plan = pick(offered.length ? offered : plans);
    const interval = pickInterval(rnd());
    const anchor = 1 + Math.floor(rnd() * 31);
    const dates = anniversaryDates(
      today,
      1 + Math.floor(rnd() * 24),
      anchor,
      interval,
      plan.contractMonths,
    );
    // Plan prices are per the plan's interval; scale to the subscription's.
    const monthly = plan.price / INTERVAL_MONTHS[plan.interval];
    S.id.push(randomUUID());
    S.customer.push(customerId);
    S.product.push(plan.id);
    S.addr.push(addressId);
    S.price.push(Math.round(monthly * INTERVAL_MONTHS[interval]));
    S.interval.push(interval);
    S.start.push(dates.start);
    S.anchor.push(anchor);
    S.next.push(dates.next);
    S.contractEnd.push(dates.contractEnd);
    S.radius.push(`${acc.toLowerCase()}@bulk`);
  }
  await tx.$executeRaw`
    INSERT INTO "Address" ("id", "line1", "suburb", "city", "postalCode", "region", "country", "lat", "lng")
    SELECT id, line1, suburb, ${TOWN.name}, ${TOWN.postalCode}, ${TOWN.region}, ${rows.country}, lat, lng
    FROM unnest(${A.id}::text[], ${A.line1}::text[], ${A.suburb}::text[], ${A.lat}::float8[], ${A.lng}::float8[]) AS t(id, line1, suburb, lat, lng)`;
  await tx.$executeRaw`
    INSERT INTO "Customer" ("id", "accountNumber", "paymentReference", "type", "status", "firstName", "lastName", "companyName",
      "email", "phone", "billingAddressId", "currency", "isDemo", "termsAcceptedAt", "privacyAcceptedAt", "createdAt", "updatedAt")
    SELECT id, acc, acc, type::"CustomerType", 'ACTIVE', first, last, company, email, phone, addr, ${rows.currency}, true, ${at}, ${at}, ${at}, ${at}
    FROM unnest(${C.id}::text[], ${C.acc}::text[], ${C.type}::text[], ${C.first}::text[], ${C.last}::text[], ${C.company}::text[],
      ${C.email}::text[], ${C.phone}::text[], ${C.addr}::text[]) AS t(id, acc, type, first, last, company, email, phone, addr)`;
  await tx.$executeRaw`
    INSERT INTO "User" ("id", "email", "name", "role", "customerId", "createdAt", "updatedAt")
    SELECT id, email, name, 'CUSTOMER', customer, ${at}, ${at}
    FROM unnest(${U.id}::text[], ${U.email}::text[], ${U.name}::text[], ${U.customer}::text[]) AS t(id, email, name, customer)`;
  await tx.$executeRaw`
    INSERT INTO "Subscription" ("id", "customerId", "productId", "status", "serviceAddressId", "price", "interval", "cycleMode",
      "startDate", "anchorDay", "billedThrough", "nextBillDate", "contractEndDate", "radiusUsername", "createdAt", "updatedAt")
    SELECT id, customer, product, 'ACTIVE', addr, price, interval::"BillingInterval", 'ANNIVERSARY',
      start::date, anchor, next::date, next::date, contract_end::date, radius, ${at}, ${at}
    FROM unnest(${S.id}::text[], ${S.customer}::text[], ${S.product}::text[], ${S.addr}::text[], ${S.price}::int[], ${S.interval}::text[],
      ${S.start}::text[], ${S.anchor}::int[], ${S.next}::text[], ${S.contractEnd}::text[], ${S.radius}::text[])
      AS t(id, customer, product, addr, price, interval, start, anchor, next, contract_end, radius)`;
}

export async function generateCustomers(opts: {
  count: number;
  batchSize?: number;
  seed?: number;
  log?: (m: string) => void;
}) {
  const log = opts.log ?? (() => {});
  const settings = await getSettings();
  const plans: Plan[] = await db.product.findMany({
    where: { kind: "PLAN", status: "ACTIVE" },
    select: { id: true, price: true, interval: true, contractMonths: true, technology: true },
  });
  if (!plans.length)
    throw new AppError(
      "UNPROCESSABLE",
      "There are no active plans to subscribe customers to: add plans in the catalogue first.",
    );
  const today = dateInZone(now(), settings.timeZone);
  const rnd = seededRandom(opts.seed ?? Date.now());
  const batchSize = opts.batchSize ?? 5000;
  const at = now();
  let done = 0;
  while (done < opts.count) {
    const count = Math.min(batchSize, opts.count - done);
    await db.$transaction(
      (tx) =>
        insertBatch(tx, {
          count,
          plans,
          today,
          currency: settings.currency,
          country: settings.country,
          rnd,
          at,
        }),
      { timeout: 120_000 },
    );
    done += count;
    log(`${done.toLocaleString("en")} / ${opts.count.toLocaleString("en")} customers`);
  }
  await db.ispSettings.update({ where: { id: 1 }, data: { hasDemoData: true } });
  await db.$executeRawUnsafe(`ANALYZE "Customer", "Address", "User", "Subscription"`);
  return { created: done, today: toDbDate(today) };
}
