import type { Tone } from "@/components/ui/badge";

export const ORDER_LABEL = {
  NEW: "New",
  SCHEDULED: "Installation booked",
  ACTIVATED: "Activated",
  CANCELLED: "Cancelled",
} as const;
export const ORDER_TONE: Record<keyof typeof ORDER_LABEL, Tone> = {
  NEW: "blue",
  SCHEDULED: "amber",
  ACTIVATED: "green",
  CANCELLED: "gray",
};

/** How feasibility of the service address was established (null: placed before the check). */
export const FEASIBILITY_LABEL = {
  ADDRESS_LIST: "On the serviceable-address list",
  GEOCODED: "Address geocoded into coverage",
  UNVERIFIED: "Feasibility unverified",
  CONFIRMED: "Feasibility confirmed by staff",
} as const;
export const HELD_LABEL = "Awaiting account holder";
