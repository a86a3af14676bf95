// How subscription state maps to RADIUS, and what an open session needs when it changes.
// active → the plan's group; soft-suspended → throttle + redirect list; suspended → rejected or
// walled garden (ISP setting); pending and cancelled → no rows at all.
import type { SubscriptionStatus } from "@/lib/generated/prisma/enums";
import {
  fupGroup,
  GROUP_PREFIX,
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
  /** The month's data cap is used up and the plan throttles or blocks (lib/usage). */
  capped?: "THROTTLE" | "BLOCK" | null;
};

/** The one group a service belongs to, or null when it must not authenticate at all. */
export function desiredGroup(
  s: ServiceState,
  access: NetworkSettings["radiusSuspendedAccess"],
): string | null {
  switch (s.status) {
    case "ACTIVE":
      if (s.softSuspended) return THROTTLE_GROUP;
      // A blocked cap keeps the portal reachable (walled garden) so a top-up can be bought.
      if (s.capped === "BLOCK") return WALLED_GARDEN_GROUP;
      if (s.capped === "THROTTLE") return fupGroup(s.productCode);
      return planGroup(s.productCode);
    case "SUSPENDED":
      return access === "REJECT" ? SUSPENDED_GROUP : WALLED_GARDEN_GROUP;
    default:
      return null;
  }
}

export type SessionAction = "none" | "coa" | "disconnect";

/** Groups that differ only in speed (a plan or its fair-use profile): a CoA moves between them. */
const isPlan = (g: string | null) =>
  g !== null && (g.startsWith(planGroup("")) || g.startsWith(`${GROUP_PREFIX}fup-`));

/**
 * A CoA can change a live session's rate limit (plan ↔ plan, plan ↔ fair use) and add it to an address list, so a plan change
 * and the step into soft suspension go by CoA. Anything else — leaving an address list, the
 * walled garden, a rejection, removal — needs the session to authenticate again: Disconnect.
 * A service that had no rows had no authorised session, so there is nothing to tell the NAS.
 */
export function sessionActionFor(from: string | null, to: string | null): SessionAction {
  if (from === to || from === null) return "none";
  if (isPlan(from) && (isPlan(to) || to === THROTTLE_GROUP)) return "coa";
  return "disconnect";
}
