import { defineConfig } from "prisma/config";

// The Prisma CLI is only used for `generate` here; migrations run through the WASM schema
// engine (scripts/db-migrate.ts) because the native engine cannot be downloaded offline.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
