// The accounts `npm run bench:load` signs in with, set up through the database the server uses
// (DATABASE_URL, or the embedded PostgreSQL under DATA_DIR, as the other CLIs): portal users are
// customers with a login and at least one issued invoice (so the invoice list and PDF have
// something to show), sampled at random, given one bench password; staff are `bench-staff-N@…`
// ACCOUNTS users (customers:read and billing:read), created or reset to that password.
// Generated customers from `npm run seed` have no invoices yet, so on the seeded data set the
// portal users are the demo ISP's billed customers and the 100k bulk customers are what staff search.
import "../lib/runtime/allow-server-only";
import { connectLocal } from "../lib/db/connect-local";

export type BenchAccounts = { portal: string[]; staff: string[]; password: string };

export async function prepareAccounts(opts: {
  users: number;
  staff: number;
  password: string;
}): Promise<BenchAccounts> {
  const local = await connectLocal({
    databaseUrl: process.env.DATABASE_URL,
    dataDir: process.env.DATA_DIR ?? "./data",
  });
  process.env.DATABASE_URL = local.url;
  process.env.LOG_LEVEL ??= "silent";
  const { db, disconnectDb } = await import("../lib/db");
  const { hashPassword } = await import("../lib/auth/password");
  try {
    const passwordHash = await hashPassword(opts.password);
    const portal = await db.$queryRaw<{ email: string }[]>`
      SELECT u.email FROM "User" u
       WHERE u.role = 'CUSTOMER' AND u.active
         AND EXISTS (SELECT 1 FROM "Invoice" i WHERE i."customerId" = u."customerId" AND i.status <> 'DRAFT')
       ORDER BY random() LIMIT ${opts.users}`;
    await db.user.updateMany({
      where: { email: { in: portal.map((p) => p.email) } },
      data: { passwordHash, mustChangePassword: false },
    });
    const staff = Array.from({ length: opts.staff }, (_, i) => `bench-staff-${i + 1}@load.test`);
    for (const email of staff)
      await db.user.upsert({
        where: { email },
        create: { email, name: "Load bench", role: "ACCOUNTS", passwordHash },
        update: { passwordHash, active: true, mustChangePassword: false },
      });
    return { portal: portal.map((p) => p.email), staff, password: opts.password };
  } finally {
    await disconnectDb();
    await local.close();
  }
}
