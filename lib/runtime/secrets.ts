// Secrets the app needs but a newcomer should not have to invent: created once under DATA_DIR
// (readable by the app's user only) and reused. Production deployments with several instances
// set AUTH_SECRET and ENCRYPTION_KEY in the environment. A file from an earlier version gains
// the keys it lacks.
import { existsSync } from "node:fs";
import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { randomBytes } from "node:crypto";

export type Secrets = {
  AUTH_SECRET: string;
  ENCRYPTION_KEY: string;
  /** Passwords of the embedded database's owner and application roles (lib/db/database-roles). */
  DB_OWNER_PASSWORD: string;
  DB_APP_PASSWORD: string;
};

const generate: Record<keyof Secrets, () => string> = {
  AUTH_SECRET: () => randomBytes(32).toString("base64url"),
  ENCRYPTION_KEY: () => randomBytes(32).toString("base64"),
  DB_OWNER_PASSWORD: () => randomBytes(24).toString("base64url"),
  DB_APP_PASSWORD: () => randomBytes(24).toString("base64url"),
};

export async function loadOrCreateSecrets(dataDir: string): Promise<Secrets> {
  const file = path.resolve(dataDir, "secrets.json");
  const existing: Partial<Secrets> = existsSync(file)
    ? JSON.parse(await readFile(file, "utf8"))
    : {};
  const missing = (Object.keys(generate) as (keyof Secrets)[]).filter((k) => !existing[k]);
  const secrets = { ...existing } as Secrets;
  for (const k of missing) secrets[k] = generate[k]();
  if (missing.length) {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  }
  await chmod(file, 0o600);
  return secrets;
}
