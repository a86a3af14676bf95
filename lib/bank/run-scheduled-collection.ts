// The automatic collection run (job bank.build-collection): on the day that lies the
// pre-notification period before a collection day (IspSettings.bankCollectionDays), build that
// day's batch once (autoKey), so customers can be told N days ahead. Idempotent.
import "server-only";
import { db } from "@/lib/db";
import { SYSTEM } from "@/lib/auth/roles";
import { todayForIsp } from "@/lib/billing/billing-settings";
import { addDays, parts } from "@/lib/time/dates";
import { buildCollection } from "./build-collection";

export async function runScheduledCollection() {
  const s = await db.ispSettings.findUnique({
    where: { id: 1 },
    select: { bankCollectionDays: true, bankPrenotifyDays: true, creditorId: true },
  });
  const days = new Set(
    (s?.bankCollectionDays ?? "")
      .split(",")
      .map((d) => Number(d.trim()))
      .filter((d) => Number.isInteger(d) && d >= 1 && d <= 31),
  );
  if (!s || !days.size) return { skipped: "no collection days configured" };
  if (!s.creditorId) return { skipped: "no creditor scheme id in settings" };
  const collectionDate = addDays(await todayForIsp(), s.bankPrenotifyDays);
  if (!days.has(parts(collectionDate).day))
    return { skipped: `${collectionDate} is not a collection day` };
  const { batch, created } = await buildCollection({
    actor: SYSTEM,
    collectionDate,
    autoKey: `auto:${collectionDate}`,
  });
  return { collectionDate, created, items: batch?.itemCount ?? 0 };
}
