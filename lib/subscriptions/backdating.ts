// Back-dating (RULES.md rule 24): a change or cancellation may take effect on a day already past
// within the subscription's current open period (the one containing today). Earlier than that only
// when an ADMIN passes allowBackdate: it re-opens invoiced periods, so it is a deliberate act.
import type { Actor } from "@/lib/auth/roles";
import { periodContaining, type Cycle, type CycleAnchor } from "@/lib/billing/cycles";
import { AppError } from "@/lib/errors";
import { parts, type IsoDate } from "@/lib/time/dates";

/** The billing cycle and anchor of a subscription row, as the period helpers need them. */
export function cycleOfSubscription(
  sub: { cycleMode: Cycle["mode"]; interval: Cycle["interval"]; anchorDay: number | null },
  startDate: IsoDate,
): Cycle {
  return {
    mode: sub.cycleMode,
    interval: sub.interval,
    anchorDay: sub.cycleMode === "CALENDAR" ? 1 : (sub.anchorDay ?? parts(startDate).day),
  };
}

export function assertBackdateAllowed(opts: {
  actor: Actor;
  cycle: Cycle;
  anchor: CycleAnchor;
  effectiveDate: IsoDate;
  today: IsoDate;
  allowBackdate?: boolean;
  /** The input field the date came from, for the error. */
  field: string;
}) {
  if (opts.effectiveDate >= opts.today) return;
  const open = periodContaining(opts.cycle, opts.anchor, opts.today);
  if (opts.effectiveDate >= open.start) return;
  if (!opts.allowBackdate)
    throw new AppError(
      "VALIDATION",
      `That is before the current billing period (from ${open.start}); an admin may back-date it with allowBackdate.`,
      { [opts.field]: "before the current billing period" },
    );
  const admin = opts.actor.kind === "system" || opts.actor.role === "ADMIN";
  if (!admin)
    throw new AppError("FORBIDDEN", "Only an admin may back-date beyond the current period.");
}
