// Imports one bank file of any supported kind: camt.053/052 statements, camt.054 notifications,
// pain.002 status reports (and pain.008 copies, counted only). A file is imported once (its
// hash), each entry once (its bank reference); a file that cannot be read is refused whole with
// where and why; a statement for an account that is not the ISP's is held until confirmed
// (`acceptUnknownAccount`). Entries are booked in chunks, one transaction each, so a large
// statement never holds one huge transaction; a crash leaves the rest for a re-import, which
// skips what was booked.
import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { receivePaymentsBulkTx } from "@/lib/payments/receive-payments-bulk-tx";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { todayForIsp } from "@/lib/billing/billing-settings";
import { AppError } from "@/lib/errors";
import { publish } from "@/lib/events/publish";
import { logger } from "@/lib/log";
import { loadBankSettings } from "./bank-settings";
import { bookEntryTx, type BookContext, type Booked } from "./book-entry-tx";
import { bookStatusTx } from "./book-status-tx";
import { loadMatchIndex } from "./match-index";
import type { CsvMapping } from "./csv-mapping-schema";
import { readCsvStatement, readCsvTable, type CsvTable } from "./parse/csv-statement";
import { readXmlBankFile } from "./parse/read-bank-file";
import { RefusedFile, type ParsedEntry, type ParsedFile, type StatusItem } from "./parse/types";
import { refreshBatchTx } from "./refresh-batch-tx";
import { entryRow, insertNew, markEntries, statusRow } from "./write-bank-entries";
import { serializeBankFile } from "./serialize-bank-file";

export const MAX_BANK_FILE_BYTES = 50 * 1024 * 1024;
const CHUNK = 2_000;

export type ImportBankFileOptions = {
  actor: Actor;
  fileName: string;
  content: Buffer;
  acceptUnknownAccount?: boolean;
  /** A CSV statement's column mapping, chosen on its bank's first import and saved. */
  csvMapping?: CsvMapping;
};

type Read = { parsed: ParsedFile } | { needsMapping: CsvTable };

async function read(content: Buffer, csvMapping: CsvMapping | undefined): Promise<Read> {
  if (content.includes(0))
    throw new RefusedFile("byte " + content.indexOf(0), "binary data: not an XML or CSV file");
  const text = content.toString("utf8").replace(/^\uFEFF/, "");
  if (/^\s*</.test(text)) return { parsed: readXmlBankFile(text) };
  const table = readCsvTable(text);
  let saved = await db.bankCsvMapping.findUnique({ where: { headerKey: table.headerKey } });
  if (csvMapping) {
    const data = {
      name: csvMapping.name,
      columns: csvMapping,
      decimalComma: csvMapping.decimalComma,
      dateFormat: csvMapping.dateFormat,
      delimiter: table.delimiter,
    };
    saved = await db.bankCsvMapping.upsert({
      where: { headerKey: table.headerKey },
      create: { headerKey: table.headerKey, ...data },
      update: data,
    });
  }
  if (!saved) return { needsMapping: table };
  const { currency } = await db.ispSettings.findUniqueOrThrow({
    where: { id: 1 },
    select: { currency: true },
  });
  const entries = readCsvStatement(table, saved.columns as CsvMapping, currency);
  const parsed: ParsedFile = {
    kind: "CSV",
    messageId: saved.name,
    namespace: null,
    account: null,
    entries,
    statuses: [],
    infoCount: 0,
    warnings: [],
  };
  return { parsed };
}

/** A first guess at a CSV's columns, shown with the preview for a person to confirm. */
export function guessMapping(header: string[]) {
  const find = (re: RegExp) => header.find((h) => re.test(h));
  return {
    date: find(/date|datum|fecha|booked/i),
    amount: find(/amount|betrag|bedrag|value/i),
    credit: find(/credit|haben/i),
    debit: find(/debit|soll/i),
    reference: find(/ref|description|narrative|memo|verwendungszweck|details/i),
    payer: find(/name|payer|counterparty|auftraggeber/i),
    balance: find(/balance|saldo/i),
  };
}

