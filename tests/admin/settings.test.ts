import { beforeAll, expect, test } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/roles";
import { createIsp } from "@/lib/setup/create-isp";
import { getEditableSettings } from "@/lib/settings/get-editable-settings";
import { updateSettings } from "@/lib/settings/update-settings";
import type { SettingsInput } from "@/lib/settings/settings-schema";

const admin: Actor = { kind: "user", id: "u1", role: "ADMIN", name: "Ada" };
let form: SettingsInput;

beforeAll(async () => {
  await createIsp({
    name: "Settings ISP",
    country: "ZA",
    currency: "ZAR",
    timeZone: "Africa/Johannesburg",
    locale: "en-ZA",
    taxName: "VAT",
    taxRate: 15,
    adminName: "Ada",
    adminEmail: "ada@example.test",
    adminPassword: "long-password-1",
  });
  const { settings, taxName, taxRate } = await getEditableSettings({ actor: admin });
  // What the page's form posts back: every field as text, booleans as booleans.
  const asText = Object.fromEntries(
    Object.entries(settings).map(([k, v]) => [k, v == null ? "" : String(v)]),
  );
  form = {
    ...asText,
    taxName,
    taxRate: String(taxRate),
    pricesIncludeTax: settings.pricesIncludeTax,
    allowImmediateCancel: settings.allowImmediateCancel,
    requireIdNumber: settings.requireIdNumber,
    applyCreditToNewInvoices: settings.applyCreditToNewInvoices,
  } as SettingsInput;
});

test("saving the form unchanged changes and records nothing", async () => {
  expect(await updateSettings({ actor: admin, ...form })).toEqual({ changed: [] });
  expect(await db.auditLog.count({ where: { action: "settings.update" } })).toBe(0);
});

test("records exactly what changed, normalises IBAN and BIC, blanks become null", async () => {
  const { changed } = await updateSettings({
    actor: admin,
    ...form,
    name: "Valley Fibre",
    bankIban: "de89 3704 0044 0532 0130 00",
    bankBic: "cobadeffxxx",
    paymentTermsDays: "14",
    pricesIncludeTax: false,
    phone: "",
  });
  expect(changed.sort()).toEqual([
    "bankBic",
    "bankIban",
    "name",
    "paymentTermsDays",
    "pricesIncludeTax",
  ]);
  const s = await db.ispSettings.findUniqueOrThrow({ where: { id: 1 } });
  expect(s).toMatchObject({
    name: "Valley Fibre",
    bankIban: "DE89370400440532013000",
    bankBic: "COBADEFFXXX",
    paymentTermsDays: 14,
    pricesIncludeTax: false,
    phone: null,
  });
  const audit = await db.auditLog.findFirstOrThrow({ where: { action: "settings.update" } });
  expect(audit.data).toMatchObject({
    name: { from: "Settings ISP", to: "Valley Fibre" },
    paymentTermsDays: { from: 7, to: 14 },
  });
});

test("the standard tax rate and name follow the form", async () => {
  await updateSettings({ actor: admin, ...form, taxName: "GST", taxRate: "12.5" });
  const standard = await db.taxClass.findUniqueOrThrow({ where: { code: "STANDARD" } });
  expect(Number(standard.rate)).toBe(12.5);
  expect(standard.name).toBe("GST 12.5%");
  expect((await db.taxClass.findUniqueOrThrow({ where: { code: "ZERO" } })).name).toBe("GST 0%");
  expect(await getEditableSettings({ actor: admin })).toMatchObject({
    taxName: "GST",
    taxRate: 12.5,
  });
});

test("invalid values come back per field", async () => {
  const error = await updateSettings({
    actor: admin,
    ...form,
    bankIban: "DE00 1234",
    brandColor: "teal",
    billingHour: "24",
    timeZone: "Mars/Olympus",
    website: "bolandfibre",
  }).catch((e) => e);
  const fields = error.issues.map((i: { path: string[] }) => i.path.join("."));
  expect(fields.sort()).toEqual(["bankIban", "billingHour", "brandColor", "timeZone", "website"]);
});

test("debit-order collection settings: days normalised, the fee typed in rand, bad values per field", async () => {
  const { changed } = await updateSettings({
    actor: admin,
    ...form,
    bankCollectionFormat: "csv:za-fixed",
    bankCollectionDays: "15, 1",
    bankCollectMode: "AFTER_ISSUE",
    bankCollectAfterDays: "5",
    bankPrenotifyDays: "2",
    bankReturnFee: "35.50",
    bankUseFrst: false,
    bankRetryInsufficientFunds: false,
  });
  // (An earlier test changed the tax rate the form still holds: only the bank fields matter.)
  expect(changed.filter((k) => k.startsWith("bank")).sort()).toEqual([
    "bankCollectAfterDays",
    "bankCollectMode",
    "bankCollectionDays",
    "bankCollectionFormat",
    "bankPrenotifyDays",
    "bankRetryInsufficientFunds",
    "bankReturnFee",
    "bankUseFrst",
  ]);
  const s = await db.ispSettings.findUniqueOrThrow({ where: { id: 1 } });
  expect(s).toMatchObject({
    bankCollectionFormat: "csv:za-fixed",
    bankCollectionDays: "1,15",
    bankReturnFee: 3550,
    bankUseFrst: false,
  });

  const error = await updateSettings({
    actor: admin,
    ...form,
    bankCollectionFormat: "mt940" as never,
    bankCollectionDays: "1, 31",
    bankPrenotifyDays: "-1",
  }).catch((e) => e);
  const fields = error.issues.map((i: { path: string[] }) => i.path[0]);
  expect(fields.sort()).toEqual([
    "bankCollectionDays",
    "bankCollectionFormat",
    "bankPrenotifyDays",
  ]);

  const fee = await updateSettings({ actor: admin, ...form, bankReturnFee: "12.345" }).catch(
    (e) => e,
  );
  expect(fee.fields).toEqual({ bankReturnFee: expect.stringMatching(/decimals/) });
  expect((await db.ispSettings.findUniqueOrThrow({ where: { id: 1 } })).bankReturnFee).toBe(3550);
});
