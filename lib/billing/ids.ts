// Ids for rows written by raw bulk inserts (Prisma's @default(cuid()) only runs in its client).
// Collision-resistant like a cuid: time, a per-process counter and random bytes.
import { randomBytes } from "node:crypto";

let counter = 0;
const processTag = randomBytes(3).toString("hex");

export function newId(): string {
  counter = (counter + 1) % 1_679_616; // 36^4
  return `c${Date.now().toString(36)}${counter.toString(36).padStart(4, "0")}${processTag}${randomBytes(4).toString("hex")}`;
}
