import { defineConfig } from "prisma/config";
import { EXTERNAL_TABLES } from "./lib/db/external-tables";

// The Prisma CLI is only used for `generate` here; migrations run through the WASM schema
// engine (scripts/db-migrate.ts) because the native engine cannot be downloaded offline.
// FreeRADIUS's tables are created by our migrations but are not Prisma models.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  experimental: { externalTables: true },
  tables: { external: EXTERNAL_TABLES },
});
