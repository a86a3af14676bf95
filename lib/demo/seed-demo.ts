// Loads the demo ISP into an empty database so a newcomer sees a working product at once.
// Deterministic (seeded random), so screenshots and tests see the same town every time.
import "server-only";
import { addDays, addMonths, formatISO } from "date-fns";
import { HISTORY_DAYS, seedBillingHistory, type Payer } from "./seed-billing-history";
import { db } from "@/lib/db";
import type { Prisma, Product } from "@/lib/generated/prisma/client";
import { randomUUID } from "node:crypto";
import { hashPassword } from "@/lib/auth/password";
import { createIsp } from "@/lib/setup/create-isp";
import { takeNumbers } from "@/lib/numbering/take-numbers";
import { bboxOf } from "@/lib/demo/bbox";
import { FIRST_NAMES, LAST_NAMES, STREETS, SUBURBS, TOWN, suburbPolygon } from "./stellenbosch";
import { DEMO_ADDONS, DEMO_PLANS } from "./demo-catalog";

export function seededRandom(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const pick = <T>(rnd: () => number, list: readonly T[]) => list[Math.floor(rnd() * list.length)];
const dateOnly = (d: Date) => new Date(`${formatISO(d, { representation: "date" })}T00:00:00Z`);

export const DEMO_STAFF = [
  { email: "sales@bolandfibre.test", name: "Sam Sales", role: "SALES" },
  { email: "accounts@bolandfibre.test", name: "Ann Accounts", role: "ACCOUNTS" },
  { email: "support@bolandfibre.test", name: "Sue Support", role: "SUPPORT" },
  { email: "tech@bolandfibre.test", name: "Theo Technician", role: "TECHNICIAN" },
] as const;
export const DEMO_CUSTOMER_EMAIL = "customer@bolandfibre.test";

/** Seeds the demo ISP with `customers` customers. Returns the accounts that can sign in. */
export async function seedDemo(opts: {
  adminEmail: string;
  adminPassword: string;
  staffPassword: string;
  customers?: number;
  today?: Date;
}) {
  const rnd = seededRandom(7600);
  await createIsp({
    name: "Boland Fibre",
    country: "ZA",
    currency: "ZAR",
    timeZone: "Africa/Johannesburg",
    locale: "en-ZA",
    taxName: "VAT",
    taxRate: 15,
    pricesIncludeTax: true,
    adminName: "Alex Admin",
    adminEmail: opts.adminEmail,
    adminPassword: opts.adminPassword,
    hasDemoData: true,
    mapCenter: TOWN.center,
  });
  await db.ispSettings.update({
    where: { id: 1 },
    data: {
      legalName: "Boland Fibre (Pty) Ltd",
      taxNumber: "4123456789",
      registrationNumber: "2019/123456/07",
      email: "accounts@bolandfibre.test",
      phone: "+27 21 555 0100",
      website: "https://bolandfibre.test",
      addressLine1: "12 Bird Street",
      city: TOWN.name,
      postalCode: TOWN.postalCode,
      region: TOWN.region,
      bankName: "First National Bank",
      bankAccountName: "Boland Fibre (Pty) Ltd",
      bankAccountNumber: "62812345678",
      bankBranchCode: "250655",
      requireIdNumber: true,
    },
  });
  const staffHash = await hashPassword(opts.staffPassword);
  await db.user.createMany({ data: DEMO_STAFF.map((s) => ({ ...s, passwordHash: staffHash })) });

  const standard = await db.taxClass.findUniqueOrThrow({ where: { code: "STANDARD" } });
  const areas = await Promise.all(
    SUBURBS.map((s) => {
      const geometry = suburbPolygon(s);
      return db.coverageArea.create({
        data: { name: s.name, technology: s.tech, status: s.status, geometry, ...bboxOf(geometry) },
      });
    }),
  );
  const products: Product[] = [];
  for (const [i, p] of [...DEMO_PLANS, ...DEMO_ADDONS].entries()) {
    const offeredIn = areas.filter(
      (a) => !("technology" in p) || p.technology === undefined || a.technology === p.technology,
    );
    products.push(
      await db.product.create({
        data: {
          ...p,
          sortOrder: i,
          taxClassId: standard.id,
          coverageAreas: { connect: offeredIn.map((a) => ({ id: a.id })) },
        },
      }),
    );
  }

  // Homes passed: a few hundred fibre addresses inside the live fibre areas.
  const fibreLive = SUBURBS.filter((s) => s.tech === "FIBRE" && s.status === "LIVE");
  const homes = Array.from({ length: 400 }, (_, i) => {
    const s = fibreLive[i % fibreLive.length];
    const line1 = `${1 + Math.floor(rnd() * 120)} ${pick(rnd, STREETS)}`;
    return {
      externalId: `HP-${String(i + 1).padStart(5, "0")}`,
      line1,
      suburb: s.name,
      city: TOWN.name,
      postalCode: TOWN.postalCode,
      searchText: `${line1} ${s.name} ${TOWN.name} ${TOWN.postalCode}`.toLowerCase(),
      lat: s.lat + (rnd() - 0.5) * 0.008,
      lng: s.lng + (rnd() - 0.5) * 0.01,
      technology: "FIBRE" as const,
    };
  });
  await db.serviceableAddress.createMany({ data: homes, skipDuplicates: true });

  const count = opts.customers ?? 200;
  const today = opts.today ?? new Date();
  const customerHash = await hashPassword(opts.staffPassword);
  const live = SUBURBS.filter((s) => s.status === "LIVE");
  // Built in memory and written with one createMany per table: a few hundred round trips
  // would make the first start noticeably slower.
  const numbers = await db.$transaction((tx) => takeNumbers(tx, "CUSTOMER", count));
  const addresses: Prisma.AddressCreateManyInput[] = [];
  const customers: Prisma.CustomerCreateManyInput[] = [];
  const users: Prisma.UserCreateManyInput[] = [];
  const subscriptions: Prisma.SubscriptionCreateManyInput[] = [];
  const staticIp = products.find((p) => p.code === "STATIC-IP")!;
  const planChanges: Prisma.PlanChangeCreateManyInput[] = [];
  const payers = new Map<string, Payer>();
  for (let i = 0; i < count; i++) {
    const suburb = live[i % live.length];
    const firstName = pick(rnd, FIRST_NAMES);
    const lastName = pick(rnd, LAST_NAMES);
    const email =
      i === 0
        ? DEMO_CUSTOMER_EMAIL
        : `${firstName}.${lastName}.${i}@example.test`.toLowerCase().replace(/\s+/g, "");
    const business = i % 9 === 0 && i > 0;
    const address = {
      id: randomUUID(),
      line1: `${1 + Math.floor(rnd() * 120)} ${pick(rnd, STREETS)}`,
      suburb: suburb.name,
      city: TOWN.name,
      postalCode: TOWN.postalCode,
      region: TOWN.region,
      country: "ZA",
      lat: suburb.lat + (rnd() - 0.5) * 0.008,
      lng: suburb.lng + (rnd() - 0.5) * 0.01,
    };
    addresses.push(address);
    const customerId = randomUUID();
    customers.push({
      id: customerId,
      accountNumber: numbers[i],
      paymentReference: numbers[i],
      type: business ? "BUSINESS" : "RESIDENTIAL",
      status: "ACTIVE",
      firstName,
      lastName,
      companyName: business
        ? `${lastName} ${pick(rnd, ["Attorneys", "Wines", "Design", "Dental", "Consulting"])}`
        : null,
      email,
      phone: `+27 82 ${String(1000000 + Math.floor(rnd() * 8999999)).replace(/(\d{3})(\d{4})/, "$1 $2")}`,
      currency: "ZAR",
      billingAddressId: address.id,
      termsAcceptedAt: today,
      privacyAcceptedAt: today,
      isDemo: true,
    });
    users.push({
      email,
      name: `${firstName} ${lastName}`,
      role: "CUSTOMER",
      customerId,
      passwordHash: i === 0 ? customerHash : null,
    });
    const plan = pick(
      rnd,
      products.filter((p) => p.kind === "PLAN" && p.technology === suburb.tech),
    );
    // A few customers joined during the history window (new MRR); the rest before it.
    const newcomer = i > 0 && rnd() < 0.08;
    const start = newcomer
      ? dateOnly(addDays(today, -(5 + Math.floor(rnd() * 50))))
      : dateOnly(addMonths(today, -1 - Math.floor(rnd() * 17)));
    if (!newcomer) start.setUTCDate(1 + Math.floor(rnd() * 28));
    // Periods before the history window were billed by "the previous system"; the replayed
    // billing runs (seed-billing-history.ts) bill the rest.
    const historyStart = addDays(today, -HISTORY_DAYS);
    let k = 0;
    while (addMonths(start, k) < historyStart) k++;
    const next = dateOnly(addMonths(start, k)); // anniversary computed from the anchor, so 31sts return
    const cycle = {
      status: "ACTIVE",
      cycleMode: "ANNIVERSARY",
      startDate: start,
      anchorDay: start.getUTCDate(),
      billedThrough: next,
      nextBillDate: next,
      serviceAddressId: address.id,
    } as const;
    const subId = randomUUID();
    // Some leave or change plan at the period end after the first one billed in the window
    // (churn, expansion and contraction in the MRR report).
    const periodEnd = dateOnly(addMonths(start, k + 1));
    const inWindow = i > 0 && !newcomer && periodEnd < addDays(today, -2);
    const leaves = inWindow && rnd() < 0.06;
    const moves = inWindow && !leaves && rnd() < 0.08;
    subscriptions.push({
      ...cycle,
      id: subId,
      customerId,
      productId: plan.id,
      price: plan.price,
      interval: plan.interval,
      contractEndDate: plan.contractMonths ? dateOnly(addMonths(start, plan.contractMonths)) : null,
      radiusUsername: `${numbers[i].toLowerCase()}@bolandfibre`,
      ...(leaves && { cancelAt: periodEnd, cancelRequestedOn: dateOnly(addDays(periodEnd, -20)) }),
    });
    const others = products.filter(
      (p) => p.kind === "PLAN" && p.technology === suburb.tech && p.id !== plan.id,
    );
    if (moves && others.length)
      planChanges.push({
        subscriptionId: subId,
        toProductId: pick(rnd, others).id,
        effectiveDate: periodEnd,
      });
    payers.set(customerId, {
      debitOrder: rnd() < 0.45,
      business,
      tenureMonths: Math.max(
        0,
        Math.round((today.getTime() - start.getTime()) / (30.44 * 86400000)),
      ),
      habit: (rnd() - 0.5) * 3,
    });
    if (rnd() < 0.3) {
      subscriptions.push({
        ...cycle,
        customerId,
        productId: staticIp.id,
        parentId: subId,
        price: staticIp.price,
        interval: staticIp.interval,
        ...(leaves && {
          cancelAt: periodEnd,
          cancelRequestedOn: dateOnly(addDays(periodEnd, -20)),
        }),
      });
    }
  }
  await db.$transaction(
    async (tx) => {
      await tx.address.createMany({ data: addresses });
      await tx.customer.createMany({ data: customers });
      await tx.user.createMany({ data: users });
      await tx.subscription.createMany({ data: subscriptions });
      await tx.planChange.createMany({ data: planChanges });
    },
    { timeout: 60_000 },
  );
  await seedBillingHistory(today, rnd, payers);
  return {
    admin: opts.adminEmail,
    staff: DEMO_STAFF.map((s) => s.email),
    customer: DEMO_CUSTOMER_EMAIL,
  };
}
