// Secrets the app needs but a newcomer should not have to invent: created once under DATA_DIR
// and reused. Production deployments with several instances set them in the environment.
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { randomBytes } from "node:crypto";

export async function loadOrCreateSecrets(
  dataDir: string,
): Promise<{ AUTH_SECRET: string; ENCRYPTION_KEY: string; created: boolean }> {
  const file = path.resolve(dataDir, "secrets.json");
  if (existsSync(file)) return { ...JSON.parse(await readFile(file, "utf8")), created: false };
  const secrets = {
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    ENCRYPTION_KEY: randomBytes(32).toString("base64"),
  };
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return { ...secrets, created: true };
}
