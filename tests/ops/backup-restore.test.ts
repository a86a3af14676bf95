// A backup restored into a fresh database is the same ISP: identical books (ledger, invoices and
// their numbers), documents (stored PDF bytes), logins (passwords still verify) and DATA_DIR
// files — and the rules the database enforces (immutable invoices, append-only ledger) still
// hold afterwards. A backup taken while payments arrive is one consistent snapshot.
import { randomBytes } from "node:crypto";
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { db } from "@/lib/db";
import { SYSTEM } from "@/lib/auth/roles";
import { authenticate } from "@/lib/auth/authenticate";
import { runBilling } from "@/lib/billing/run-billing";
import { getInvoicePdf } from "@/lib/invoices/get-invoice-pdf";
import { recordPayment } from "@/lib/payments/record-payment";
import { loadOrCreateSecrets } from "@/lib/runtime/secrets";
import { setClock } from "@/lib/time/clock";
import { createBackup } from "@/lib/ops/backup/create-backup";
import { restoreBackup } from "@/lib/ops/backup/restore-backup";
import { createUserActor, TEST_PASSWORD } from "../support/fixtures";
import {
  createCustomer,
  createProduct,
  createSubscription,
  setupIsp,
  travelTo,
} from "../billing/fixtures";

const sourceUrl = process.env.DATABASE_URL!;
const work = await mkdtemp(path.join(os.tmpdir(), "lastmile-backup-test-"));
const dataDir = path.join(work, "data");
const customerIds: string[] = [];
let staffEmail = "";

