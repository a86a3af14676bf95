import "server-only";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";

export type BankSettings = Awaited<ReturnType<typeof loadBankSettings>>;

export async function loadBankSettings(tx: Tx) {
  const s = await tx.ispSettings.findUniqueOrThrow({
    where: { id: 1 },
    select: {
      name: true,
      legalName: true,
      currency: true,
      timeZone: true,
      bankIban: true,
      bankAccountNumber: true,
      bankBic: true,
      creditorId: true,
      bankCollectionFormat: true,
      bankUseFrst: true,
      bankCollectionDays: true,
      bankCollectMode: true,
      bankCollectAfterDays: true,
      bankPrenotifyDays: true,
      bankRetryInsufficientFunds: true,
      bankReturnFee: true,
    },
  });
  return s;
}

/** The creditor block of a collection file: refused with a clear 422 until settings have it. */
export function creditorOf(s: BankSettings) {
  const account = (s.bankIban ?? s.bankAccountNumber)?.replace(/\s/g, "").toUpperCase();
  if (!s.creditorId || !account)
    throw new AppError(
      "UNPROCESSABLE",
      "Set the creditor scheme id and the ISP's bank account in Settings before collecting.",
      { creditorId: s.creditorId ? "" : "required", bankIban: account ? "" : "required" },
    );
  return {
    name: s.legalName ?? s.name,
    account,
    isIban: !!s.bankIban,
    bic: s.bankBic,
    schemeId: s.creditorId,
  };
}
