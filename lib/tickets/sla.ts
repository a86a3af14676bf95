// Service-level targets per category: how soon staff answer a new ticket and how soon it should
// be resolved. Faults take an ISP's customers offline, so they come first. Pure.
import { addHours } from "date-fns";

export type TicketCategoryCode = "FAULT" | "BILLING" | "SALES" | "INSTALLATION";

/** Hours to first staff response and to resolution, per category (calendar hours). */
export const SLA_HOURS: Record<TicketCategoryCode, { firstResponse: number; resolve: number }> = {
  FAULT: { firstResponse: 4, resolve: 24 },
  INSTALLATION: { firstResponse: 8, resolve: 72 },
  BILLING: { firstResponse: 24, resolve: 72 },
  SALES: { firstResponse: 24, resolve: 120 },
};

export function slaDueDates(category: TicketCategoryCode, openedAt: Date) {
  const h = SLA_HOURS[category];
  return {
    firstResponseDueAt: addHours(openedAt, h.firstResponse),
    resolveDueAt: addHours(openedAt, h.resolve),
  };
}

export type SlaState = "met" | "running" | "breached";

type SlaTicket = {
  firstResponseDueAt: Date;
  resolveDueAt: Date;
  firstRespondedAt: Date | null;
  resolvedAt: Date | null;
};

/** Where each target stands at `at`: met in time, still running, or breached (late or missed). */
export function slaState(t: SlaTicket, at: Date) {
  const one = (due: Date, doneAt: Date | null): SlaState =>
    doneAt ? (doneAt <= due ? "met" : "breached") : at > due ? "breached" : "running";
  const firstResponse = one(t.firstResponseDueAt, t.firstRespondedAt);
  const resolution = one(t.resolveDueAt, t.resolvedAt);
  return {
    firstResponse,
    resolution,
    breached: firstResponse === "breached" || resolution === "breached",
  };
}
