import { minorUnitDigits } from "@/lib/money/format-money";

/** Minor units to the decimal string the product form shows ("79900" → "799.00"). */
export function majorString(minor: number, currency: string): string {
  const digits = minorUnitDigits(currency);
  return (minor / 10 ** digits).toFixed(digits);
}
