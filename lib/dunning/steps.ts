// The dunning ladder's stable step ids, shared by the policy, the history, the forecast and the
// API, and the account state each step leaves behind.
import type { DunningState } from "@/lib/generated/prisma/enums";

export const LADDER_STEPS = [
  "reminder",
  "overdue-notice",
  "late-fee",
  "soft-suspend",
  "suspend",
  "collections",
] as const;

/** A payment arrangement's transitions, in the same history (lib/dunning/arrangements/). */
export const ARRANGEMENT_STEPS = [
  "arrangement-agreed",
  "arrangement-missed",
  "arrangement-kept",
] as const;

export const DUNNING_STEPS = [...LADDER_STEPS, "restore", ...ARRANGEMENT_STEPS] as const;

export type LadderStep = (typeof LADDER_STEPS)[number];
export type DunningStep = (typeof DUNNING_STEPS)[number];

/** Steps that move the account along (a charge does not): only the furthest due one fires. */
export const STAGE_RANK: Partial<Record<LadderStep, number>> = {
  reminder: 1,
  "overdue-notice": 2,
  "soft-suspend": 3,
  suspend: 4,
  collections: 5,
};

export const STATE_AFTER: Record<DunningStep, DunningState | null> = {
  reminder: "REMINDED",
  "overdue-notice": "OVERDUE",
  "late-fee": null,
  "soft-suspend": "SOFT_SUSPENDED",
  suspend: "SUSPENDED",
  collections: "COLLECTIONS",
  restore: "CURRENT",
  // Set by the arrangement's own transaction (agreed: ARRANGED; missed: the state before it).
  "arrangement-agreed": null,
  "arrangement-missed": null,
  "arrangement-kept": null,
};

export const isSuspensionStep = (step: DunningStep) =>
  step === "soft-suspend" || step === "suspend";
