// The exclusion calendar's public holidays for the ISP's country (admin settings).
import "server-only";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { fromDbDate } from "@/lib/time/dates";

export async function listHolidays({ actor }: { actor: Actor }) {
  assertCan(actor, "billing:read");
  const isp = await db.ispSettings.findUniqueOrThrow({
    where: { id: 1 },
    select: { country: true },
  });
  const rows = await db.publicHoliday.findMany({
    where: { country: isp.country },
    orderBy: { date: "asc" },
  });
  return rows.map((r) => ({
    id: r.id,
    date: fromDbDate(r.date),
    name: r.name,
    country: r.country,
  }));
}
