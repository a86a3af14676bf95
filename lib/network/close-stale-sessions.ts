// Sessions a NAS never stopped — it rebooted without Accounting-On, or lost the route to us —
// would stay "online" forever and block Simultaneous-Use. One silent for three interim
// intervals (IspSettings.radiusInterimSeconds, the Acct-Interim-Interval we send) is closed at
// its last update with cause Stale-Session, so the usage fold counts its last totals once and
// stops looking at it. (FreeRADIUS closes a NAS's sessions itself on Accounting-On/Off.)
import { db } from "@/lib/db";
import { now } from "@/lib/time/clock";
import { getSettings } from "@/lib/settings/get-settings";

export async function closeStaleSessions(): Promise<{ closed: number }> {
  const settings = await getSettings();
  const cutoff = new Date(now().getTime() - 3 * settings.radiusInterimSeconds * 1000);
  const closed = await db.$executeRawUnsafe(
    `UPDATE radacct
        SET acctstoptime = COALESCE(acctupdatetime, acctstarttime),
            acctterminatecause = 'Stale-Session'
      WHERE acctstoptime IS NULL AND COALESCE(acctupdatetime, acctstarttime) < $1`,
    cutoff,
  );
  return { closed };
}
