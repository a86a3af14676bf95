import type { BankFile } from "@/lib/generated/prisma/client";

export const serializeBankFile = (f: BankFile) => ({
  id: f.id,
  kind: f.kind,
  status: f.status,
  fileName: f.fileName,
  messageId: f.messageId,
  account: f.account,
  entryCount: f.entryCount,
  matchedCount: f.matchedCount,
  reviewCount: f.reviewCount,
  duplicateCount: f.duplicateCount,
  debitCount: f.debitCount,
  returnCount: f.returnCount,
  warnings: f.warnings as { where: string; what: string }[],
  error: f.error,
  createdAt: f.createdAt.toISOString(),
});
