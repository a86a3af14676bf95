// Least privilege in the database. The embedded cluster's superuser (`lastmile`, password in
// DATA_DIR/pg-password) only creates two roles and hands the database over:
// - the owner role (`lastmile_owner`) owns the database and every object in it and runs the
//   migrations (it creates the trusted pg_trgm extension itself);
// - the application role (`lastmile_app`), which the app connects as, may read and write rows
//   (granted now, and by default privileges for whatever the owner creates later) but owns
//   nothing: no DDL, no disabling the triggers that keep finalised invoices and signed contracts
//   unchanged, no writing the migrations table, not a superuser.
// Both steps are idempotent and run on every start, so a data directory from a version that ran
// everything as the superuser is converted in place. README (Deploying) has the same as SQL for
// an external server.
import pg from "pg";

export type DatabaseRoles = {
  owner: { name: string; password: string };
  app: { name: string; password: string };
};

export const DEFAULT_ROLE_NAMES = { owner: "lastmile_owner", app: "lastmile_app" } as const;

const ident = (name: string) => pg.escapeIdentifier(name);
const literal = (value: string) => pg.escapeLiteral(value);

/** `url` with another user and password (same server and database). */
export function urlAs(url: string, role: { name: string; password: string }): string {
  const u = new URL(url);
  u.username = encodeURIComponent(role.name);
  u.password = encodeURIComponent(role.password);
  return u.toString();
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const RELATION_KIND: Record<string, string> = {
  S: "SEQUENCE",
  v: "VIEW",
  m: "MATERIALIZED VIEW",
  f: "FOREIGN TABLE",
};

async function ensureRole(c: pg.Client, role: { name: string; password: string }) {
  const exists = await c.query(`SELECT 1 FROM pg_roles WHERE rolname = $1`, [role.name]);
  if (!exists.rowCount) await c.query(`CREATE ROLE ${ident(role.name)}`);
  // Also corrects a role someone widened by hand, and follows a password changed in secrets.json.
  await c.query(
    `ALTER ROLE ${ident(role.name)} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD ${literal(role.password)}`,
  );
}

/**
 * Before migrations, as the superuser on the app's database: the two roles exist, the owner owns
 * the database, and objects an earlier version created as the superuser move to the owner.
 */
export async function prepareDatabaseRoles(superuserUrl: string, roles: DatabaseRoles) {
  await withClient(superuserUrl, async (c) => {
    const owner = ident(roles.owner.name);
    await ensureRole(c, roles.owner);
    await ensureRole(c, roles.app);
    // FreeRADIUS's role: roles belong to the cluster and the owner may not create them, so the
    // superuser does; the radius_schema migration (run by the owner) grants it its tables.
    const radius = await c.query(`SELECT 1 FROM pg_roles WHERE rolname = 'radius'`);
    if (!radius.rowCount) await c.query(`CREATE ROLE radius NOLOGIN`);
    const { rows } = await c.query<{ db: string }>(`SELECT current_database() AS db`);
    const database = ident(rows[0].db);
    await c.query(`ALTER DATABASE ${database} OWNER TO ${owner}`);
    // Nobody else may connect; the app may, and nothing more at database level.
    await c.query(`REVOKE ALL ON DATABASE ${database} FROM PUBLIC`);
    await c.query(`GRANT CONNECT ON DATABASE ${database} TO ${ident(roles.app.name)}`);
    // Tables, views and free-standing sequences (a serial's sequence follows its table).
    const relations = await c.query<{ kind: string; name: string }>(
      `SELECT c.relkind AS kind, format('%I.%I', n.nspname, c.relname) AS name
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind IN ('r','p','v','m','f','S')
         AND c.relowner <> (SELECT oid FROM pg_roles WHERE rolname = $1)
         AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                         AND d.objid = c.oid AND d.deptype IN ('a','i','e'))`,
      [roles.owner.name],
    );
    for (const r of relations.rows)
      await c.query(`ALTER ${RELATION_KIND[r.kind] ?? "TABLE"} ${r.name} OWNER TO ${owner}`);
    // Enums and domains, and functions (the immutability triggers'), not an extension's.
    const types = await c.query<{ name: string }>(
      `SELECT format('%I.%I', n.nspname, t.typname) AS name
       FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
       WHERE n.nspname = 'public' AND t.typtype IN ('e','d')
         AND t.typowner <> (SELECT oid FROM pg_roles WHERE rolname = $1)
         AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_type'::regclass
                         AND d.objid = t.oid AND d.deptype = 'e')`,
      [roles.owner.name],
    );
    for (const t of types.rows) await c.query(`ALTER TYPE ${t.name} OWNER TO ${owner}`);
    const routines = await c.query<{ name: string }>(
      `SELECT p.oid::regprocedure::text AS name
       FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
       WHERE n.nspname = 'public'
         AND p.proowner <> (SELECT oid FROM pg_roles WHERE rolname = $1)
         AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass
                         AND d.objid = p.oid AND d.deptype = 'e')`,
      [roles.owner.name],
    );
    for (const r of routines.rows) await c.query(`ALTER ROUTINE ${r.name} OWNER TO ${owner}`);
  });
}

/**
 * After migrations: the app role reads and writes rows of every table and uses the sequences,
 * now and — by the owner's default privileges — for tables later migrations create.
 */
export async function grantAppRole(superuserUrl: string, roles: DatabaseRoles) {
  await withClient(superuserUrl, async (c) => {
    const owner = ident(roles.owner.name);
    const app = ident(roles.app.name);
    await c.query(`GRANT USAGE ON SCHEMA public TO ${app}`);
    await c.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${app}`);
    await c.query(`GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO ${app}`);
    await c.query(
      `ALTER DEFAULT PRIVILEGES FOR ROLE ${owner} IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app}`,
    );
    await c.query(
      `ALTER DEFAULT PRIVILEGES FOR ROLE ${owner} IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO ${app}`,
    );
    // Which migrations ran is the owner's business.
    const migrations = await c.query(`SELECT to_regclass('public._prisma_migrations') AS t`);
    if (migrations.rows[0].t)
      await c.query(`REVOKE INSERT, UPDATE, DELETE ON "_prisma_migrations" FROM ${app}`);
  });
}
