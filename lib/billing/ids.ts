// Ids for rows written by raw bulk inserts (Prisma's @default(cuid()) only runs in its client).
// Collision-resistant like a cuid — time, a per-process counter and a random per-process tag —
// but without a call into the CSPRNG per id (a billing run makes 200k+ of them).
import { randomBytes } from "node:crypto";

let counter = 0;
let tag = randomBytes(6).toString("hex");

export function newId(): string {
  counter++;
  if (counter >= 1_679_616) {
    counter = 0; // 36^4 ids per millisecond at most; a fresh tag keeps later ids distinct anyway
    tag = randomBytes(6).toString("hex");
  }
  return `c${Date.now().toString(36)}${counter.toString(36).padStart(4, "0")}${tag}`;
}
