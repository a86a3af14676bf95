// What a finalised invoice freezes (rule 4): the customer's details from SQL and the ISP's from
// its settings, shared by the finalising UPDATE (held drafts) and the billing run's final INSERT.
import "server-only";
import type { Tx } from "@/lib/db";
import { getSettings } from "@/lib/settings/get-settings";

/** The ISP half of the snapshot, passed to the SQL below as one jsonb parameter. */
export async function ispSnapshot(tx: Tx) {
  const s = await getSettings(tx);
  return {
    name: s.name,
    legalName: s.legalName,
    taxNumber: s.taxNumber,
    registrationNumber: s.registrationNumber,
    email: s.email,
    phone: s.phone,
    website: s.website,
    logoUrl: s.logoUrl,
    brandColor: s.brandColor,
    address: [s.addressLine1, s.addressLine2, s.city, s.postalCode, s.region, s.country].filter(
      Boolean,
    ),
    bank: {
      name: s.bankName,
      accountName: s.bankAccountName,
      accountNumber: s.bankAccountNumber,
      branchCode: s.bankBranchCode,
      iban: s.bankIban,
      bic: s.bankBic,
    },
    locale: s.locale,
    timeZone: s.timeZone,
    pricesIncludeTax: s.pricesIncludeTax,
  };
}

/** SQL for the snapshot over `"Customer" c LEFT JOIN "Address" a` and the ISP jsonb parameter. */
export const snapshotSql = (ispParam: string) => `jsonb_build_object(
  'customer', jsonb_build_object(
    'accountNumber', c."accountNumber", 'type', c.type, 'firstName', c."firstName", 'lastName', c."lastName",
    'companyName', c."companyName", 'email', c.email, 'taxNumber', c."taxNumber",
    'paymentReference', c."paymentReference",
    'address', CASE WHEN a.id IS NULL THEN NULL ELSE jsonb_build_object('line1', a.line1, 'line2', a.line2,
      'suburb', a.suburb, 'city', a.city, 'postalCode', a."postalCode", 'region', a.region, 'country', a.country) END),
  'isp', ${ispParam}::jsonb)`;
