// Statement credits matched in the order, the review queue's one-click match / split /
// "not ours", debits listed not matched, unknown accounts held, unreadable files refused whole.
import { beforeAll, expect, test } from "vitest";
import { db } from "@/lib/db";
import { importBankFile } from "@/lib/bank/import-bank-file";
import { resolveBankEntry } from "@/lib/bank/resolve-bank-entry";
import { accounts, camt, customerWithMandate, invoiceState, sales, setupBankIsp } from "./fixtures";

beforeAll(async () => {
  await setupBankIsp();
});

const upload = (xml: string, acceptUnknownAccount?: boolean) =>
  importBankFile({
    actor: accounts,
    fileName: "s.xml",
    content: Buffer.from(xml),
    acceptUnknownAccount,
  });

const entryOf = (fileId: string, bankRefEnd: string) =>
  db.bankEntry.findFirstOrThrow({ where: { fileId, bankRef: { endsWith: bankRefEnd } } });

test("reference (exact and one typo), amount + name, review, debit", async () => {
  const a = await customerWithMandate({ months: 2 });
  const b = await customerWithMandate();
  const c = await customerWithMandate();
  await db.customer.update({
    where: { id: c.customer.id },
    data: { firstName: "Pieter", lastName: "van der Merwe" },
  });
  const inv = a.invoices[1];
  const typo = b.customer.paymentReference.slice(0, -1) + "X"; // one substitution
  const file = await upload(
    camt("053", [
      { ref: "E1", amount: inv.total, ustrd: `Payment ${inv.number}` },
      { ref: "E2", amount: 1000, ustrd: `ref ${typo}` },
      { ref: "E3", amount: c.invoices[0].total, name: "VAN DER MERWE, PIETER" },
      { ref: "E4", amount: 777, ustrd: "who knows" },
      { ref: "E5", amount: 2500, credit: false, ustrd: "Bank charges" },
    ]),
  );
  expect(file).toMatchObject({ matchedCount: 3, reviewCount: 1, debitCount: 1 });
  expect((await entryOf(file.id, "E1")).matchedBy).toBe("REFERENCE");
  expect((await invoiceState(inv.id)).status).toBe("PAID");
  expect((await invoiceState(a.invoices[0].id)).status).toBe("OPEN"); // the invoice named, not the oldest
  expect(await entryOf(file.id, "E2")).toMatchObject({
    matchedBy: "REFERENCE_FUZZY",
    customerId: b.customer.id,
  });
  expect(await entryOf(file.id, "E3")).toMatchObject({
    matchedBy: "AMOUNT_NAME",
    customerId: c.customer.id,
  });
  expect((await invoiceState(c.invoices[0].id)).status).toBe("PAID");
  expect((await entryOf(file.id, "E5")).status).toBe("DEBIT");
});

test("review queue: split across invoices, not ours; only once, only by payments staff", async () => {
  const a = await customerWithMandate({ months: 2 });
  const [i1, i2] = a.invoices;
  const file = await upload(
    camt("053", [
      { ref: "R1", amount: i1.total + 500 },
      { ref: "R2", amount: 99 },
    ]),
  );
  const e1 = await entryOf(file.id, "R1");
  expect(e1.status).toBe("REVIEW");
  await expect(
    resolveBankEntry({ actor: sales, entryId: e1.id, action: "not_ours" }),
  ).rejects.toThrow();
  const done = await resolveBankEntry({
    actor: accounts,
    entryId: e1.id,
    action: "match",
    customerId: a.customer.id,
    allocations: [
      { invoiceId: i1.id, amount: i1.total },
      { invoiceId: i2.id, amount: 500 },
    ],
  });
  expect(done.status).toBe("MATCHED");
  expect((await invoiceState(i1.id)).status).toBe("PAID");
  expect(await invoiceState(i2.id)).toMatchObject({ status: "PARTIALLY_PAID", amountPaid: 500 });
  await expect(
    resolveBankEntry({ actor: accounts, entryId: e1.id, action: "not_ours" }),
  ).rejects.toThrow(/already/);
  const e2 = await entryOf(file.id, "R2");
  expect(
    (await resolveBankEntry({ actor: accounts, entryId: e2.id, action: "not_ours" })).status,
  ).toBe("NOT_OURS");
});

