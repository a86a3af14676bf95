// The customer a payer named: their account number or payment reference, as typed on a phone
// (case and spaces ignored).
import "server-only";
import type { Tx } from "@/lib/db";

export async function findCustomerByReference(tx: Tx, reference: string | undefined) {
  const ref = (reference ?? "").replace(/\s/g, "").toUpperCase();
  if (!ref) return null;
  const [c] = await tx.$queryRawUnsafe<{ id: string; currency: string }[]>(
    `SELECT id, currency FROM "Customer"
      WHERE upper("accountNumber") = $1 OR upper("paymentReference") = $1 LIMIT 1`,
    ref,
  );
  return c ?? null;
}
