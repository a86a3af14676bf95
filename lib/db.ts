// The one Prisma client. Only lib/ imports it.
import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

const globalForPrisma = globalThis as unknown as {
  lastmilePrisma?: { url: string; client: PrismaClient };
};

function connect(): PrismaClient {
  const url = env.DATABASE_URL;
  if (!url)
    throw new Error(
      "DATABASE_URL is not set (npm start sets it when it starts the embedded database)",
    );
  const current = globalForPrisma.lastmilePrisma;
  if (current?.url === url) return current.client;
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 10 }) });
  globalForPrisma.lastmilePrisma = { url, client };
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

export async function disconnectDb() {
  await globalForPrisma.lastmilePrisma?.client.$disconnect();
  globalForPrisma.lastmilePrisma = undefined;
}
