import { DateTime } from "@/components/ui/date-time";

/** On every admin page while the sandbox clock is moved: the business time everything runs on. */
export function SandboxClockBanner({
  now,
  locale,
  timeZone,
}: {
  now: Date;
  locale: string;
  timeZone: string;
}) {
  return (
    <div role="status" className="bg-amber-400 px-4 py-2 text-center text-sm text-amber-950">
      <strong>Sandbox clock:</strong> business time is{" "}
      <DateTime value={now} locale={locale} timeZone={timeZone} /> ({timeZone}). Billing, due dates
      and every scheduled job follow it. <code>DELETE /api/v1/sandbox/clock</code> returns to real
      time.
    </div>
  );
}
