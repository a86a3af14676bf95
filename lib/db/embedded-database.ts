// The embedded database as npm start and the CLIs use it: connected to as the superuser only to
// set up the owner and application roles (database-roles.ts), migrated as the owner, used by
// the app as the application role. The roles' passwords live in DATA_DIR/secrets.json.
import { loadOrCreateSecrets } from "@/lib/runtime/secrets";
import {
  DEFAULT_ROLE_NAMES,
  grantAppRole,
  prepareDatabaseRoles,
  urlAs,
  type DatabaseRoles,
} from "./database-roles";
import { applyMigrations } from "./schema-engine";

export async function embeddedDatabaseRoles(dataDir: string): Promise<DatabaseRoles> {
  const secrets = await loadOrCreateSecrets(dataDir);
  return {
    owner: { name: DEFAULT_ROLE_NAMES.owner, password: secrets.DB_OWNER_PASSWORD },
    app: { name: DEFAULT_ROLE_NAMES.app, password: secrets.DB_APP_PASSWORD },
  };
}

/**
 * Roles ready, then (when `migrate`) migrations applied as the owner, then the app role granted.
 * `superuserUrl` is the superuser's URL of the app's database. Idempotent.
 */
export async function setUpEmbeddedDatabase(opts: {
  superuserUrl: string;
  dataDir: string;
  migrate: boolean;
}): Promise<{ appUrl: string; ownerUrl: string; applied: string[] }> {
  const roles = await embeddedDatabaseRoles(opts.dataDir);
  await prepareDatabaseRoles(opts.superuserUrl, roles);
  const ownerUrl = urlAs(opts.superuserUrl, roles.owner);
  const applied = opts.migrate ? await applyMigrations(ownerUrl) : [];
  await grantAppRole(opts.superuserUrl, roles);
  return { appUrl: urlAs(opts.superuserUrl, roles.app), ownerUrl, applied };
}
