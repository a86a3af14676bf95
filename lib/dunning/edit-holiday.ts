// Adds or removes a public holiday of the ISP's country (the exclusion calendar). Audited.
import "server-only";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { assertIsoDate, toDbDate } from "@/lib/time/dates";

export type EditHolidayOptions =
  { actor: Actor; add: { date: string; name: string } } | { actor: Actor; removeId: string };

export async function editHoliday(opts: EditHolidayOptions) {
  assertCan(opts.actor, "settings:write");
  return db.$transaction(async (tx) => {
    const isp = await tx.ispSettings.findUniqueOrThrow({
      where: { id: 1 },
      select: { country: true },
    });
    if ("removeId" in opts) {
      const gone = await tx.publicHoliday.deleteMany({ where: { id: opts.removeId } });
      if (!gone.count) throw new AppError("NOT_FOUND", "Holiday not found");
    } else {
      const date = assertIsoDate(opts.add.date);
      const name = opts.add.name.trim();
      if (!name || name.length > 100)
        throw new AppError("VALIDATION", "Name the holiday.", { name: "1 to 100 characters" });
      const exists = await tx.publicHoliday.findUnique({
        where: { country_date: { country: isp.country, date: toDbDate(date) } },
      });
      if (exists)
        throw new AppError("CONFLICT", `${date} is already a holiday.`, { date: "already listed" });
      await tx.publicHoliday.create({ data: { country: isp.country, date: toDbDate(date), name } });
    }
    await recordAudit(
      {
        actor: opts.actor,
        action: "removeId" in opts ? "dunning.holiday_remove" : "dunning.holiday_add",
        entityType: "PublicHoliday",
        data: "removeId" in opts ? { id: opts.removeId } : opts.add,
      },
      tx,
    );
  });
}
