// Staff type amounts like "1 499.50" or "1499,5"; we store minor units. Refuses anything with
// more decimals than the currency has, so nothing is silently rounded.
import Decimal from "decimal.js";
import { AppError } from "@/lib/errors";
import { minorUnitDigits } from "./format-money";

export function parseMoneyInput(text: string, currency: string, field = "amount"): number {
  const cleaned = text
    .trim()
    .replace(/[\s\u00a0']/g, "")
    .replace(",", ".");
  const digits = minorUnitDigits(currency);
  const pattern = new RegExp(`^-?\\d{1,9}(\\.\\d{0,${digits}})?$`);
  if (!pattern.test(cleaned)) {
    throw new AppError("VALIDATION", "Enter an amount like 499.00.", {
      [field]: `Enter an amount with at most ${digits} decimals`,
    });
  }
  return new Decimal(cleaned).mul(10 ** digits).toNumber();
}
