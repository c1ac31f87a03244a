/**
 * The persistence boundary's handles: Prisma (most reads and writes) and a raw pg pool (the hot
 * paths: metric ingest, job claims, series, run listing). Only the services under
 * `src/services/` use them; resolvers hand their context (which carries both) to a service.
 */
import pg, { type Pool, type PoolClient } from "pg";
import { createPrisma, type PrismaClient } from "@loffta/db";

export interface Db {
  prisma: PrismaClient;
  /** Raw pg pool for the hot paths. */
  pool: Pool;
}

export function connectDb(databaseUrl: string, opts: { poolSize: number; log: (msg: string) => void }): Db {
  const prisma = createPrisma(databaseUrl);
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: opts.poolSize,
    // JIT compilation costs ~100 ms per query and these are short OLTP queries (series reads
    // were 5× slower with it on): off for the API's connections.
    options: "-c TimeZone=UTC -c jit=off",
  });
  pool.on("error", (e) => opts.log(`pg pool: ${e.message}`));
  return { prisma, pool };
}

/** Close both handles (errors ignored: used on shutdown). */
export async function closeDb(db: Db): Promise<void> {
  await Promise.allSettled([db.prisma.$disconnect(), db.pool.end()]);
}

/** Throws when the database does not answer (GET /healthz). */
export async function pingDb(db: Db): Promise<void> {
  await db.pool.query("SELECT 1");
}

/** Run `fn` in one transaction on a pooled connection (rolled back when it throws). */
export async function withTx<T>(pool: Pool, fn: (c: PoolClient) => Promise<T>): Promise<T> {
  const c = await pool.connect();
  try {
    await c.query("BEGIN");
    const r = await fn(c);
    await c.query("COMMIT");
    return r;
  } catch (e) {
    await c.query("ROLLBACK").catch(() => {});
    throw e;
  } finally {
    c.release();
  }
}
