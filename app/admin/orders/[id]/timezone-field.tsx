"use client";

/** Sends the browser's UTC offset with a datetime-local value so the server reads the right instant. */
export function TimezoneField() {
  const offset = -new Date().getTimezoneOffset();
  const sign = offset >= 0 ? "+" : "-";
  const abs = Math.abs(offset);
  const tz = `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
  return <input type="hidden" name="tz" value={tz} suppressHydrationWarning />;
}
