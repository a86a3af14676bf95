// Staff do by hand what sign-up does online, for walk-ins and phone sales: the account is
// created after a duplicate check (same ID number, email or billing address) that staff must
// acknowledge, and the billing address is checked against the coverage (serviceable-address list,
// then the coverage areas); the result is written on the account as a note so whoever takes the
// order sees it. The service itself is then ordered through the orders pipeline.
import "server-only";
import { AppError } from "@/lib/errors";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { checkFeasibility } from "@/lib/coverage/check-feasibility";
import { searchAddresses } from "@/lib/coverage/search-addresses";
import { addCustomerNote } from "./add-customer-note";
import { createCustomer } from "./create-customer";
import { registerCustomerSchema, type RegisterCustomerInput } from "./customer-schemas";
import { findDuplicateCustomers, type DuplicateReason } from "./find-duplicate-customers";

export type RegisterCustomerOptions = RegisterCustomerInput & { actor: Actor };

const REASON: Record<DuplicateReason, string> = {
  id_number: "same ID number",
  email: "same email",
  address: "same address",
};

async function feasibilityNote(a: { line1: string; city: string }): Promise<string> {
  const [match] = await searchAddresses({ q: `${a.line1} ${a.city}`.slice(0, 120) }).catch(
    () => [],
  );
  if (!match)
    return `Feasibility: ${a.line1}, ${a.city} is not on the serviceable-address list; check it on the coverage map before ordering.`;
  const f = await checkFeasibility({ lat: match.lat, lng: match.lng });
  const areas = f.areas.map((x) => x.name).join(", ") || "no coverage area";
  const plans = f.technologies.flatMap((t) => t.plans.map((p) => p.name)).join(", ");
  return `Feasibility at registration: ${match.label} — ${f.status.toLowerCase()} (${areas})${plans ? `; plans: ${plans}` : ""}.`;
}

export async function registerCustomer({ actor, ...input }: RegisterCustomerOptions) {
  assertCan(actor, "customers:write");
  const v = registerCustomerSchema.parse(input);
  const duplicates = await findDuplicateCustomers({
    actor,
    email: v.email,
    idNumber: v.idNumber,
    address: v.billingAddress,
  });
  if (duplicates.length && !v.acknowledgeDuplicates) {
    const list = duplicates
      .map(
        (d) =>
          `${d.accountNumber} ${d.firstName} ${d.lastName} (${d.reasons.map((r) => REASON[r]).join(", ")})`,
      )
      .join("; ");
    throw new AppError("CONFLICT", `This may be an existing customer: ${list}.`, {
      acknowledgeDuplicates: "Tick to create a new account anyway",
    });
  }
  const { acknowledgeDuplicates: _ack, ...fields } = v;
  const customer = await createCustomer({ actor, input: fields });
  if (v.billingAddress)
    await addCustomerNote({
      actor,
      customerId: customer.id,
      body: await feasibilityNote(v.billingAddress),
      pinned: true,
    });
  if (duplicates.length)
    await addCustomerNote({
      actor,
      customerId: customer.id,
      body: `Created despite possible duplicates: ${duplicates.map((d) => d.accountNumber).join(", ")}.`,
    });
  return { customer, duplicates };
}
