import "server-only";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** The ISP's settings (one row). Throws SETUP_REQUIRED before first-run setup. */
export async function getSettings(tx: Tx = db) {
  const settings = await tx.ispSettings.findUnique({ where: { id: 1 } });
  if (!settings) throw new AppError("SETUP_REQUIRED", "Lastmile has not been set up yet.");
  return settings;
}

export async function isSetUp(): Promise<boolean> {
  return (await db.ispSettings.count({ where: { id: 1 } })) > 0;
}
