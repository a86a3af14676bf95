// The demo ISP (Boland Fibre: coverage, catalogue, homes passed) without demo customers, and
// actors for each staff role. Each test file has its own database, so seeding is per file.
import { db } from "@/lib/db";
import { seedDemo } from "@/lib/demo/seed-demo";
import type { Actor } from "@/lib/auth/roles";

export const POINTS = {
  dieBoordFibre: { lat: -33.9495, lng: 18.8525 },
  paradyskloofPlanned: { lat: -33.9625, lng: 18.873 },
  idasValleyWireless: { lat: -33.924, lng: 18.892 },
  capeTownOutside: { lat: -33.9249, lng: 18.4241 },
};

/** A home on the serviceable-address list, where the checkout fixture orders by default. */
export const LISTED_HOME = {
  line1: "14 Rokewood Avenue",
  suburb: "Die Boord",
  city: "Stellenbosch",
  postalCode: "7600",
  ...POINTS.dieBoordFibre,
};

export async function seedStorefront() {
  await seedDemo({
    adminEmail: "admin@bolandfibre.test",
    adminPassword: "admin-password-1",
    staffPassword: "staff-password-1",
    customers: 0,
  });
  const { line1, suburb, city, postalCode } = LISTED_HOME;
  await db.serviceableAddress.create({
    data: {
      ...LISTED_HOME,
      externalId: "TEST-ROKEWOOD-14",
      searchText: [line1, suburb, city, postalCode].join(" ").toLowerCase(),
      technology: "FIBRE",
    },
  });
  const users = await db.user.findMany({ select: { id: true, name: true, role: true } });
  const as = (role: string): Actor => {
    const u = users.find((x) => x.role === role)!;
    return { kind: "user", id: u.id, name: u.name, role: u.role };
  };
  return {
    admin: as("ADMIN"),
    sales: as("SALES"),
    tech: as("TECHNICIAN"),
    accounts: as("ACCOUNTS"),
    support: as("SUPPORT"),
  };
}
