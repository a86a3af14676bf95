// The one Prisma client. Only lib/ imports it.
import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

const globalForPrisma = globalThis as unknown as {
  lastmilePrisma?: { url: string; client: PrismaClient; pool: pg.Pool };
};

function connect(): PrismaClient {
  const url = env.DATABASE_URL;
  if (!url)
    throw new Error(
      "DATABASE_URL is not set (npm start sets it when it starts the embedded database)",
    );
  const current = globalForPrisma.lastmilePrisma;
  if (current?.url === url) return current.client;
  // Our own pool (the adapter ends it on disconnect), so metrics can report its use.
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const client = new PrismaClient({
    adapter: new PrismaPg(pool, { disposeExternalPool: true }),
  });
  globalForPrisma.lastmilePrisma = { url, client, pool };
  return client;
}

/** Lazily connected, so importing a module never needs a database. */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_t, key) {
    const client = connect();
    const value = Reflect.get(client, key);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

export type DbPoolStats = { total: number; idle: number; waiting: number; max: number };

/** This process's connection pool, or null before the first query. */
export function dbPoolStats(): DbPoolStats | null {
  const pool = globalForPrisma.lastmilePrisma?.pool;
  if (!pool) return null;
  return {
    total: pool.totalCount,
    idle: pool.idleCount,
    waiting: pool.waitingCount,
    max: pool.options.max ?? 10,
  };
}

export async function disconnectDb() {
  await globalForPrisma.lastmilePrisma?.client.$disconnect();
  globalForPrisma.lastmilePrisma = undefined;
}
