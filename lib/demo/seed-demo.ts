// Loads the demo ISP into an empty database so a newcomer sees a working product at once.
// Deterministic (seeded random), so screenshots and tests see the same town every time.
import { addMonths, formatISO } from "date-fns";
import { db } from "@/lib/db";
import type { Product } from "@/lib/generated/prisma/client";
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

const pick = <T,>(rnd: () => number, list: readonly T[]) => list[Math.floor(rnd() * list.length)];
const dateOnly = (d: Date) => new Date(`${formatISO(d, { representation: "date" })}T00:00:00Z`);

export const DEMO_STAFF = [
  { email: "sales@bolandfibre.test", name: "Sam Sales", role: "SALES" },
  { email: "accounts@bolandfibre.test", name: "Ann Accounts", role: "ACCOUNTS" },
  { email: "support@bolandfibre.test", name: "Sue Support", role: "SUPPORT" },
  { email: "tech@bolandfibre.test", name: "Theo Technician", role: "TECHNICIAN" },
] as const;
export const DEMO_CUSTOMER_EMAIL = "customer@bolandfibre.test";

/** Seeds the demo ISP with `customers` customers. Returns the accounts that can sign in. */
export async function seedDemo(opts: { adminEmail: string; adminPassword: string; staffPassword: string; customers?: number; today?: Date }) {
  const rnd = seededRandom(7600);
  await createIsp(
    {
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
    },
    { hasDemoData: true, mapCenter: TOWN.center },
  );
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
    const offeredIn = areas.filter((a) => !("technology" in p) || p.technology === undefined || a.technology === p.technology);
    products.push(
      await db.product.create({
        data: { ...p, sortOrder: i, taxClassId: standard.id, coverageAreas: { connect: offeredIn.map((a) => ({ id: a.id })) } },
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
      lng: s.lng + (rnd() - 0.5) * 0.010,
      technology: "FIBRE" as const,
    };
  });
  await db.serviceableAddress.createMany({ data: homes, skipDuplicates: true });

  const count = opts.customers ?? 200;
  const today = opts.today ?? new Date();
  const customerHash = await hashPassword(opts.staffPassword);
  const live = SUBURBS.filter((s) => s.status === "LIVE");
  await db.$transaction(
    async (tx) => {
      const numbers = await takeNumbers(tx, "CUSTOMER", count);
      for (let i = 0; i < count; i++) {
        const suburb = live[i % live.length];
        const firstName = pick(rnd, FIRST_NAMES);
        const lastName = pick(rnd, LAST_NAMES);
        const email = i === 0 ? DEMO_CUSTOMER_EMAIL : `${firstName}.${lastName}.${i}@example.test`.toLowerCase().replace(/\s+/g, "");
        const business = i % 9 === 0 && i > 0;
        const address = await tx.address.create({
          data: {
            line1: `${1 + Math.floor(rnd() * 120)} ${pick(rnd, STREETS)}`,
            suburb: suburb.name,
            city: TOWN.name,
            postalCode: TOWN.postalCode,
            region: TOWN.region,
            country: "ZA",
            lat: suburb.lat + (rnd() - 0.5) * 0.008,
            lng: suburb.lng + (rnd() - 0.5) * 0.01,
          },
        });
        const customer = await tx.customer.create({
          data: {
            accountNumber: numbers[i],
            paymentReference: numbers[i],
            type: business ? "BUSINESS" : "RESIDENTIAL",
            status: "ACTIVE",
            firstName,
            lastName,
            companyName: business ? `${lastName} ${pick(rnd, ["Attorneys", "Wines", "Design", "Dental", "Consulting"])}` : null,
            email,
            phone: `+27 82 ${String(1000000 + Math.floor(rnd() * 8999999)).replace(/(\d{3})(\d{4})/, "$1 $2")}`,
            currency: "ZAR",
            billingAddressId: address.id,
            termsAcceptedAt: today,
            privacyAcceptedAt: today,
            isDemo: true,
            user: { create: { email, name: `${firstName} ${lastName}`, role: "CUSTOMER", passwordHash: i === 0 ? customerHash : null } },
          },
        });
        const plans = products.filter((p) => p.kind === "PLAN" && p.technology === suburb.tech);
        const plan = pick(rnd, plans);
        const start = dateOnly(addMonths(today, -1 - Math.floor(rnd() * 17)));
        start.setUTCDate(1 + Math.floor(rnd() * 28));
        let k = 0;
        while (addMonths(start, k) <= today) k++;
        const next = dateOnly(addMonths(start, k)); // anniversary computed from the anchor, so 31sts return
        const sub = await tx.subscription.create({
          data: {
            customerId: customer.id,
            productId: plan.id,
            status: "ACTIVE",
            serviceAddressId: address.id,
            price: plan.price,
            interval: plan.interval,
            cycleMode: "ANNIVERSARY",
            startDate: start,
            anchorDay: start.getUTCDate(),
            billedThrough: next,
            nextBillDate: next,
            contractEndDate: plan.contractMonths ? dateOnly(addMonths(start, plan.contractMonths)) : null,
            radiusUsername: `${numbers[i].toLowerCase()}@bolandfibre`,
          },
        });
        if (rnd() < 0.3) {
          const addon = products.find((p) => p.code === "STATIC-IP")!;
          await tx.subscription.create({
            data: {
              customerId: customer.id, productId: addon.id, parentId: sub.id, status: "ACTIVE", price: addon.price,
              interval: addon.interval, cycleMode: "ANNIVERSARY", startDate: start, anchorDay: start.getUTCDate(),
              billedThrough: next, nextBillDate: next, serviceAddressId: address.id,
            },
          });
        }
      }
    },
    { timeout: 120_000 },
  );
  return { admin: opts.adminEmail, staff: DEMO_STAFF.map((s) => s.email), customer: DEMO_CUSTOMER_EMAIL };
}
