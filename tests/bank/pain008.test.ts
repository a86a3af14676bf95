// Generated collection files validate against the ISO XSDs (xmllint): both versions, FRST then
// RCUR, amendments with the original mandate id and account, every sequence type, local
// (non-IBAN) accounts; the CSV templates write the same debits.
import { beforeAll, expect, test } from "vitest";
import { db } from "@/lib/db";
import { amendMandate } from "@/lib/bank/amend-mandate";
import { buildCollection } from "@/lib/bank/build-collection";
import { changeBatchStatus } from "@/lib/bank/change-batch-status";
import { getCollectionFile } from "@/lib/bank/get-collection-file";
import { buildPain008, type Pain008Version } from "@/lib/bank/pain008-build";
import { validateXml } from "@/lib/bank/validate-xml";
import { setClock } from "@/lib/time/clock";
import { SYSTEM } from "@/lib/auth/roles";
import { runBilling } from "@/lib/billing/run-billing";
import { accounts, customerWithMandate, setupBankIsp } from "./fixtures";

beforeAll(async () => {
  await setupBankIsp();
});

test.each(["pain.008.001.08", "pain.008.001.02"] as const)(
  "%s: FRST with an amendment, then RCUR without it; valid against the XSD",
  async (version) => {
    const c = await customerWithMandate({ months: 1 });
    await amendMandate({
      actor: accounts,
      mandateId: c.mandate.id,
      accountNumber: "DE02120300000000202051",
      mandateReference: `NEW-${c.mandate.id.slice(-8)}`,
    });
    const { batch } = await buildCollection({
      actor: accounts,
      collectionDate: "2026-03-20",
      format: version,
    });
    const file = await getCollectionFile({ actor: accounts, batchId: batch!.id });
    expect(file.fileName).toBe(`${batch!.messageId}.xml`);
    expect(file.body).toContain(`urn:iso:std:iso:20022:tech:xsd:${version}`);
    expect(file.body).toContain("<SeqTp>FRST</SeqTp>");
    expect(file.body).toContain(`<OrgnlMndtId>${c.mandate.mandateReference}</OrgnlMndtId>`);
    expect(file.body).toContain("<OrgnlDbtrAcct><Id><IBAN>NL91ABNA0417164300</IBAN>");
    expect((await validateXml(file.body, version)).valid).toBe(true);
    expect((await db.collectionBatch.findUniqueOrThrow({ where: { id: batch!.id } })).status).toBe(
      "EXPORTED",
    );
    await changeBatchStatus({ actor: accounts, batchId: batch!.id, to: "settle" });

    // Next month: RCUR, the amendment already reported.
    setClock(new Date("2026-04-01T10:00:00Z"));
    await runBilling({ asOf: "2026-04-01", actor: SYSTEM });
    setClock(new Date("2026-04-15T10:00:00Z"));
    const next = await buildCollection({
      actor: accounts,
      collectionDate: "2026-04-20",
      format: version,
    });
    const item = await db.collectionItem.findFirstOrThrow({
      where: { batchId: next.batch!.id, customerId: c.customer.id },
    });
    expect(item.sequenceType).toBe("RCUR");
    const second = await getCollectionFile({ actor: accounts, batchId: next.batch!.id });
    expect(second.body).toContain("<AmdmntInd>false</AmdmntInd>");
    expect(second.body).not.toContain("<AmdmntInd>true</AmdmntInd>");
    await changeBatchStatus({ actor: accounts, batchId: next.batch!.id, to: "cancel" });
    setClock(undefined);
  },
);

test.each(["pain.008.001.08", "pain.008.001.02"] as Pain008Version[])(
  "%s: every sequence type, local accounts, escaped names validate",
  async (version) => {
    const tx = (id: string, account: string, isIban: boolean) => ({
      endToEndId: id,
      amount: 12345,
      mandateId: `M-${id}`,
      signedOn: "2026-01-01",
      debtor: { name: "Smith & Sons <Pty>", account, isIban, bic: isIban ? null : "ABSAZAJJ" },
      remittance: "INV-000001 INV-000002",
    });
    const xml = buildPain008({
      version,
      messageId: "LM-TEST",
      createdAt: new Date("2026-03-01T00:00:00Z"),
      currency: "EUR",
      creditor: {
        name: "Valley Fibre",
        account: "DE89370400440532013000",
        isIban: true,
        bic: null,
        schemeId: "DE98ZZZ09999999999",
      },
      groups: (["FRST", "RCUR", "OOFF", "FNAL"] as const).map((seq) => ({
        paymentInfoId: `LM-TEST-${seq}`,
        sequenceType: seq,
        collectionDate: "2026-03-20",
        transactions: [
          tx(`${seq}-1`, "NL91ABNA0417164300", true),
          tx(`${seq}-2`, "62001234567", false),
        ],
      })),
    });
    expect(await validateXml(xml, version)).toEqual({ valid: true, errors: [] });
    const broken = xml.replace("<PmtMtd>DD</PmtMtd>", "<PmtMtd>XX</PmtMtd>");
    const check = await validateXml(broken, version);
    expect(check.valid).toBe(false);
    expect(check.errors[0]).toMatch(/PmtMtd/);
  },
);

test("CSV templates: generic CSV and fixed width with a trailer", async () => {
  const c = await customerWithMandate();
  const { batch } = await buildCollection({
    actor: accounts,
    collectionDate: "2026-03-22",
    format: "csv:za-fixed",
  });
  const file = await getCollectionFile({ actor: accounts, batchId: batch!.id });
  const lines = file.body.trimEnd().split("\r\n");
  const items = await db.collectionItem.findMany({ where: { batchId: batch!.id } });
  expect(lines).toHaveLength(items.length + 1);
  expect(new Set(lines.slice(0, -1).map((l) => l.length)).size).toBe(1);
  expect(lines.at(-1)).toBe(
    `92${String(items.length).padStart(6, "0")}${String(batch!.totalAmount).padStart(15, "0")}`,
  );
  await changeBatchStatus({ actor: accounts, batchId: batch!.id, to: "cancel" });
  const csv = await buildCollection({
    actor: accounts,
    collectionDate: "2026-03-22",
    format: "csv:generic",
  });
  const body = (await getCollectionFile({ actor: accounts, batchId: csv.batch!.id })).body;
  expect(body.split("\r\n")[0]).toMatch(/^end_to_end_id,mandate_reference/);
  expect(body).toContain(c.mandate.mandateReference);
});
