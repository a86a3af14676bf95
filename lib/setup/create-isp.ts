// First-run setup: the ISP's settings, tax defaults, number series, the first contract template
// and the first admin, in one transaction. Used by the setup page and by the demo seed.
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { hashPassword } from "@/lib/auth/password";
import { recordAudit } from "@/lib/audit/record-audit";
import { SYSTEM } from "@/lib/auth/roles";
import { yesNo } from "@/lib/http/form-fields";
import { DEFAULT_CONTRACT_TEMPLATE } from "./default-contract-template";

export const setupSchema = z.object({
  name: z.string().trim().min(2, "Enter the ISP's trading name").max(120),
  country: z.string().trim().length(2, "Use a two-letter country code, e.g. ZA").toUpperCase(),
  currency: z.string().trim().length(3, "Use a three-letter currency code, e.g. ZAR").toUpperCase(),
  timeZone: z
    .string()
    .refine(
      (tz) => Intl.supportedValuesOf("timeZone").includes(tz) || tz === "UTC",
      "Unknown time zone",
    ),
  locale: z.string().trim().min(2).default("en"),
  taxName: z.string().trim().min(1).default("VAT"),
  taxRate: z.coerce.number().min(0).max(100),
  pricesIncludeTax: yesNo().default(true),
  adminName: z.string().trim().min(2, "Enter your name"),
  adminEmail: z.string().trim().toLowerCase().email("Enter a valid email"),
  adminPassword: z.string().min(10, "Use at least 10 characters"),
});
export type SetupInput = z.input<typeof setupSchema>;

export type CreateIspOptions = SetupInput & {
  /** The demo seed marks its ISP, so "Remove demo data" is offered. */
  hasDemoData?: boolean;
  mapCenter?: [number, number];
};

export async function createIsp({ hasDemoData, mapCenter, ...input }: CreateIspOptions) {
  const data = setupSchema.parse(input);
  if (await db.ispSettings.findUnique({ where: { id: 1 }, select: { id: true } })) {
    throw new AppError("CONFLICT", "Lastmile is already set up.");
  }
  const passwordHash = await hashPassword(data.adminPassword);
  return db.$transaction(async (tx) => {
    await tx.ispSettings.create({
      data: {
        id: 1,
        name: data.name,
        country: data.country,
        currency: data.currency,
        timeZone: data.timeZone,
        locale: data.locale,
        pricesIncludeTax: data.pricesIncludeTax,
        hasDemoData: hasDemoData ?? false,
        mapCenterLat: mapCenter?.[0],
        mapCenterLng: mapCenter?.[1],
        setupCompletedAt: new Date(),
      },
    });
    await tx.taxClass.createMany({
      data: [
        {
          code: "STANDARD",
          name: `${data.taxName} ${data.taxRate}%`,
          rate: data.taxRate,
          isDefault: true,
        },
        { code: "ZERO", name: `${data.taxName} 0%`, rate: 0 },
      ],
    });
    await tx.numberSeries.createMany({
      data: [
        { code: "INVOICE", prefix: "INV-" },
        { code: "CREDIT_NOTE", prefix: "CN-" },
        { code: "ORDER", prefix: "ORD-" },
        { code: "CUSTOMER", prefix: "C", padding: 6 },
        { code: "TICKET", prefix: "T-" },
      ],
    });
    await tx.contractTemplate.create({ data: { version: 1, ...DEFAULT_CONTRACT_TEMPLATE } });
    const admin = await tx.user.create({
      data: { email: data.adminEmail, name: data.adminName, role: "ADMIN", passwordHash },
      select: { id: true, email: true },
    });
    await recordAudit(
      {
        actor: SYSTEM,
        action: "setup.complete",
        entityType: "IspSettings",
        entityId: "1",
        data: { name: data.name },
      },
      tx,
    );
    return admin;
  });
}
