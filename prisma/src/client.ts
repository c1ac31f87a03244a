import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";

export { PrismaClient };
export * from "./generated/prisma/client";

/** A Prisma client over @prisma/adapter-pg (the JS engine: no native query engine). */
export function createPrisma(url = process.env.DATABASE_URL): PrismaClient {
  if (!url) throw new Error("DATABASE_URL is not set (call ensureDatabase() first)");
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
}
