// Report periods are calendar months ("2026-11") of dates in the ISP's time zone.
import { Prisma } from "@/lib/generated/prisma/client";

/** `YYYY-MM` of a date column. */
export const monthOf = (column: Prisma.Sql) => Prisma.sql`to_char(${column}, 'YYYY-MM')`;

/** The ISP-zone date of a timestamptz column. */
export const zoneDate = (column: Prisma.Sql, timeZone: string) =>
  Prisma.sql`(${column} AT TIME ZONE ${timeZone})::date`;

/** Tax rates come back as numeric text ("15.0000"); reports show them without trailing zeros. */
export const rateText = (rate: string) => String(Number(rate));
