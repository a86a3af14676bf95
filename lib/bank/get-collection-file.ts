// The file of a collection batch, built from its items every time (so it always matches the
// database) and validated against the ISO XSD before anyone can download it. The first download
// moves a DRAFT batch to EXPORTED. Account numbers are decrypted for the file: audited.
import "server-only";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { decryptSecret } from "@/lib/crypto/encrypt";
import { AppError, notFound } from "@/lib/errors";
import { now } from "@/lib/time/clock";
import { fromDbDate } from "@/lib/time/dates";
import { creditorOf, loadBankSettings } from "./bank-settings";
import { renderCsvTemplate, type CSV_TEMPLATES } from "./csv-templates";
import { buildPain008, type Pain008Group, type Pain008Version } from "./pain008-build";
import { validateXml } from "./validate-xml";

export type GetCollectionFileOptions = { actor: Actor; batchId: string };

const isIban = (a: string) => /^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(a);

export async function getCollectionFile({ actor, batchId }: GetCollectionFileOptions) {
  assertCan(actor, "banking:write");
  const batch = await db.collectionBatch.findUnique({
    where: { id: batchId },
    include: {
      items: {
        where: { status: { not: "CANCELLED" } },
        orderBy: { endToEndId: "asc" },
        include: {
          mandate: true,
          invoices: { include: { invoice: { select: { number: true } } } },
        },
      },
    },
  });
  if (!batch) throw notFound("Collection batch");
  if (batch.status === "CANCELLED") throw new AppError("CONFLICT", "This batch was cancelled.");
  const s = await loadBankSettings(db);
  const creditor = creditorOf(s);
  const amendments = await db.debitMandateAmendment.findMany({
    where: { reportedInItemId: { in: batch.items.map((i) => i.id) } },
    orderBy: { createdAt: "asc" },
  });
  const collectionDate = fromDbDate(batch.collectionDate);
  const rows = batch.items.map((item) => {
    const account = decryptSecret(item.mandate.accountNumberEnc);
    const amended = amendments.filter((a) => a.reportedInItemId === item.id);
    const original = amended[0];
    return {
      item,
      account,
      amendment: original
        ? {
            originalMandateId: amended.find((a) => a.originalMandateReference)
              ?.originalMandateReference,
            originalAccount: (() => {
              const enc = amended.find((a) => a.originalAccountEnc)?.originalAccountEnc;
              return enc ? decryptSecret(enc) : null;
            })(),
          }
        : null,
      reference: item.invoices.map((l) => l.invoice.number).join(" "),
    };
  });
  let body: string;
  let fileName: string;
  let contentType: string;
  if (batch.format.startsWith("csv:")) {
    body = renderCsvTemplate(
      batch.format.slice(4) as keyof typeof CSV_TEMPLATES,
      rows.map((r) => ({
        endToEndId: r.item.endToEndId,
        mandateReference: r.item.mandate.mandateReference,
        accountHolder: r.item.mandate.accountHolder,
        account: r.account,
        branchCode: r.item.mandate.bankCode ?? "",
        accountType: r.item.mandate.accountType ?? "",
        amount: r.item.amount,
        collectionDate,
        sequenceType: r.item.sequenceType,
        reference: r.reference,
      })),
    );
    fileName = `${batch.messageId}.${batch.format === "csv:za-fixed" ? "txt" : "csv"}`;
    contentType = "text/csv; charset=utf-8";
  } else {
    const groups = new Map<string, Pain008Group>();
    for (const r of rows) {
      const seq = r.item.sequenceType as Pain008Group["sequenceType"];
      const group = groups.get(seq) ?? {
        paymentInfoId: `${batch.messageId}-${seq}`,
        sequenceType: seq,
        collectionDate,
        transactions: [],
      };
      groups.set(seq, group);
      group.transactions.push({
        endToEndId: r.item.endToEndId,
        amount: r.item.amount,
        mandateId: r.item.mandate.mandateReference,
        signedOn: r.item.mandate.signedAt.toISOString().slice(0, 10),
        amendment: r.amendment,
        debtor: {
          name: r.item.mandate.accountHolder,
          account: r.account,
          isIban: isIban(r.account),
          bic: r.item.mandate.bic,
        },
        remittance: r.reference,
      });
    }
    body = buildPain008({
      version: batch.format as Pain008Version,
      messageId: batch.messageId,
      createdAt: batch.createdAt,
      currency: batch.currency,
      creditor,
      groups: [...groups.values()],
    });
    const check = await validateXml(body, batch.format);
    if (!check.valid)
      throw new AppError(
        "UNPROCESSABLE",
        `The collection file does not validate against ${batch.format}.xsd: ${check.errors.slice(0, 3).join("; ")}`,
      );
    fileName = `${batch.messageId}.xml`;
    contentType = "application/xml; charset=utf-8";
  }
  await db.$transaction(async (tx) => {
    if (batch.status === "DRAFT")
      await tx.collectionBatch.updateMany({
        where: { id: batch.id, status: "DRAFT" },
        data: { status: "EXPORTED", exportedAt: now() },
      });
    await recordAudit(
      {
        actor,
        action: "bank.collection_download",
        entityType: "CollectionBatch",
        entityId: batch.id,
        data: { items: rows.length, format: batch.format },
      },
      tx,
    );
  });
  return { fileName, contentType, body };
}
