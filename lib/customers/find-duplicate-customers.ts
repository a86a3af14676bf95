// Possible duplicates of a customer staff are about to create: the same ID number, email or
// billing address (line 1 and city, case-insensitive). Each look-up is indexed; at most a few
// rows come back.
import "server-only";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/roles";

export type DuplicateReason = "id_number" | "email" | "address";
export type FindDuplicateCustomersOptions = {
  actor: Actor;
  email?: string;
  idNumber?: string;
  address?: { line1: string; city: string };
};

export async function findDuplicateCustomers({
  actor,
  email,
  idNumber,
  address,
}: FindDuplicateCustomersOptions) {
  assertCan(actor, "customers:read");
  const select = { id: true, accountNumber: true, firstName: true, lastName: true } as const;
  const [byId, byEmail, byAddress] = await Promise.all([
    idNumber ? db.customer.findMany({ where: { idNumber }, select, take: 5 }) : [],
    email
      ? db.customer.findMany({
          where: { email: { equals: email, mode: "insensitive" } },
          select,
          take: 5,
        })
      : [],
    address
      ? db.customer.findMany({
          where: {
            billingAddress: {
              line1: { equals: address.line1.trim(), mode: "insensitive" },
              city: { equals: address.city.trim(), mode: "insensitive" },
            },
          },
          select,
          take: 5,
        })
      : [],
  ]);
  const found = new Map<string, (typeof byId)[number] & { reasons: DuplicateReason[] }>();
  const add = (rows: typeof byId, reason: DuplicateReason) => {
    for (const r of rows) {
      const f = found.get(r.id) ?? { ...r, reasons: [] };
      f.reasons.push(reason);
      found.set(r.id, f);
    }
  };
  add(byId, "id_number");
  add(byEmail, "email");
  add(byAddress, "address");
  return [...found.values()];
}
