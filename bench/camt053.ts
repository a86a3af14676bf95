// npm run bench:camt053 — imports a camt.053 statement of 50,000 credits on its own embedded
// PostgreSQL: each credit names an open invoice, so each is matched by reference, recorded as a
// payment (receipt number, ledger entry) and allocated. Billing leaves fewer open invoices than
// customers, so some invoices are paid in two credits (half, then the rest) to make 50,000. Bar: imported and matched ≤ 10 s. Prints
// the ratio against parsing the file alone, and re-imports it (all duplicates).
import "../lib/runtime/allow-server-only"; // first: lets server-only lib modules load in Node
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "../lib/db/embedded-postgres";
import { applyMigrations } from "../lib/db/schema-engine";

const N = Number(process.env.BENCH_ENTRIES ?? 50_000);
const IBAN = "DE89370400440532013000";

const dir = await mkdtemp(path.join(os.tmpdir(), "lastmile-bench-camt-"));
const server = await startEmbeddedPostgres({ dataDir: dir, persistent: false });
const ms = (t: number) => performance.now() - t;
try {
  const admin = new pg.Client({ connectionString: server.url("postgres") });
  await admin.connect();
  await admin.query("CREATE DATABASE bench");
  await admin.end();
  const url = server.url("bench");
  await applyMigrations(url);
  process.env.DATABASE_URL = url;
  const { createIsp } = await import("../lib/setup/create-isp");
  const { db, disconnectDb } = await import("../lib/db");
  const { generateCustomers } = await import("../lib/demo/generate-customers");
  const { runBilling } = await import("../lib/billing/run-billing");
  const { importBankFile } = await import("../lib/bank/import-bank-file");
  const { readXmlBankFile } = await import("../lib/bank/parse/read-bank-file");
  const { SYSTEM } = await import("../lib/auth/roles");
  const { setClock } = await import("../lib/time/clock");
  setClock(new Date("2026-11-02T10:00:00Z"));
  await createIsp({
    name: "Bench ISP",
    country: "ZA",
    currency: "ZAR",
    timeZone: "Africa/Johannesburg",
    taxRate: 15,
    adminName: "Bench",
    adminEmail: "bench@example.test",
    adminPassword: "bench-password-1",
  });
  await db.ispSettings.update({ where: { id: 1 }, data: { bankIban: IBAN } });
  const tax = await db.taxClass.findFirstOrThrow();
  await db.product.create({
    data: { code: "F100", name: "Fibre 100", kind: "PLAN", price: 50000, taxClassId: tax.id },
  });
  let t = performance.now();
  await generateCustomers({ count: N, seed: 7 });
  await runBilling({ asOf: "2026-11-30", actor: SYSTEM, trigger: "bench" });
  const invoices = await db.invoice.findMany({
    where: { status: "OPEN" },
    select: { number: true, total: true },
    take: N,
  });
  console.log(
    `setup: ${invoices.length.toLocaleString()} open invoices in ${(ms(t) / 1000).toFixed(1)} s`,
  );
  setClock(new Date("2026-12-01T10:00:00Z"));

  const split = Math.max(0, Math.min(invoices.length, N - invoices.length));
  const credits = invoices.flatMap((inv, i) =>
    i < split
      ? [
          { number: inv.number, amount: Math.floor(inv.total / 2) },
          { number: inv.number, amount: inv.total - Math.floor(inv.total / 2) },
        ]
      : [{ number: inv.number, amount: inv.total }],
  );
  const entries = credits.map(
    (inv, i) =>
      `<Ntry><Amt Ccy="ZAR">${(inv.amount / 100).toFixed(2)}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>` +
      `<BookgDt><Dt>2026-12-01</Dt></BookgDt><ValDt><Dt>2026-12-01</Dt></ValDt><AcctSvcrRef>B${i}</AcctSvcrRef>` +
      `<BkTxCd/><NtryDtls><TxDtls><Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs>` +
      `<RltdPties><Dbtr><Pty><Nm>Payer ${i}</Nm></Pty></Dbtr></RltdPties>` +
      `<RmtInf><Ustrd>${inv.number}</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>\n`,
  );
  const xml =
    `<?xml version="1.0" encoding="UTF-8"?>\n<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt>` +
    `<GrpHdr><MsgId>BENCH</MsgId><CreDtTm>2026-12-01T18:00:00</CreDtTm></GrpHdr><Stmt><Id>BENCH-1</Id>` +
    `<CreDtTm>2026-12-01T18:00:00</CreDtTm><Acct><Id><IBAN>${IBAN}</IBAN></Id></Acct>` +
    entries.join("") +
    `</Stmt></BkToCstmrStmt></Document>\n`;
  const content = Buffer.from(xml);

  t = performance.now();
  const parsed = readXmlBankFile(xml);
  const parseMs = ms(t);
  t = performance.now();
  const result = await importBankFile({ actor: SYSTEM, fileName: "bench.xml", content });
  const importMs = ms(t);
  t = performance.now();
  const again = await importBankFile({
    actor: SYSTEM,
    fileName: "bench-copy.xml",
    content: Buffer.concat([content, Buffer.from("\n")]),
  });
  const againMs = ms(t);
  const paid = await db.invoice.count({ where: { status: "PAID" } });
  console.log(
    `parse only: ${parsed.entries.length.toLocaleString()} entries in ${parseMs.toFixed(0)} ms`,
  );
  console.log(
    `import + match: ${result.matchedCount.toLocaleString()} matched, ${result.reviewCount} to review, ${paid.toLocaleString()} invoices paid in ${importMs.toFixed(0)} ms (bar 10000 ms)`,
  );
  console.log(`ratio import+match / parse alone: ${(importMs / parseMs).toFixed(1)}×`);
  console.log(
    `load average: ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")} (2 cores, shared)`,
  );
  console.log(
    `re-import (same entries, other file): ${again.duplicateCount.toLocaleString()} duplicates in ${againMs.toFixed(0)} ms`,
  );
  await disconnectDb();
} finally {
  await server.stop();
  await rm(dir, { recursive: true, force: true });
}
process.exit(0);
