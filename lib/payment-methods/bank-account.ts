// Validates the account a debit order will collect from: an IBAN (checked with ibantools:
// country format and mod-97 checksum) or a local account number with its branch code.
import { electronicFormatIBAN, isValidIBAN } from "ibantools";
import { AppError } from "@/lib/errors";

export type BankAccount = {
  accountNumber: string;
  branchCode: string | null;
  isIban: boolean;
  last4: string;
};

export function normalizeBankAccount(opts: {
  accountNumber: string;
  branchCode?: string | null;
}): BankAccount {
  const raw = opts.accountNumber.trim();
  if (/^[A-Za-z]{2}\d{2}/.test(raw)) {
    const iban = electronicFormatIBAN(raw) ?? "";
    if (!isValidIBAN(iban))
      throw new AppError("VALIDATION", "Some fields are not valid.", {
        accountNumber: "This IBAN is not valid. Check for typing errors.",
      });
    return { accountNumber: iban, branchCode: null, isIban: true, last4: iban.slice(-4) };
  }
  const digits = raw.replace(/[\s-]/g, "");
  if (!/^\d{6,17}$/.test(digits))
    throw new AppError("VALIDATION", "Some fields are not valid.", {
      accountNumber: "Enter 6–17 digits, or an IBAN",
    });
  const branch = opts.branchCode?.replace(/[\s-]/g, "") ?? "";
  if (!/^[0-9A-Za-z]{3,11}$/.test(branch))
    throw new AppError("VALIDATION", "Some fields are not valid.", {
      branchCode: "Enter the branch (sort) code",
    });
  return { accountNumber: digits, branchCode: branch, isIban: false, last4: digits.slice(-4) };
}

export const maskAccount = (last4: string) => `•••• ${last4}`;
