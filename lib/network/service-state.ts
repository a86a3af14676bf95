// How subscription state maps to RADIUS, and what an open session needs when it changes.
// active → the plan's group; soft-suspended → throttle + redirect list; suspended → rejected or
// walled garden (ISP setting); pending and cancelled → no rows at all.
import type { SubscriptionStatus } from "@/lib/generated/prisma/enums";
import {
  planGroup,
  SUSPENDED_GROUP,
  THROTTLE_GROUP,
  WALLED_GARDEN_GROUP,
  type NetworkSettings,
} from "./radius-groups";

export type ServiceState = {
  status: SubscriptionStatus;
  softSuspended: boolean;
  productCode: string;
};

/** The one group a service belongs to, or null when it must not authenticate at all. */
export function desiredGroup(
  s: ServiceState,
  access: NetworkSettings["radiusSuspendedAccess"],
): string | null {
  switch (s.status) {
    case "ACTIVE":
      return s.softSuspended ? THROTTLE_GROUP : planGroup(s.productCode);
    case "SUSPENDED":
      return access === "REJECT" ? SUSPENDED_GROUP : WALLED_GARDEN_GROUP;
    default:
      return null;
  }
}

export type SessionAction = "none" | "coa" | "disconnect";

const isPlan = (g: string | null) => g !== null && g.startsWith(planGroup(""));

/**
 * A CoA can change a live session's rate limit and add it to an address list, so a plan change
 * and the step into soft suspension go by CoA. Anything else — leaving an address list, the
 * walled garden, a rejection, removal — needs the session to authenticate again: Disconnect.
 * A service that had no rows had no authorised session, so there is nothing to tell the NAS.
 */
export function sessionActionFor(from: string | null, to: string | null): SessionAction {
  if (from === to || from === null) return "none";
  if (isPlan(from) && (isPlan(to) || to === THROTTLE_GROUP)) return "coa";
  return "disconnect";
}
