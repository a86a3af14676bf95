// Grouping or joining a year of invoices or payments at 100k customers overflows the default 4 MB
// of sort and hash memory to disk; a report's big query runs in a transaction that gets more (SET
// LOCAL ends with it). It only reads, so it may take long on a busy server instead of failing at
// Prisma's 5 s default.
import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

export async function withWorkMem<T>(query: Prisma.PrismaPromise<T>): Promise<T> {
  const [, result] = await db.$transaction([db.$executeRaw`SET LOCAL work_mem = '64MB'`, query], {
    timeout: 120_000,
    maxWait: 10_000,
  });
  return result;
}
