// Builders for integration tests: a set-up ISP and users per role, written through the same lib
// services the product uses.
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import type { Actor } from "@/lib/auth/roles";
import type { Role } from "@/lib/generated/prisma/enums";
import { createIsp } from "@/lib/setup/create-isp";

export const TEST_PASSWORD = "correct-horse-battery";

export async function createTestIsp(
  overrides: { pricesIncludeTax?: boolean; taxRate?: number } = {},
) {
  await createIsp({
    name: "Test ISP",
    country: "ZA",
    currency: "ZAR",
    timeZone: "Africa/Johannesburg",
    locale: "en-ZA",
    taxName: "VAT",
    taxRate: overrides.taxRate ?? 15,
    pricesIncludeTax: overrides.pricesIncludeTax ?? true,
    adminName: "Test Admin",
    adminEmail: "admin@test.example",
    adminPassword: TEST_PASSWORD,
  });
}

let n = 0;
/** A user with `role` (a CUSTOMER gets a customer record too) and the Actor it signs in as. */
export async function createUserActor(role: Role): Promise<Extract<Actor, { kind: "user" }>> {
  n++;
  const email = `${role.toLowerCase()}${n}@test.example`;
  const passwordHash = await hashPassword(TEST_PASSWORD);
  let customerId: string | null = null;
  if (role === "CUSTOMER") {
    const c = await db.customer.create({
      data: {
        accountNumber: `T${n}`,
        paymentReference: `T${n}`,
        firstName: "Test",
        lastName: `Customer ${n}`,
        email,
        currency: "ZAR",
      },
    });
    customerId = c.id;
  }
  const user = await db.user.create({
    data: { email, name: `${role} ${n}`, role, passwordHash, customerId },
  });
  return { kind: "user", id: user.id, role, name: user.name, customerId };
}
