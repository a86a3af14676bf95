// Receivables aging buckets by days past the due date on the aging day (0 or less is current).
export const AGING_BUCKETS = [
  { key: "current", label: "Current", min: -Infinity, max: 0 },
  { key: "d1_30", label: "1–30 days", min: 1, max: 30 },
  { key: "d31_60", label: "31–60 days", min: 31, max: 60 },
  { key: "d61_90", label: "61–90 days", min: 61, max: 90 },
  { key: "d90_plus", label: "90+ days", min: 91, max: Infinity },
] as const;
export type AgingBucketKey = (typeof AGING_BUCKETS)[number]["key"];

export function bucketOf(daysOverdue: number): AgingBucketKey {
  return AGING_BUCKETS.find((b) => daysOverdue >= b.min && daysOverdue <= b.max)!.key;
}

export type BucketAmounts = Record<AgingBucketKey, number>;
export const emptyBuckets = (): BucketAmounts => ({
  current: 0,
  d1_30: 0,
  d31_60: 0,
  d61_90: 0,
  d90_plus: 0,
});