async function knownAccounts() {
  const s = await db.ispSettings.findUniqueOrThrow({
    where: { id: 1 },
    select: { bankIban: true, bankAccountNumber: true },
  });
  const rows = await db.ispBankAccount.findMany({ select: { identifier: true } });
  return new Set(
    [s.bankIban, s.bankAccountNumber, ...rows.map((r) => r.identifier)]
      .filter((a): a is string => !!a)
      .map((a) => a.replace(/\s/g, "").toUpperCase()),
  );
}

async function loadItems(parsed: ParsedFile) {
  const e2e = new Set<string>();
  const batchRefs = new Set<string>();
  for (const e of parsed.entries) {
    for (const t of e.txs) if (t.endToEndId) e2e.add(t.endToEndId);
    for (const r of e.batchRefs) batchRefs.add(r);
  }
  for (const s of parsed.statuses) {
    if (s.endToEndId) e2e.add(s.endToEndId);
    for (const r of [s.originalMessageId, s.originalPmtInfId]) if (r) batchRefs.add(r);
  }
  const items = await db.collectionItem.findMany({
    where: { endToEndId: { in: [...e2e] } },
    select: { id: true, batchId: true, status: true, amount: true, endToEndId: true },
  });
  const messageIds = [...batchRefs].map((r) => r.replace(/-(FRST|RCUR|OOFF|FNAL)$/, ""));
  const batches = await db.collectionBatch.findMany({
    where: { messageId: { in: messageIds } },
    select: {
      id: true,
      messageId: true,
      items: {
        where: { status: "PENDING" },
        select: { id: true, batchId: true, amount: true, sequenceType: true },
      },
    },
  });
  const batchItems = new Map<string, { id: string; batchId: string; amount: number }[]>();
  for (const b of batches) {
    batchItems.set(b.messageId, b.items);
    for (const seq of new Set(b.items.map((i) => i.sequenceType)))
      batchItems.set(
        `${b.messageId}-${seq}`,
        b.items.filter((i) => i.sequenceType === seq),
      );
  }
  return { items: new Map(items.map((i) => [i.endToEndId, i])), batchItems };
}

