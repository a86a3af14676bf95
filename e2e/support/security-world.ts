// What the security specs need from the running e2e app, set up once per worker: an API key per
// staff role (made with the documented CLI), a second customer who can sign in (a demo customer
// given customer A's password), an order, and real ids to put in page and API paths.
import { execFile } from "node:child_process";
import { mkdir, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { connectLocal } from "@/lib/db/connect-local";
import { E2E } from "./env";

export const STAFF = ["ADMIN", "SALES", "ACCOUNTS", "SUPPORT", "TECHNICIAN"] as const;
export type StaffRole = (typeof STAFF)[number];
/** An id no record has: pages answer 404, API paths 404 (or 403 first). */
export const NO_SUCH_ID = "e2e-no-such-id";

export type World = {
  keys: Record<StaffRole, string>;
  /** Customer B's sign-in (customer A's is E2E.users.CUSTOMER; both use E2E.password). */
  customerBEmail: string;
  ids: {
    customerA: string;
    customerB: string;
    invoiceA: string;
    invoiceB: string;
    subscriptionA: string;
    contractA: string | null;
    order: string | null;
    product: string;
    area: string;
    billingRun: string | null;
    mail: string | null;
    paymentA: string | null;
    creditNoteA: string | null;
    webhook: string | null;
    serviceRequest: string | null;
    ticketA: string;
    ticketAttachmentA: string;
    bankFile: string;
  };
};

const run = promisify(execFile);

async function apiKey(role: StaffRole): Promise<string> {
  const { stdout } = await run(
    "npx",
    ["tsx", "scripts/apikey-create.ts", "--role", role, "--name", `e2e security ${role}`],
    { env: { ...process.env, DATA_DIR: E2E.dataDir, DATABASE_URL: "" } },
  );
  return stdout.trim().split("\n").at(-1)!;
}

async function build(): Promise<World> {
  const local = await connectLocal({ dataDir: E2E.dataDir });
  const client = new pg.Client({ connectionString: local.url });
  await client.connect();
  const one = async (sql: string, params: unknown[] = []) =>
    ((await client.query(sql, params)).rows[0]?.id as string | undefined) ?? null;
  try {
    const customerA = (await one(`SELECT "customerId" AS id FROM "User" WHERE email = $1`, [
      E2E.users.CUSTOMER,
    ]))!;
    const invoiceOf = (c: string) =>
      one(
        `SELECT id FROM "Invoice" WHERE "customerId" = $1 AND status <> 'DRAFT' ORDER BY "issueDate" DESC LIMIT 1`,
        [c],
      );
    // Customer B: another demo customer with invoices, given customer A's password.
    const customerB = (await one(
      `SELECT u."customerId" AS id FROM "User" u
        WHERE u.role = 'CUSTOMER' AND u."customerId" <> $1
          AND EXISTS (SELECT 1 FROM "Invoice" i WHERE i."customerId" = u."customerId" AND i.status <> 'DRAFT')
        ORDER BY u.email LIMIT 1`,
      [customerA],
    ))!;
    const customerBEmail = (
      await client.query(
        `UPDATE "User" SET "passwordHash" = (SELECT "passwordHash" FROM "User" WHERE email = $1)
          WHERE "customerId" = $2 RETURNING email`,
        [E2E.users.CUSTOMER, customerB],
      )
    ).rows[0].email as string;
    // The demo has no orders yet: one for customer A, priced by the storefront's own quote.
    const plan = await one(
      `SELECT code AS id FROM "Product" WHERE kind = 'PLAN' AND status = 'ACTIVE' LIMIT 1`,
    );
    const quote = await (await fetch(`${E2E.baseUrl}/api/storefront/quote?plan=${plan}`)).json();
    await client.query(
      `INSERT INTO "Order" (id, number, "customerId", status, quote, "updatedAt")
       VALUES ('e2e-security-order', 'E2E-SEC-1', $1, 'NEW', $2, now()) ON CONFLICT DO NOTHING`,
      [customerA, { ...quote, paymentKind: "EFT" }],
    );
    // A ticket of customer A's with a text file on its first message.
    await client.query(
      `INSERT INTO "Ticket" (id, number, "customerId", subject, "replyToken", "firstResponseDueAt",
         "resolveDueAt", "updatedAt")
       VALUES ('e2e-security-ticket', 'E2E-T-1', $1, 'Security matrix ticket', 'e2e-security-reply-token',
         now() + interval '4 hours', now() + interval '1 day', now()) ON CONFLICT DO NOTHING`,
      [customerA],
    );
    await client.query(
      `INSERT INTO "TicketMessage" (id, "ticketId", "authorName", "fromStaff", body)
       VALUES ('e2e-security-ticket-msg', 'e2e-security-ticket', 'Customer A', false, 'Help')
       ON CONFLICT DO NOTHING`,
    );
    await client.query(
      `INSERT INTO "TicketAttachment" (id, "messageId", filename, "contentType", size, sha256)
       VALUES ('e2e-security-attachment', 'e2e-security-ticket-msg', 'log.txt', 'text/plain', 5, '')
       ON CONFLICT DO NOTHING`,
    );
    await client.query(
      `INSERT INTO "BankFile" (id, kind, status, "fileName", "entryCount")
       VALUES ('e2e-security-bank-file', 'CAMT053', 'IMPORTED', 'statement.xml', 0)
       ON CONFLICT DO NOTHING`,
    );
    const ticketDir = path.join(E2E.dataDir, "tickets", "e2e-security-ticket");
    await mkdir(ticketDir, { recursive: true });
    await writeFile(path.join(ticketDir, "e2e-security-attachment"), "hello");
    const mailDir = path.join(E2E.dataDir, "mail");
    const mail = (await readdir(mailDir).catch(() => [])).find((f) => f.endsWith(".eml")) ?? null;
    // One at a time: concurrent CLI runs race on the database's startup grants.
    const keys: string[] = [];
    for (const role of STAFF) keys.push(await apiKey(role));
    return {
      keys: Object.fromEntries(STAFF.map((r, i) => [r, keys[i]])) as World["keys"],
      customerBEmail,
      ids: {
        customerA,
        customerB,
        invoiceA: (await invoiceOf(customerA))!,
        invoiceB: (await invoiceOf(customerB))!,
        subscriptionA: (await one(`SELECT id FROM "Subscription" WHERE "customerId" = $1`, [
          customerA,
        ]))!,
        contractA: await one(`SELECT id FROM "Contract" WHERE "customerId" = $1`, [customerA]),
        order: await one(`SELECT id FROM "Order" ORDER BY "createdAt" DESC LIMIT 1`),
        product: (await one(`SELECT id FROM "Product" WHERE status = 'ACTIVE' LIMIT 1`))!,
        area: (await one(`SELECT id FROM "CoverageArea" LIMIT 1`))!,
        billingRun: await one(`SELECT id FROM "BillingRun" ORDER BY "startedAt" DESC LIMIT 1`),
        mail,
        paymentA: await one(`SELECT id FROM "Payment" WHERE "customerId" = $1 LIMIT 1`, [
          customerA,
        ]),
        creditNoteA: await one(`SELECT id FROM "CreditNote" WHERE "customerId" = $1 LIMIT 1`, [
          customerA,
        ]),
        webhook: await one(`SELECT id FROM "WebhookEndpoint" LIMIT 1`),
        serviceRequest: await one(`SELECT id FROM "ServiceRequest" ORDER BY "createdAt" LIMIT 1`),
        ticketA: "e2e-security-ticket",
        ticketAttachmentA: "e2e-security-attachment",
        bankFile: "e2e-security-bank-file",
      },
    };
  } finally {
    await client.end();
    await local.close();
  }
}

let world: Promise<World> | undefined;
export const securityWorld = () => (world ??= build());
