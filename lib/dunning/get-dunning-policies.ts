// The ladder per customer class (defaults until staff save one) and the ISP's exclusion calendar.
import "server-only";
import { db, type Tx } from "@/lib/db";
import { fromDbDate, type IsoDate } from "@/lib/time/dates";
import { DEFAULT_POLICY, dunningPolicySchema, type DunningPolicy } from "./policy-schema";

export type CustomerClass = "RESIDENTIAL" | "BUSINESS";
export type DunningRules = {
  policies: Record<CustomerClass, DunningPolicy>;
  holidays: Set<IsoDate>;
  timeZone: string;
  country: string;
  paymentTermsDays: number;
  isp: { name: string; locale: string };
};

export async function getDunningPolicies(
  tx: Tx = db,
): Promise<Record<CustomerClass, DunningPolicy>> {
  const rows = await tx.dunningPolicy.findMany();
  const of = (customerType: CustomerClass): DunningPolicy => {
    const row = rows.find((r) => r.customerType === customerType);
    if (!row) return { ...DEFAULT_POLICY, customerType };
    const { updatedAt: _, ...stored } = row;
    return { ...dunningPolicySchema.parse(stored), customerType };
  };
  return { RESIDENTIAL: of("RESIDENTIAL"), BUSINESS: of("BUSINESS") };
}

export async function getDunningRules(tx: Tx = db): Promise<DunningRules> {
  const isp = await tx.ispSettings.findUniqueOrThrow({
    where: { id: 1 },
    select: { timeZone: true, country: true, paymentTermsDays: true, name: true, locale: true },
  });
  const holidays = await tx.publicHoliday.findMany({
    where: { country: isp.country },
    select: { date: true },
  });
  return {
    policies: await getDunningPolicies(tx),
    holidays: new Set(holidays.map((h) => fromDbDate(h.date))),
    timeZone: isp.timeZone,
    country: isp.country,
    paymentTermsDays: isp.paymentTermsDays,
    isp: { name: isp.name, locale: isp.locale },
  };
}
