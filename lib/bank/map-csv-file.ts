// A person chose the columns of a CSV statement waiting for its mapping: the mapping is saved
// for that bank's header and the stored file imported with it.
import "server-only";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { AppError, notFound } from "@/lib/errors";
import { csvMappingSchema, type CsvMapping } from "./csv-mapping-schema";
import { importBankFile } from "./import-bank-file";

export type MapCsvFileOptions = { actor: Actor; fileId: string; mapping: CsvMapping };

export async function mapCsvFile({ actor, fileId, mapping }: MapCsvFileOptions) {
  assertCan(actor, "banking:write");
  const csvMapping = csvMappingSchema.parse(mapping);
  const file = await db.bankFile.findUnique({ where: { id: fileId } });
  if (!file) throw notFound("Bank file");
  if (file.status !== "NEEDS_MAPPING" || !file.content)
    throw new AppError("CONFLICT", "This file is not waiting for a column mapping.");
  return importBankFile({
    actor,
    fileName: file.fileName,
    content: Buffer.from(file.content, "utf8"),
    csvMapping,
  });
}
