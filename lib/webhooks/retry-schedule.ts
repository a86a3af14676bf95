// When a failed delivery is tried again: quickly at first, then spaced out over about three days
// (Stripe retries for up to three days). After the last attempt the delivery is FAILED.
const RETRY_AFTER_MINUTES = [1, 5, 30, 120, 360, 720, 1440, 1440];

export const MAX_DELIVERY_ATTEMPTS = RETRY_AFTER_MINUTES.length + 1;

/** The instant of the next attempt after `attempts` failed ones, or null when none is left. */
export function nextAttemptAfter(attempts: number, at: Date): Date | null {
  const minutes = RETRY_AFTER_MINUTES[attempts - 1];
  return minutes === undefined ? null : new Date(at.getTime() + minutes * 60_000);
}