export async function importBankFile({
  actor,
  fileName,
  content,
  acceptUnknownAccount,
  csvMapping,
}: ImportBankFileOptions) {
  assertCan(actor, "banking:write");
  if (content.length === 0)
    throw new AppError("VALIDATION", "The file is empty.", { file: "empty" });
  if (content.length > MAX_BANK_FILE_BYTES)
    throw new AppError("PAYLOAD_TOO_LARGE", "Bank files are limited to 50 MB.", {
      file: "too large",
    });
  const name = fileName.replace(/[\u0000-\u001f]/g, "").slice(0, 200) || "upload";
  const sha256 = createHash("sha256").update(content).digest("hex");
  const createdById = actor.kind === "system" ? null : actor.id;
  const previous = await db.bankFile.findUnique({ where: { sha256 } });
  const retry =
    (previous?.status === "HELD" && acceptUnknownAccount) ||
    (previous?.status === "NEEDS_MAPPING" && csvMapping);
  if (previous && !retry)
    return {
      ...serializeBankFile(previous),
      alreadyImported: previous.status === "IMPORTED",
      duplicateCount: previous.status === "IMPORTED" ? previous.entryCount : 0,
    };
  let parsed: ParsedFile;
  try {
    const r = await read(content, csvMapping);
    if ("needsMapping" in r) {
      const t = r.needsMapping;
      const waiting = await db.bankFile.create({
        data: {
          kind: "CSV",
          status: "NEEDS_MAPPING",
          fileName: name,
          sha256,
          entryCount: t.rows.length,
          content: content.toString("utf8"),
          error: "A CSV statement from a bank not seen before: choose its columns once.",
          createdById,
        },
      });
      return {
        ...serializeBankFile(waiting),
        alreadyImported: false,
        preview: { header: t.header, rows: t.rows.slice(0, 5), guess: guessMapping(t.header) },
      };
    }
    parsed = r.parsed;
  } catch (err) {
    if (!(err instanceof RefusedFile)) throw err;
    const refused = await db.bankFile.create({
      data: {
        kind: "UNKNOWN",
        status: "REFUSED",
        fileName: name,
        error: `${err.where}: ${err.message}`,
        createdById,
      },
    });
    return { ...serializeBankFile(refused), alreadyImported: false };
  }
  const entryCount = parsed.entries.length + parsed.statuses.length + parsed.infoCount;
  const base = {
    kind: parsed.kind,
    fileName: name,
    messageId: parsed.messageId?.slice(0, 200),
    namespace: parsed.namespace?.slice(0, 300),
    account: parsed.account,
    entryCount,
    warnings: parsed.warnings.slice(0, 200),
    createdById,
  };
  if (parsed.account && !(await knownAccounts()).has(parsed.account)) {
    if (!acceptUnknownAccount) {
      const held = await db.bankFile.create({
        data: {
          ...base,
          sha256,
          status: "HELD",
          content: content.toString("utf8"),
          error: `Account ${parsed.account} is not one of the ISP's bank accounts: confirm it to import.`,
        },
      });
      return { ...serializeBankFile(held), alreadyImported: false };
    }
    await db.ispBankAccount.upsert({
      where: { identifier: parsed.account },
      create: { identifier: parsed.account },
      update: {},
    });
  }
  const file = previous
    ? await db.bankFile.update({
        where: { id: previous.id },
        data: { ...base, status: "IMPORTED", content: null, error: null },
      })
    : await db.bankFile
        .create({ data: { ...base, sha256, status: "IMPORTED" } })
        .catch((err: { code?: string }) => {
          if (err.code === "P2002")
            throw new AppError("CONFLICT", "This file is being imported already.");
          throw err;
        });
  const settings = await loadBankSettings(db);
  const today = await todayForIsp();
  const { items, batchItems } = await loadItems(parsed);
  const ctx: BookContext & { byBatchRef: typeof batchItems } = {
    index: await loadMatchIndex(db),
    settings,
    today,
    items,
    batchItems,
    byBatchRef: batchItems,
    touchedBatches: new Set(),
    events: [],
  };
  const counts = { matched: 0, review: 0, duplicates: 0, debits: 0, returns: 0 };
  const work = [
    ...parsed.entries.map((e) => ({
      row: entryRow(e),
      entry: e as ParsedEntry | null,
      status: null as StatusItem | null,
    })),
    ...parsed.statuses.map((s) => ({ row: statusRow(s), entry: null, status: s })),
  ];
  for (let i = 0; i < work.length; i += CHUNK) {
    const chunk = work.slice(i, i + CHUNK);
    await db.$transaction(
      async (tx) => {
        const fresh = await insertNew(
          tx,
          file.id,
          chunk.map((w) => w.row),
        );
        counts.duplicates += chunk.length - fresh.size;
        const booked: (Booked & { bankRef: string })[] = [];
        for (const w of chunk) {
          if (!fresh.has(w.row.bankRef)) continue;
          const b = w.entry
            ? await bookEntryTx(tx, w.entry, ctx)
            : await bookStatusTx(tx, w.status!, ctx);
          if (b.status === "MATCHED") counts.matched++;
          if (b.status === "REVIEW") counts.review++;
          if (b.status === "DEBIT") counts.debits++;
          if (b.status === "RETURN") counts.returns++;
          if (b.status !== "INFO") booked.push({ ...b, bankRef: w.row.bankRef });
        }
        const credits = booked.filter((b) => b.credit);
        const payments = await receivePaymentsBulkTx(
          tx,
          credits.map((b) => b.credit!),
        );
        credits.forEach((b, k) => (b.paymentId = payments[k].paymentId));
        await markEntries(tx, booked);
        for (const b of ctx.touchedBatches) await refreshBatchTx(tx, b);
        ctx.touchedBatches.clear();
      },
      { timeout: 300_000 },
    );
  }
  const saved = await db.bankFile.update({
    where: { id: file.id },
    data: {
      matchedCount: counts.matched,
      reviewCount: counts.review,
      duplicateCount: counts.duplicates,
      debitCount: counts.debits,
      returnCount: counts.returns,
    },
  });
  await recordAudit({
    actor,
    action: "bank.file_import",
    entityType: "BankFile",
    entityId: file.id,
    data: { kind: parsed.kind, ...counts },
  });
  for (const event of ctx.events)
    await publish(event).catch((err) => logger.error({ err, event: event.name }, "publish failed"));
  return { ...serializeBankFile(saved), alreadyImported: false };
}
