// The admin System page's data: readiness, versions, storage and the last backup — for admins only.
import { mkdir, mkdtemp, rm, utimes, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { AppError } from "@/lib/errors";
import { getSystemStatus } from "@/lib/ops/get-system-status";
import { ADMIN_NAV } from "@/components/layout/admin-nav";
import { can } from "@/lib/auth/roles";
import { createUserActor } from "../support/fixtures";
import { setupIsp } from "../billing/fixtures";

const dataDir = await mkdtemp(path.join(os.tmpdir(), "lastmile-system-"));
const saved = process.env.DATA_DIR;
beforeAll(async () => {
  await setupIsp();
  process.env.DATA_DIR = dataDir;
  await mkdir(path.join(dataDir, "backups"));
  const older = path.join(dataDir, "backups", "lastmile-nightly-2026-11-01T01-30-00.000Z.tar.gz");
  await writeFile(older, "x".repeat(10));
  await utimes(older, new Date("2026-11-01T01:30:00Z"), new Date("2026-11-01T01:30:00Z"));
  await writeFile(
    path.join(dataDir, "backups", "lastmile-2026-11-02T09-00-00.000Z.tar.gz"),
    "y".repeat(2500),
  );
});
afterAll(async () => {
  process.env.DATA_DIR = saved;
  await rm(dataDir, { recursive: true, force: true });
});

test("an admin sees readiness, versions, sizes and the newest backup", async () => {
  const s = await getSystemStatus({ actor: await createUserActor("ADMIN") });
  expect(s.readiness.status).toBe("ok");
  expect(s.versions.app).toMatch(/^\d+\.\d+\.\d+/);
  expect(s.versions.node).toBe(process.version);
  expect(s.versions.postgres).toMatch(/^\d+\.\d+/);
  expect(s.storage.dataDirBytes).toBe(2510);
  expect(s.storage.databaseBytes).toBeGreaterThan(1_000_000);
  expect(s.backups).toMatchObject({
    count: 2,
    retention: 7,
    last: { name: "lastmile-2026-11-02T09-00-00.000Z.tar.gz", bytes: 2500 },
  });
});

test("other staff may not see it, and the menu shows it to admins only", async () => {
  for (const role of ["ACCOUNTS", "SUPPORT", "SALES", "TECHNICIAN", "CUSTOMER"] as const) {
    const actor = await createUserActor(role);
    await expect(getSystemStatus({ actor })).rejects.toThrow(AppError);
    expect(can(actor, "system:read")).toBe(false);
  }
  const entry = ADMIN_NAV.find((n) => n.href === "/admin/system");
  expect(entry?.permission).toBe("system:read");
});