async function freshDatabase(): Promise<string> {
  const name = `restore_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: inject("pgServerUrl") });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(inject("pgServerUrl"));
  url.pathname = `/${name}`;
  return url.toString();
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(sql)).rows;
  } finally {
    await c.end();
  }
}

/** Every row of every table, as text: two databases with equal fingerprints hold the same data. */
async function fingerprint(url: string): Promise<Record<string, string>> {
  const tables = await query<{ t: string }>(
    url,
    `SELECT relname AS t FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND relkind = 'r' AND relname <> '_prisma_migrations'`,
  );
  const out: Record<string, string> = {};
  for (const { t } of tables) {
    const [row] = await query<{ md5: string | null; n: number }>(
      url,
      `SELECT md5(string_agg(x::text, '|' ORDER BY x::text)) AS md5, count(*)::int AS n FROM "${t}" x`,
    );
    out[t] = `${row.n}:${row.md5}`;
  }
  return out;
}

const books = (url: string) =>
  Promise.all([
    query(
      url,
      `SELECT "customerId", sum("amount")::int AS s FROM "LedgerEntry" GROUP BY 1 ORDER BY 1`,
    ),
    query(
      url,
      `SELECT "number", "status", "subtotal", "taxTotal", "total", md5("pdf") AS pdf
         FROM "Invoice" ORDER BY "number"`,
    ),
    query(url, `SELECT "code", "nextNumber" FROM "NumberSeries" ORDER BY 1`),
  ]);

beforeAll(async () => {
  const { vat } = await setupIsp();
  const plan = await createProduct({ taxClassId: vat.id, price: 59900 });
  for (let i = 0; i < 3; i++) {
    const c = await createCustomer();
    customerIds.push(c.id);
    await createSubscription({ customerId: c.id, product: plan, startDate: "2026-03-01" });
  }
  travelTo("2026-03-01");
  await runBilling({ asOf: "2026-03-01", actor: SYSTEM });
  travelTo("2026-04-01");
  await runBilling({ asOf: "2026-04-01", actor: SYSTEM });
  for (const inv of await db.invoice.findMany({ where: { status: { not: "DRAFT" } } }))
    await getInvoicePdf({ invoiceId: inv.id, actor: SYSTEM }); // renders and stores the PDF
  await recordPayment({ customerId: customerIds[0], amount: 59900, method: "EFT", actor: SYSTEM });
  staffEmail = (
    await db.user.findUniqueOrThrow({ where: { id: (await createUserActor("ACCOUNTS")).id } })
  ).email;
  setClock(undefined);

  await loadOrCreateSecrets(dataDir);
  await mkdir(path.join(dataDir, "mail"), { recursive: true });
  await writeFile(path.join(dataDir, "mail", "welcome.eml"), "Subject: Welcome\r\n\r\nHello\r\n");
});

afterAll(async () => {
  process.env.DATABASE_URL = sourceUrl;
  await rm(work, { recursive: true, force: true });
});

describe("backup and restore", () => {
  let file = "";
  let restoredUrl = "";
  const restoredDir = path.join(work, "restored");

  test("restores the same books, documents, logins and files into a fresh database", async () => {
    const finalised = await db.invoice.count({
      where: { status: { not: "DRAFT" }, pdf: { not: null } },
    });
    expect(finalised).toBeGreaterThanOrEqual(6);

    file = path.join(work, "out", "backup.tar.gz");
    const made = await createBackup({ databaseUrl: sourceUrl, dataDir, out: file });
    expect(made.rows).toBeGreaterThan(20);
    expect((await stat(file)).mode & 0o777).toBe(0o600);

    restoredUrl = await freshDatabase();
    const done = await restoreBackup({ file, databaseUrl: restoredUrl, dataDir: restoredDir });
    expect(done.rows).toBe(made.rows);

    expect(await fingerprint(restoredUrl)).toEqual(await fingerprint(sourceUrl));
    // The indexes dropped for the load are all back, exactly as the migrations made them.
    const indexes = (url: string) =>
      query(
        url,
        `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1`,
      );
    expect(await indexes(restoredUrl)).toEqual(await indexes(sourceUrl));
    const [ledger, invoices, series] = await books(restoredUrl);
    expect([ledger, invoices, series]).toEqual(await books(sourceUrl));
    expect(invoices.every((i) => i.pdf)).toBe(true);

    expect(await readFile(path.join(restoredDir, "secrets.json"), "utf8")).toBe(
      await readFile(path.join(dataDir, "secrets.json"), "utf8"),
    );
    expect((await stat(path.join(restoredDir, "secrets.json"))).mode & 0o777).toBe(0o600);
    expect(await readFile(path.join(restoredDir, "mail", "welcome.eml"), "utf8")).toContain(
      "Welcome",
    );

    // Logins work against the restored database, through the real sign-in.
    process.env.DATABASE_URL = restoredUrl;
    const user = await authenticate({ email: staffEmail, password: TEST_PASSWORD });
    expect(user?.email).toBe(staffEmail);
    expect(await authenticate({ email: staffEmail, password: "wrong-password-1" })).toBeNull();
    // Sequences continue after the restored rows (the audit log's bigint id).
    const [{ max }] = await query<{ max: string }>(
      restoredUrl,
      `SELECT max("id")::text AS max FROM "AuditLog"`,
    );
    const [{ id }] = await query<{ id: string }>(
      restoredUrl,
      `INSERT INTO "AuditLog" ("actorType","actorLabel","action") VALUES ('SYSTEM','test','test.after_restore') RETURNING "id"::text`,
    );
    expect(BigInt(id)).toBeGreaterThan(BigInt(max));
    process.env.DATABASE_URL = sourceUrl;
  });

  test("the database still enforces immutability after a restore", async () => {
    const [inv] = await query<{ id: string }>(
      restoredUrl,
      `SELECT "id" FROM "Invoice" WHERE "status" <> 'DRAFT' LIMIT 1`,
    );
    await expect(
      query(restoredUrl, `UPDATE "Invoice" SET "total" = "total" + 1 WHERE "id" = '${inv.id}'`),
    ).rejects.toThrow(/finalised and cannot be changed/);
    await expect(
      query(restoredUrl, `DELETE FROM "InvoiceLine" WHERE "invoiceId" = '${inv.id}'`),
    ).rejects.toThrow(/finalised invoice cannot be changed/);
    await expect(query(restoredUrl, `UPDATE "LedgerEntry" SET "amount" = 1`)).rejects.toThrow(
      /cannot be changed once written/,
    );
    await expect(
      query(
        restoredUrl,
        `INSERT INTO "LedgerEntry" ("customerId","kind","sourceKey","amount","currency","description","effectiveDate")
         VALUES ('nobody','ADJUSTMENT','test:1',1,'ZAR','x','2026-04-01')`,
      ),
    ).rejects.toThrow(/foreign key/);
  });

  test("refuses a database or data directory that is not empty, unless forced", async () => {
    await expect(
      restoreBackup({ file, databaseUrl: restoredUrl, dataDir: path.join(work, "other") }),
    ).rejects.toThrow(/database is not empty/);
    await expect(
      restoreBackup({ file, databaseUrl: await freshDatabase(), dataDir: restoredDir }),
    ).rejects.toThrow(/is not empty \(secrets.json, mail\)/);
    const forced = await restoreBackup({
      file,
      databaseUrl: restoredUrl,
      dataDir: restoredDir,
      force: true,
    });
    expect(forced.rows).toBeGreaterThan(20);
    expect(await fingerprint(restoredUrl)).toEqual(await fingerprint(sourceUrl));
  });

  test("a backup taken while payments arrive is one consistent snapshot", async () => {
    let writing = true;
    let committed = 0;
    const writes = (async () => {
      while (writing) {
        await recordPayment({
          customerId: customerIds[committed % 3],
          amount: 100 + committed,
          method: "EFT",
          actor: SYSTEM,
        });
        committed++;
      }
    })();
    while (committed < 2) await new Promise((r) => setTimeout(r, 10));
    const out = path.join(work, "out", "during-writes.tar.gz");
    await createBackup({ databaseUrl: sourceUrl, dataDir, out });
    writing = false;
    await writes;

    const url = await freshDatabase();
    await restoreBackup({ file: out, databaseUrl: url, dataDir: path.join(work, "during") });
    // Every payment in the snapshot has its ledger entry and its allocations, none without.
    const [check] = await query<{ payments: number; ledger: number; sums: boolean }>(
      url,
      `SELECT (SELECT count(*)::int FROM "Payment") AS payments,
              (SELECT count(*)::int FROM "LedgerEntry" WHERE "kind" = 'PAYMENT') AS ledger,
              (SELECT coalesce(sum("amount"), 0) FROM "Payment") =
              (SELECT -coalesce(sum("amount"), 0) FROM "LedgerEntry" WHERE "kind" = 'PAYMENT') AS sums`,
    );
    expect(check.payments).toBeGreaterThanOrEqual(3); // the first one and those before the backup
    expect(check.ledger).toBe(check.payments);
    expect(check.sums).toBe(true);
  });
});
