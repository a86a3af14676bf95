// What `npm start` does to a database before serving: demo data on an empty embedded database,
// the first admin from ADMIN_EMAIL/ADMIN_PASSWORD, or nothing (the setup page takes over).
import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { hashPassword } from "@/lib/auth/password";
import { seedDemo } from "@/lib/demo/seed-demo";
import { isSetUp } from "@/lib/settings/get-settings";
import { recordAudit } from "@/lib/audit/record-audit";
import { SYSTEM } from "@/lib/auth/roles";

export async function bootstrapDatabase(opts: { embedded: boolean; log: (m: string) => void }) {
  const { log } = opts;
  if (!(await isSetUp())) {
    if (opts.embedded && env.DEMO_DATA) {
      const adminEmail = env.ADMIN_EMAIL ?? "admin@bolandfibre.test";
      const generated = randomBytes(9).toString("base64url");
      const adminPassword = env.ADMIN_PASSWORD ?? generated;
      log(
        "empty database: loading the demo ISP (Boland Fibre, Stellenbosch); DEMO_DATA=false starts empty",
      );
      const accounts = await seedDemo({ adminEmail, adminPassword, staffPassword: adminPassword });
      log("┌─ demo accounts (shown once) ──────────────────────────────");
      log(
        `│ admin     ${accounts.admin}  password: ${env.ADMIN_PASSWORD ? "(ADMIN_PASSWORD)" : adminPassword}`,
      );
      log(`│ staff     ${accounts.staff.join(", ")}  same password`);
      log(`│ customer  ${accounts.customer}  same password`);
      log("└───────────────────────────────────────────────────────────");
    } else {
      log("empty database: open the app and complete first-run setup at /setup");
    }
    return;
  }
  if (env.ADMIN_EMAIL && env.ADMIN_PASSWORD) {
    const email = env.ADMIN_EMAIL.toLowerCase();
    const existing = await db.user.findUnique({ where: { email }, select: { id: true } });
    if (!existing) {
      const user = await db.user.create({
        data: {
          email,
          name: "Administrator",
          role: "ADMIN",
          passwordHash: await hashPassword(env.ADMIN_PASSWORD),
        },
      });
      await recordAudit({
        actor: SYSTEM,
        action: "user.create",
        entityType: "User",
        entityId: user.id,
        data: { email, role: "ADMIN", from: "ADMIN_EMAIL" },
      });
      log(`created admin ${email} from ADMIN_EMAIL`);
    }
  }
}
