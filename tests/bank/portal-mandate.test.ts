// A customer sets up or changes their debit order in the portal with a fresh e-signature: the
// signature covers the exact text shown; a changed account is an amendment the next collection
// reports (AmdmntInd with the original account); nothing is saved without a valid signature.
import { beforeAll, expect, test } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/roles";
import { buildCollection } from "@/lib/bank/build-collection";
import { getCollectionFile } from "@/lib/bank/get-collection-file";
import { previewPortalMandate } from "@/lib/bank/preview-portal-mandate";
import { signPortalMandate } from "@/lib/bank/sign-portal-mandate";
import { decryptSecret } from "@/lib/crypto/encrypt";
import { accounts, customerWithMandate, setupBankIsp } from "./fixtures";
import { customerWithInvoices } from "../payments/fixtures";

const asCustomer = (customerId: string): Actor => ({
  kind: "user",
  id: `u-${customerId}`,
  role: "CUSTOMER",
  name: "Thandi",
  customerId,
});
const typed = (contentHash: string) => ({
  signerName: "Thandi Mokoena",
  method: "TYPED" as const,
  typed: "Thandi Mokoena",
  contentHash,
  acceptContract: true,
});

beforeAll(async () => {
  await setupBankIsp();
});

test("moving the debit order to another account amends the mandate; the next file reports the original account", async () => {
  const c = await customerWithMandate({ months: 1 });
  const actor = asCustomer(c.customer.id);
  const input = { accountHolder: "Thandi Mokoena", accountNumber: "DE02 1203 0000 0000 2020 51" };
  const preview = await previewPortalMandate({ actor, customerId: c.customer.id, ...input });
  expect(preview.amends).toBe(true);
  expect(preview.text).toContain("•••• 2051");
  expect(preview.text).toContain(`Mandate reference: ${c.mandate.mandateReference}`);
  expect(preview.text).toContain("replaces the account •••• 4300");

  const signed = await signPortalMandate({
    actor,
    customerId: c.customer.id,
    ip: "198.51.100.7",
    ...input,
    signature: typed(preview.contentHash),
  });
  expect(signed).toMatchObject({ amended: true, mandateId: c.mandate.id });
  const m = await db.debitMandate.findUniqueOrThrow({
    where: { id: c.mandate.id },
    include: { signatures: true, amendments: true },
  });
  expect(decryptSecret(m.accountNumberEnc)).toBe("DE02120300000000202051");
  expect(m.mandateText).toBe(preview.text);
  expect(m.signatures).toMatchObject([
    { kind: "AMENDED", signerName: "Thandi Mokoena", signerIp: "198.51.100.7" },
  ]);
  expect(m.amendments).toHaveLength(1);

  const { batch } = await buildCollection({ actor: accounts, collectionDate: "2026-03-20" });
  const file = await getCollectionFile({ actor: accounts, batchId: batch!.id });
  const tx = file.body.split("<DrctDbtTxInf>").find((t) => t.includes("DE02120300000000202051"))!;
  expect(tx).toContain("<AmdmntInd>true</AmdmntInd>");
  expect(tx).toContain("<OrgnlDbtrAcct><Id><IBAN>NL91ABNA0417164300</IBAN>");
});

test("a card or EFT payer sets up a new debit order, optionally as their default", async () => {
  const c = await customerWithInvoices(1);
  await db.paymentMethod.create({
    data: { customerId: c.customer.id, kind: "EFT", isDefault: true },
  });
  const actor = asCustomer(c.customer.id);
  const input = {
    accountHolder: "Thandi Mokoena",
    accountNumber: "62001234567",
    branchCode: "250655",
    accountType: "CURRENT" as const,
    makeDefault: true,
  };
  const preview = await previewPortalMandate({ actor, customerId: c.customer.id, ...input });
  expect(preview.amends).toBe(false);
  const signed = await signPortalMandate({
    actor,
    customerId: c.customer.id,
    ip: null,
    ...input,
    signature: typed(preview.contentHash),
  });
  expect(signed.reference).toBe(`${c.customer.accountNumber}-M1`);
  const methods = await db.paymentMethod.findMany({
    where: { customerId: c.customer.id },
    include: { mandate: true },
    orderBy: { createdAt: "asc" },
  });
  expect(methods.map((x) => [x.kind, x.isDefault])).toEqual([
    ["EFT", false],
    ["DEBIT_ORDER", true],
  ]);
  expect(methods[1].mandate).toMatchObject({
    accountLast4: "4567",
    bankCode: "250655",
    accountType: "CURRENT",
    status: "ACTIVE",
  });
});

test("a suspended mandate (account closed) is active again once a new account is signed", async () => {
  const c = await customerWithMandate();
  await db.debitMandate.update({
    where: { id: c.mandate.id },
    data: { status: "SUSPENDED", suspendedReason: "AC04 account closed" },
  });
  const actor = asCustomer(c.customer.id);
  const input = { accountHolder: "T Mokoena", accountNumber: "DE02120300000000202051" };
  const preview = await previewPortalMandate({ actor, customerId: c.customer.id, ...input });
  await signPortalMandate({
    actor,
    customerId: c.customer.id,
    ip: null,
    ...input,
    signature: typed(preview.contentHash),
  });
  expect(await db.debitMandate.findUniqueOrThrow({ where: { id: c.mandate.id } })).toMatchObject({
    status: "ACTIVE",
    suspendedReason: null,
  });
});

test("nothing is saved without a signature over what was shown, nor for another customer", async () => {
  const c = await customerWithMandate();
  const actor = asCustomer(c.customer.id);
  const input = { accountHolder: "Thandi Mokoena", accountNumber: "DE02120300000000202051" };
  const preview = await previewPortalMandate({ actor, customerId: c.customer.id, ...input });
  const sign = (over: object) =>
    signPortalMandate({
      actor,
      customerId: c.customer.id,
      ip: null,
      ...input,
      signature: typed(preview.contentHash),
      ...over,
    }).catch((e) => e);

  // Another account than the one shown: the hash no longer matches.
  expect(await sign({ accountNumber: "DE89370400440532013000" })).toMatchObject({
    code: "CONFLICT",
  });
  // A drawn "signature" that is not a PNG.
  expect(
    await sign({
      signature: {
        ...typed(preview.contentHash),
        method: "DRAWN",
        image: "data:image/png;base64,AAAA",
      },
    }),
  ).toMatchObject({ code: "VALIDATION" });
  // Not accepted, bad IBAN, missing account type for a local account.
  expect(
    await sign({ signature: { ...typed(preview.contentHash), acceptContract: false } }),
  ).toMatchObject({ name: "ZodError" });
  expect(await sign({ accountNumber: "DE00 1234 5678" })).toMatchObject({
    fields: { accountNumber: expect.any(String) },
  });
  expect(await sign({ accountNumber: "62001234567", branchCode: "250655" })).toMatchObject({
    fields: { accountType: "Choose the account type" },
  });
  // Someone else's account.
  const other = await customerWithMandate();
  expect(
    await signPortalMandate({
      actor,
      customerId: other.customer.id,
      ip: null,
      ...input,
      signature: typed(preview.contentHash),
    }).catch((e) => e),
  ).toMatchObject({ code: "NOT_FOUND" });

  const m = await db.debitMandate.findUniqueOrThrow({
    where: { id: c.mandate.id },
    include: { signatures: true, amendments: true },
  });
  expect(m.signatures).toHaveLength(0);
  expect(m.amendments).toHaveLength(0);
  expect(decryptSecret(m.accountNumberEnc)).toBe("NL91ABNA0417164300");
});
