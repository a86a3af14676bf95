// The range a report page shows: the URL's when valid, else the last `months` months to today.
import { reportRangeSchema } from "@/lib/reports/report-range-schema";
import { addDays, type IsoDate } from "@/lib/time/dates";

export function pageRange(sp: { from?: string; to?: string }, today: IsoDate, months = 6) {
  const parsed = reportRangeSchema.safeParse(sp);
  if (parsed.success) return parsed.data;
  const [y, m] = today.split("-").map(Number);
  const start = new Date(Date.UTC(y, m - months, 1)).toISOString().slice(0, 10);
  return { from: start, to: addDays(today, 0) };
}
