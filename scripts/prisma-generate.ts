// `prisma generate` never runs the schema engine, but the CLI refuses to start unless the engine
// file exists, and downloads it when missing — impossible offline. Point it at an existing file.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const env: NodeJS.ProcessEnv = {
  ...process.env,
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  CHECKPOINT_DISABLE: "1",
};
if (!env.PRISMA_SCHEMA_ENGINE_BINARY || !existsSync(env.PRISMA_SCHEMA_ENGINE_BINARY)) {
  env.PRISMA_SCHEMA_ENGINE_BINARY = process.execPath;
}
const result = spawnSync("npx", ["prisma", "generate"], { stdio: "inherit", env });
process.exit(result.status ?? 1);
