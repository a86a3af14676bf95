import "server-only";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { serializeBankFile } from "./serialize-bank-file";

export type ListBankFilesOptions = { actor: Actor; limit?: number };

export async function listBankFiles({ actor, limit = 100 }: ListBankFilesOptions) {
  assertCan(actor, "payments:read");
  const rows = await db.bankFile.findMany({ orderBy: { createdAt: "desc" }, take: limit });
  return rows.map(serializeBankFile);
}
