// Test data for billing integration tests, written through Prisma like any service would.
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { BillingInterval, CycleMode } from "@/lib/generated/prisma/enums";
import { setClock } from "@/lib/time/clock";
import { parts, toDbDate, type IsoDate } from "@/lib/time/dates";

export async function setupIsp(over: Partial<Prisma.IspSettingsCreateInput> = {}) {
  await db.ispSettings.upsert({
    where: { id: 1 },
    update: over,
    create: {
      id: 1,
      name: "Valley Fibre",
      legalName: "Valley Fibre (Pty) Ltd",
      taxNumber: "4123456789",
      country: "ZA",
      currency: "ZAR",
      timeZone: "Africa/Johannesburg",
      locale: "en-ZA",
      pricesIncludeTax: true,
      paymentTermsDays: 7,
      addressLine1: "1 Main Road",
      city: "Stellenbosch",
      postalCode: "7600",
      email: "billing@valley.example",
      bankName: "First Bank",
      bankAccountName: "Valley Fibre",
      bankAccountNumber: "62001234567",
      bankBranchCode: "250655",
      ...over,
    },
  });
  const vat = await db.taxClass.upsert({
    where: { code: "VAT" },
    update: {},
    create: { code: "VAT", name: "VAT 15%", rate: "15", isDefault: true },
  });
  const zero = await db.taxClass.upsert({
    where: { code: "ZERO" },
    update: {},
    create: { code: "ZERO", name: "Zero-rated", rate: "0" },
  });
  return { vat, zero };
}

let seq = 0;
export async function createProduct(
  over: Partial<Prisma.ProductUncheckedCreateInput> & { taxClassId: string },
) {
  seq++;
  return db.product.create({
    data: {
      code: `P${seq}-${Math.random().toString(36).slice(2, 7)}`,
      name: `Fibre ${seq}`,
      kind: "PLAN",
      price: 30000,
      interval: "MONTH",
      ...over,
    },
  });
}

export async function createCustomer(over: Partial<Prisma.CustomerUncheckedCreateInput> = {}) {
  seq++;
  const n = `${Date.now().toString(36)}${seq}`;
  return db.customer.create({
    data: {
      accountNumber: `A${n}`,
      paymentReference: `R${n}`,
      firstName: "Thandi",
      lastName: `Test${seq}`,
      email: `c${n}@example.com`,
      currency: "ZAR",
      status: "ACTIVE",
      ...over,
    },
  });
}

export async function createSubscription(opts: {
  customerId: string;
  product: { id: string; price: number; interval: BillingInterval };
  startDate: IsoDate;
  cycleMode?: CycleMode;
  anchorDay?: number;
  quantity?: number;
  contractEndDate?: IsoDate;
}) {
  return db.subscription.create({
    data: {
      customerId: opts.customerId,
      productId: opts.product.id,
      status: "ACTIVE",
      price: opts.product.price,
      interval: opts.product.interval,
      cycleMode: opts.cycleMode ?? "ANNIVERSARY",
      startDate: toDbDate(opts.startDate),
      nextBillDate: toDbDate(opts.startDate),
      anchorDay: opts.anchorDay ?? (opts.cycleMode === "CALENDAR" ? 1 : parts(opts.startDate).day),
      quantity: opts.quantity ?? 1,
      contractEndDate: opts.contractEndDate ? toDbDate(opts.contractEndDate) : null,
    },
  });
}

/** Sets the injected clock to 09:00 in Johannesburg on `date`. */
export function travelTo(date: IsoDate) {
  setClock(new Date(`${date}T07:00:00.000Z`));
}
