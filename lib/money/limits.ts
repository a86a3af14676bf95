// Bounds that keep every invoice line inside PostgreSQL's Int columns (2,147,483,647 minor units),
// so one mistyped price or quantity cannot make a billing batch fail for every customer in it.
// A line is at most unit amount × quantity ≤ MAX_LINE_AMOUNT; the largest derived line, an early
// termination fee (60 months of a monthly line), plus tax at up to 100 % still fits:
// 60 × 10,000,000 × 2 = 1.2 billion. Currencies with large nominal amounts (IDR, VND) need the
// money columns moved to BigInt before they can bill more than 100,000.00 per line.
import { AppError } from "@/lib/errors";

/** Largest unit price, setup fee, one-off amount or credit, and of unit × quantity, in minor units. */
export const MAX_LINE_AMOUNT = 10_000_000;

/** Largest quantity on a subscription or one-off charge. */
export const MAX_QUANTITY = 1_000;

/** unit × quantity as a line amount, refused (400 on `field`) when a line could not hold it. */
export function assertLineAmount(unit: number, quantity: number, field: string): void {
  if (Math.abs(unit) * quantity > MAX_LINE_AMOUNT)
    throw new AppError("VALIDATION", "That amount is too large for one invoice line.", {
      [field]: `Price × quantity must be at most ${MAX_LINE_AMOUNT} minor units`,
    });
}
