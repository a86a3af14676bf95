// Least privilege in the database: migrations run as an owner role, the app as a role that may
// only read and write rows. This file runs the product's own code as that application role.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { inject } from "vitest";
import {
  grantAppRole,
  prepareDatabaseRoles,
  urlAs,
  type DatabaseRoles,
} from "@/lib/db/database-roles";
import { applyMigrations } from "@/lib/db/schema-engine";
import { disconnectDb, db } from "@/lib/db";
import { SYSTEM } from "@/lib/auth/roles";
import { createOneOffCharge } from "@/lib/invoices/create-one-off-charge";
import { createCustomer, setupIsp } from "../billing/fixtures";

const serverUrl = inject("pgServerUrl");
const suffix = randomBytes(4).toString("hex");
const roles: DatabaseRoles = {
  owner: { name: `t_owner_${suffix}`, password: randomBytes(12).toString("hex") },
  app: { name: `t_app_${suffix}`, password: randomBytes(12).toString("hex") },
};
const databases: string[] = [];

async function sql<T extends pg.QueryResultRow = pg.QueryResultRow>(
  url: string,
  query: string,
): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(query)).rows;
  } finally {
    await c.end();
  }
}
/** The SQLSTATE a statement fails with, or "ok". */
const failure = (url: string, query: string) =>
  sql(url, query).then(
    () => "ok",
    (e: { code?: string }) => e.code ?? String(e),
  );

async function newDatabase() {
  const name = `t_roles_${randomBytes(4).toString("hex")}`;
  await sql(serverUrl, `CREATE DATABASE ${name}`);
  databases.push(name);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

let superuserUrl: string;
let appUrl: string;
let ownerUrl: string;
beforeAll(async () => {
  superuserUrl = await newDatabase();
  await prepareDatabaseRoles(superuserUrl, roles);
  ownerUrl = urlAs(superuserUrl, roles.owner);
  await applyMigrations(ownerUrl); // pg_trgm and the triggers, created by a non-superuser
  await grantAppRole(superuserUrl, roles);
  appUrl = urlAs(superuserUrl, roles.app);
  // Everything below runs the product's code as the application role.
  process.env.DATABASE_URL = appUrl;
});

afterAll(async () => {
  await disconnectDb();
  for (const name of databases)
    await sql(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  for (const r of [roles.app, roles.owner]) await sql(serverUrl, `DROP ROLE IF EXISTS ${r.name}`);
});

describe("the application role", () => {
  test("is not a superuser and owns nothing", async () => {
    const [me] = await sql<{ user: string; rolsuper: boolean; rolcreatedb: boolean }>(
      appUrl,
      `SELECT current_user AS user, rolsuper, rolcreatedb FROM pg_roles WHERE rolname = current_user`,
    );
    expect(me).toEqual({ user: roles.app.name, rolsuper: false, rolcreatedb: false });
    const owned = await sql(
      superuserUrl,
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tableowner <> '${roles.owner.name}'`,
    );
    expect(owned).toEqual([]);
  });

  test("runs the product (reads and writes rows) but cannot change the schema", async () => {
    expect(await failure(appUrl, `DROP TABLE "Invoice"`)).toBe("42501");
    expect(await failure(appUrl, `ALTER TABLE "Invoice" DISABLE TRIGGER "Invoice_immutable"`)).toBe(
      "42501",
    );
    expect(await failure(appUrl, `TRUNCATE "AuditLog"`)).toBe("42501");
    expect(await failure(appUrl, `CREATE TABLE "Evil" ("x" int)`)).toBe("42501");
    expect(await failure(appUrl, `DELETE FROM "_prisma_migrations"`)).toBe("42501");
    expect(await failure(appUrl, `CREATE EXTENSION IF NOT EXISTS pgcrypto`)).toBe("42501");
  });

  test("cannot UPDATE a finalised invoice's total: the trigger still refuses", async () => {
    const { vat } = await setupIsp();
    const customer = await createCustomer();
    const { invoiceIds } = await createOneOffCharge({
      customerId: customer.id,
      description: "Installation",
      amount: 150000,
      taxClassId: vat.id,
      invoiceNow: true,
      actor: SYSTEM,
    });
    const invoice = await db.invoice.findUniqueOrThrow({ where: { id: invoiceIds[0] } });
    expect(invoice.status).not.toBe("DRAFT");
    expect(
      await failure(appUrl, `UPDATE "Invoice" SET "total" = 1 WHERE "id" = '${invoice.id}'`),
    ).toBe("23514"); // check_violation raised by lastmile_invoice_immutable()
    expect((await db.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).total).toBe(
      invoice.total,
    );
  });

  test("gets rows of tables later migrations create, by the owner's default privileges", async () => {
    await sql(ownerUrl, `CREATE TABLE "LaterFeature" ("id" serial PRIMARY KEY, "note" text)`);
    expect(await failure(appUrl, `INSERT INTO "LaterFeature" ("note") VALUES ('hello')`)).toBe(
      "ok",
    );
    expect(await failure(appUrl, `DROP TABLE "LaterFeature"`)).toBe("42501");
  });
});

test("a database from an earlier version (everything owned by the superuser) is handed over in place", async () => {
  const legacy = await newDatabase();
  await applyMigrations(legacy); // as the superuser, like earlier versions did
  await prepareDatabaseRoles(legacy, roles);
  await applyMigrations(urlAs(legacy, roles.owner));
  await grantAppRole(legacy, roles);
  const notOwned = await sql(
    legacy,
    `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r','S') AND pg_get_userbyid(c.relowner) <> '${roles.owner.name}'
     UNION ALL
     SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
     WHERE n.nspname = 'public' AND pg_get_userbyid(p.proowner) <> '${roles.owner.name}'
       AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')`,
  );
  expect(notOwned).toEqual([]);
  const app = urlAs(legacy, roles.app);
  expect(await failure(app, `SELECT count(*) FROM "User"`)).toBe("ok");
  expect(
    await failure(
      app,
      `INSERT INTO "AuditLog" ("actorType","actorLabel","action") VALUES ('SYSTEM','t','t')`,
    ),
  ).toBe("ok");
  expect(await failure(app, `DROP TABLE "User"`)).toBe("42501");
  // And again: every start runs the same steps.
  await prepareDatabaseRoles(legacy, roles);
  await grantAppRole(legacy, roles);
});
