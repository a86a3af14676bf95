import "server-only";
import { cache } from "react";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";

async function readSettings(tx: Tx) {
  const settings = await tx.ispSettings.findUnique({ where: { id: 1 } });
  if (!settings) throw new AppError("SETUP_REQUIRED", "Lastmile has not been set up yet.");
  return settings;
}

// A page render reads the settings from many use cases at once (today's date, currency, terms):
// outside a transaction one read serves the whole render (React's cache is per request and a
// pass-through outside a render); inside one, the transaction's own view is read.
const settingsForRender = cache(() => readSettings(db));

/** The ISP's settings (one row). Throws SETUP_REQUIRED before first-run setup. */
export async function getSettings(tx: Tx = db) {
  return tx === db ? settingsForRender() : readSettings(tx);
}

export async function isSetUp(): Promise<boolean> {
  return (await db.ispSettings.count({ where: { id: 1 } })) > 0;
}
