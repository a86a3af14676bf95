// Badge colours by meaning, not by page: green is fine, blue is in progress or new, amber needs
// attention but is recoverable (a suspended service, a draft, an invitation), red is a failure or
// money at risk (overdue, failed, uncollectible), gray is over and done (cancelled, void, retired).
export type Tone = "gray" | "green" | "amber" | "red" | "blue" | "brand";
