import type { ChargeResult } from "./charge-invoice";

/** A sweep's outcome in counts (plain JSON: it is a job step's result). */
export type ChargeTally = {
  charged: number;
  failed: number;
  authenticationRequired: number;
  unknown: number;
  skipped: number;
};

export function tally(results: ChargeResult[]): ChargeTally {
  const t = { charged: 0, failed: 0, authenticationRequired: 0, unknown: 0, skipped: 0 };
  for (const r of results) {
    if (r.result === "received") t.charged++;
    else if (r.result === "failed") {
      t.failed++;
      if (r.authenticationRequired) t.authenticationRequired++;
    } else if (r.result === "unknown") t.unknown++;
    else t.skipped++;
  }
  return t;
}
