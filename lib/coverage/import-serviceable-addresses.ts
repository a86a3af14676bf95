// Imports the "homes passed" list from CSV, all or nothing: every bad row is reported by its
// line number and no row is written unless the whole file is clean. Rows with an external id
// update the address already imported under it, so re-importing a corrected file is safe.
import "server-only";
import { parse } from "csv-parse/sync";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { checkbox, uploadedFile } from "@/lib/http/form-fields";
import { nulLine, text } from "@/lib/http/schemas";

export const MAX_ADDRESS_FILE_BYTES = 30 * 1024 * 1024;

/** The import form: the CSV file, and whether it replaces the whole list. */
export const importAddressesFormSchema = z.object({
  file: uploadedFile("Choose a CSV file"),
  replace: checkbox(),
});
const REQUIRED = ["line1", "city", "lat", "lng"];
const ALIASES: Record<string, string> = {
  address: "line1",
  street: "line1",
  external_id: "externalId",
  id: "externalId",
  postal_code: "postalCode",
  postcode: "postalCode",
  zip: "postalCode",
  latitude: "lat",
  longitude: "lng",
  lon: "lng",
};

const row = z.object({
  externalId: text()
    .trim()
    .max(64)
    .optional()
    .transform((v) => v || null),
  line1: text().trim().min(1, "address line is empty").max(160),
  suburb: text()
    .trim()
    .max(80)
    .optional()
    .transform((v) => v || null),
  city: text().trim().min(1, "city is empty").max(80),
  postalCode: text()
    .trim()
    .max(16)
    .optional()
    .transform((v) => v || null),
  lat: z.coerce
    .number({ error: "lat is not a number" })
    .min(-90, "lat must be between -90 and 90")
    .max(90, "lat must be between -90 and 90"),
  lng: z.coerce
    .number({ error: "lng is not a number" })
    .min(-180, "lng must be between -180 and 180")
    .max(180, "lng must be between -180 and 180"),
  technology: z
    .string()
    .trim()
    .toUpperCase()
    .optional()
    .transform((v) => v || "FIBRE")
    .pipe(
      z.enum(["FIBRE", "WIRELESS", "LTE"], { error: "technology must be FIBRE, WIRELESS or LTE" }),
    ),
});
type Row = z.output<typeof row>;

function parseCsv(text: string): Row[] {
  const nul = nulLine(text);
  if (nul)
    throw new AppError(
      "VALIDATION",
      `The file was not imported: line ${nul} contains a NUL character (is it really CSV?).`,
    );
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, {
      columns: (header: string[]) =>
        header.map((h) => {
          const k = h.trim().toLowerCase().replace(/\s+/g, "_");
          return ALIASES[k] ?? k;
        }),
      skip_empty_lines: true,
      trim: true,
      bom: true,
      info: true,
    });
  } catch (e) {
    throw new AppError(
      "VALIDATION",
      `The file was not imported: ${e instanceof Error ? e.message : "it is not valid CSV"}.`,
    );
  }
  if (!records.length) throw new AppError("VALIDATION", "The file has no address rows.");
  const missing = REQUIRED.filter((c) => !(c in records[0].record));
  if (missing.length)
    throw new AppError(
      "VALIDATION",
      `The file was not imported: the header lacks ${missing.join(", ")} (needed: line1, city, lat, lng; optional: external_id, suburb, postal_code, technology).`,
    );
  const problems: string[] = [];
  const rows: Row[] = [];
  const seen = new Map<string, number>();
  for (const { record, info } of records) {
    const parsed = row.safeParse(record);
    if (!parsed.success) {
      problems.push(`line ${info.lines}: ${parsed.error.issues.map((i) => i.message).join(", ")}`);
      continue;
    }
    const ext = parsed.data.externalId;
    if (ext && seen.has(ext))
      problems.push(`line ${info.lines}: external id ${ext} already used on line ${seen.get(ext)}`);
    if (ext) seen.set(ext, info.lines);
    rows.push(parsed.data);
  }
  if (problems.length) {
    throw new AppError(
      "VALIDATION",
      `The file was not imported: ${problems.slice(0, 10).join("; ")}${problems.length > 10 ? ` (and ${problems.length - 10} more)` : ""}.`,
    );
  }
  return rows;
}

export async function importServiceableAddresses(opts: {
  text: string;
  replace?: boolean;
  actor: Actor;
}) {
  assertCan(opts.actor, "coverage:write");
  if (opts.text.length > MAX_ADDRESS_FILE_BYTES)
    throw new AppError("VALIDATION", "The file is larger than 30 MB.");
  const rows = parseCsv(opts.text);
  const CHUNK = 5000;
  await db.$transaction(
    async (tx) => {
      if (opts.replace) await tx.serviceableAddress.deleteMany({});
      for (let i = 0; i < rows.length; i += CHUNK) {
        const chunk = rows.slice(i, i + CHUNK);
        const col = <K extends keyof Row>(k: K) => chunk.map((r) => r[k]);
        const search = chunk.map((r) =>
          [r.line1, r.suburb, r.city, r.postalCode].filter(Boolean).join(" ").toLowerCase(),
        );
        // One statement per chunk (unnest) rather than a round trip per row: 100k rows in seconds.
        await tx.$executeRaw`
          INSERT INTO "ServiceableAddress" ("id", "externalId", "line1", "suburb", "city", "postalCode", "searchText", "lat", "lng", "technology")
          SELECT 'sa_' || md5(random()::text || clock_timestamp()::text), e, l1, s, c, p, st, la, ln, t::"Technology"
            FROM unnest(${col("externalId")}::text[], ${col("line1")}::text[], ${col("suburb")}::text[], ${col("city")}::text[],
                        ${col("postalCode")}::text[], ${search}::text[], ${col("lat")}::float8[], ${col("lng")}::float8[], ${col("technology")}::text[])
                 AS u(e, l1, s, c, p, st, la, ln, t)
          ON CONFLICT ("externalId") DO UPDATE SET "line1" = EXCLUDED."line1", "suburb" = EXCLUDED."suburb", "city" = EXCLUDED."city",
            "postalCode" = EXCLUDED."postalCode", "searchText" = EXCLUDED."searchText", "lat" = EXCLUDED."lat", "lng" = EXCLUDED."lng",
            "technology" = EXCLUDED."technology"`;
      }
      await recordAudit(
        {
          actor: opts.actor,
          action: "coverage.import_addresses",
          entityType: "ServiceableAddress",
          data: { rows: rows.length, replace: Boolean(opts.replace) },
        },
        tx,
      );
    },
    { timeout: 300_000 },
  );
  return { imported: rows.length };
}
