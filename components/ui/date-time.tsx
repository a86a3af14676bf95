import { formatDateTime, formatInstantDate } from "@/lib/format/dates";

/** An instant shown in the ISP's locale and time zone (lib/format/dates.ts). */
export function DateTime({
  value,
  locale,
  timeZone,
  dateOnly,
}: {
  value: Date | string | null | undefined;
  locale: string;
  timeZone: string;
  dateOnly?: boolean;
}) {
  if (!value) return <span className="text-slate-400">—</span>;
  const d = typeof value === "string" ? new Date(value) : value;
  const at = { locale, timeZone };
  return (
    <time dateTime={d.toISOString()}>
      {dateOnly ? formatInstantDate(d, at) : formatDateTime(d, at)}
    </time>
  );
}
