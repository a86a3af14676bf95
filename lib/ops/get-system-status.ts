// The admin System page: readiness with its checks, versions, storage and backups.
import path from "node:path";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { appVersion } from "./app-version";
import { listBackups, backupsDir } from "./backup/backup-files";
import { directorySize } from "./directory-size";
import { runReadinessChecks } from "./readiness-checks";

export type GetSystemStatusOptions = { actor: Actor };

async function databaseFacts() {
  try {
    const [row] = await db.$queryRawUnsafe<{ version: string; bytes: bigint; name: string }[]>(
      `SELECT current_setting('server_version') AS version, current_database() AS name,
              pg_database_size(current_database()) AS bytes`,
    );
    return { postgres: row.version, name: row.name, bytes: Number(row.bytes) };
  } catch {
    return { postgres: null, name: null, bytes: null };
  }
}

/** host:port of DATABASE_URL, never its credentials. */
function databaseHost(): string | null {
  try {
    const u = new URL(env.DATABASE_URL ?? "");
    return `${u.hostname}:${u.port || 5432}`;
  } catch {
    return null;
  }
}

export async function getSystemStatus({ actor }: GetSystemStatusOptions) {
  assertCan(actor, "system:read");
  const dataDir = path.resolve(env.DATA_DIR);
  const [readiness, database, dataDirBytes, backups] = await Promise.all([
    runReadinessChecks(),
    databaseFacts(),
    directorySize(dataDir),
    listBackups(dataDir),
  ]);
  return {
    readiness,
    versions: { app: appVersion(), node: process.version, postgres: database.postgres },
    storage: {
      dataDir,
      dataDirBytes,
      database: database.name,
      databaseHost: databaseHost(),
      databaseBytes: database.bytes,
    },
    backups: {
      dir: backupsDir(dataDir),
      last: backups[0] ?? null,
      count: backups.length,
      /** Nightly backups kept; 0 = nightly backups off. */
      retention: env.BACKUP_RETENTION,
    },
  };
}

export type SystemStatus = Awaited<ReturnType<typeof getSystemStatus>>;
