// A job's cron in words for the Jobs page ("every 5 minutes"). Covers the shapes the registry
// uses; anything else is shown as the cron expression alone (null here).
const pad = (n: string) => n.padStart(2, "0");

export function describeCron(cron: string): string | null {
  const fields = cron.trim().split(/\s+/);
  if (fields.length !== 5) return null;
  const [minute, hour, dayOfMonth, month, dayOfWeek] = fields;
  if (dayOfMonth !== "*" || month !== "*" || dayOfWeek !== "*") return null;
  const every = /^\*\/(\d+)$/;
  if (hour === "*") {
    if (minute === "*") return "every minute";
    const m = every.exec(minute);
    if (m) return m[1] === "1" ? "every minute" : `every ${m[1]} minutes`;
    if (/^\d+$/.test(minute)) return `every hour at :${pad(minute)}`;
    return null;
  }
  if (/^\d+$/.test(hour) && /^\d+$/.test(minute)) return `daily at ${pad(hour)}:${pad(minute)} UTC`;
  return null;
}
