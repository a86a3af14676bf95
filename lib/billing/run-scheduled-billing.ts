// The daily billing sweep, called every hour: from the ISP's billing hour on (in its time zone)
// it bills today's date once; every call also finalises drafts whose review hold has passed.
// Running it again, late or twice is safe: a completed run for today means there is nothing to do,
// and even a second run would bill nothing new (money rule 3).
import { db } from "@/lib/db";
import { SYSTEM } from "@/lib/auth/roles";
import { getSettings } from "@/lib/settings/get-settings";
import { now } from "@/lib/time/clock";
import { dateInZone, instantInZone, toDbDate } from "@/lib/time/dates";
import { finalizeDueInvoices } from "@/lib/invoices/finalize-invoice";
import { runBilling, type BillingRunSummary } from "./run-billing";

export async function runScheduledBilling(): Promise<{
  run: BillingRunSummary | null;
  finalizedHeld: string[];
}> {
  const settings = await getSettings();
  const at = now();
  const asOf = dateInZone(at, settings.timeZone);
  let run: BillingRunSummary | null = null;
  if (at >= instantInZone(asOf, settings.billingHour, settings.timeZone)) {
    const done = await db.billingRun.count({
      where: { asOf: toDbDate(asOf), status: "COMPLETED", trigger: "cron" },
    });
    if (!done) run = await runBilling({ asOf, actor: SYSTEM, trigger: "cron" });
  }
  const finalizedHeld = await finalizeDueInvoices({ actor: SYSTEM });
  return { run, finalizedHeld };
}
