/** An instant shown in the ISP's locale and time zone. */
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
  const text = new Intl.DateTimeFormat(locale, {
    dateStyle: "medium",
    ...(dateOnly ? {} : { timeStyle: "short" }),
    timeZone,
  }).format(d);
  return <time dateTime={d.toISOString()}>{text}</time>;
}