test("a statement for an unknown account is held until confirmed", async () => {
  const xml = camt("053", [{ ref: "U1", amount: 100 }], "GB29NWBK60161331926819", "UNK");
  const held = await upload(xml);
  expect(held).toMatchObject({ status: "HELD", entryCount: 1 });
  expect(await db.bankEntry.count({ where: { fileId: held.id } })).toBe(0);
  const imported = await upload(xml, true);
  expect(imported).toMatchObject({ id: held.id, status: "IMPORTED", reviewCount: 1 });
  expect(await db.ispBankAccount.count({ where: { identifier: "GB29NWBK60161331926819" } })).toBe(
    1,
  );
});

test("unreadable files are refused whole with where and why; odd files are read and reported", async () => {
  const broken = await importBankFile({
    actor: accounts,
    fileName: "x.xml",
    content: Buffer.from("<Document>\n<BkToCstmrStmt>\n</Document>"),
  });
  expect(broken.status).toBe("REFUSED");
  expect(broken.error).toMatch(/line 3/);
  const other = await importBankFile({
    actor: accounts,
    fileName: "p.xml",
    content: Buffer.from(
      `<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"><CstmrCdtTrfInitn/></Document>`,
    ),
  });
  expect(other.error).toMatch(/CstmrCdtTrfInitn is not a supported message/);
  const binary = await importBankFile({
    actor: accounts,
    fileName: "b.pdf",
    content: Buffer.from([0x25, 0x50, 0, 1]),
  });
  expect(binary.error).toMatch(/binary/);
  const long = "x".repeat(200);
  const odd = await upload(
    camt("053", [{ ref: "O1", amount: 5, ustrd: long }]).replace(
      "camt.053.001.08",
      "camt.053.002.03",
    ),
  );
  expect(odd.status).toBe("IMPORTED");
  expect(odd.warnings.map((w) => w.what).join("\n")).toMatch(
    /variant namespace[\s\S]*200 characters/,
  );
});

test("CSV statements: mapping chosen once per bank, previewed, then matched like camt", async () => {
  const a = await customerWithMandate();
  const inv = a.invoices[0];
  const rand = (inv.total / 100).toFixed(2).replace(".", ",");
  const csv = (rows: string[]) =>
    Buffer.from(["Datum;Betrag;Verwendungszweck;Name", ...rows].join("\n"));
  const first = await importBankFile({
    actor: accounts,
    fileName: "bank-x.csv",
    content: csv([`01.03.2026;${rand};Rechnung ${inv.number};Thandi`, "01.03.2026;-5,00;Fee;Bank"]),
  });
  expect(first).toMatchObject({ status: "NEEDS_MAPPING", entryCount: 2 });
  expect("preview" in first && first.preview?.guess).toMatchObject({
    date: "Datum",
    amount: "Betrag",
    payer: "Name",
  });
  const mapping = {
    name: "Bank X",
    date: "Datum",
    amount: "Betrag",
    reference: "Verwendungszweck",
    payer: "Name",
    decimalComma: true,
    dateFormat: "dd.MM.yyyy" as const,
  };
  const done = await importBankFile({
    actor: accounts,
    fileName: "bank-x.csv",
    content: csv([`01.03.2026;${rand};Rechnung ${inv.number};Thandi`, "01.03.2026;-5,00;Fee;Bank"]),
    csvMapping: mapping,
  });
  expect(done).toMatchObject({ id: first.id, status: "IMPORTED", matchedCount: 1, debitCount: 1 });
  expect((await invoiceState(inv.id)).status).toBe("PAID");
  // The next file from that bank uses the saved mapping; rows seen before are duplicates.
  const next = await importBankFile({
    actor: accounts,
    fileName: "bank-x-2.csv",
    content: csv([
      `01.03.2026;${rand};Rechnung ${inv.number};Thandi`,
      "02.03.2026;7,00;unknown;Someone",
    ]),
  });
  expect(next).toMatchObject({ status: "IMPORTED", duplicateCount: 1, reviewCount: 1 });
  const bad = await importBankFile({
    actor: accounts,
    fileName: "bad.csv",
    content: csv(["31.02.2026;1,00;x;y"]),
  });
  expect(bad).toMatchObject({ status: "REFUSED" });
  expect(bad.error).toMatch(/line 2/);
});
