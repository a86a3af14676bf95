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
