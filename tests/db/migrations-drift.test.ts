import { inject, expect, test } from "vitest";
import { diffSchemaAgainstMigrations } from "@/lib/db/schema-engine";
import { withScratchDatabase } from "@/lib/db/scratch-database";

test("prisma/schema.prisma and prisma/migrations describe the same database", async () => {
  const sql = await withScratchDatabase(inject("pgServerUrl"), diffSchemaAgainstMigrations);
  expect(sql, "run `npm run db:migration:create -- <name>` to add a migration").toBe("");
});
