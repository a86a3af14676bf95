import type { Tx } from "@/lib/db";
import { db } from "@/lib/db";
import { getSettings } from "@/lib/settings/get-settings";
import { dateInZone, type IsoDate } from "@/lib/time/dates";
import { now } from "@/lib/time/clock";
import type { BillingSettings } from "./bill-customers-tx";

/** The billing part of the ISP's settings. */
export async function getBillingSettings(
  tx: Tx = db,
): Promise<BillingSettings & { timeZone: string; currency: string; billingHour: number }> {
  const s = await getSettings(tx);
  return {
    pricesIncludeTax: s.pricesIncludeTax,
    paymentTermsDays: s.paymentTermsDays,
    suspensionBilling: s.suspensionBilling,
    invoiceHoldHours: s.invoiceHoldHours,
    timeZone: s.timeZone,
    currency: s.currency,
    billingHour: s.billingHour,
  };
}

/** Today's date in the ISP's time zone, from the injected clock. */
export async function todayForIsp(tx: Tx = db): Promise<IsoDate> {
  const s = await getSettings(tx);
  return dateInZone(now(), s.timeZone);
}
