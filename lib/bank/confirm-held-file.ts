// A file held for an unknown account, confirmed by a person: the account is added to the ISP's
// accounts and the stored file imported as if uploaded with acceptUnknownAccount=true.
import "server-only";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { AppError, notFound } from "@/lib/errors";
import { importBankFile } from "./import-bank-file";

export type ConfirmHeldFileOptions = { actor: Actor; fileId: string };

export async function confirmHeldFile({ actor, fileId }: ConfirmHeldFileOptions) {
  assertCan(actor, "banking:write");
  const file = await db.bankFile.findUnique({ where: { id: fileId } });
  if (!file) throw notFound("Bank file");
  if (file.status !== "HELD" || !file.content)
    throw new AppError("CONFLICT", "This file is not held.");
  return importBankFile({
    actor,
    fileName: file.fileName,
    content: Buffer.from(file.content, "utf8"),
    acceptUnknownAccount: true,
  });
}
