import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";

const execFileAsync = promisify(execFile);

/** The `prisma/` folder: schema, migrations and prisma.config.ts. */
export const PRISMA_DIR = path.resolve(__dirname, "..");

/** Quote an SQL identifier. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** The same server URL pointing at another database. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}

/** Run `fn` with a client connected to the server's `postgres` maintenance database. */
export async function withAdminClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: withDatabase(url, "postgres") });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** Create the database named in `url` if it is missing (the WASM schema engine does not). */
export async function ensureDbExists(url: string, template?: string): Promise<void> {
  const db = databaseName(url);
  await withAdminClient(url, async (c) => {
    const r = await c.query("select 1 from pg_database where datname = $1", [db]);
    if (r.rowCount === 0) {
      await c.query(
        `create database ${quoteIdent(db)}${template ? ` template ${quoteIdent(template)}` : ""}`,
      );
    }
  });
}

export async function dropDatabase(url: string): Promise<void> {
  const db = databaseName(url);
  await withAdminClient(url, (c) => c.query(`drop database if exists ${quoteIdent(db)} with (force)`));
}

/** Apply the committed migrations with the offline (WASM schema engine) Prisma CLI. */
export async function migrateDeploy(url: string): Promise<void> {
  const cli = require.resolve("prisma/build/index.js");
  try {
    await execFileAsync(
      process.execPath,
      ["--require", path.join(PRISMA_DIR, "unref-timers.cjs"), cli, "migrate", "deploy"],
      {
        cwd: PRISMA_DIR,
        env: { ...process.env, DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
        maxBuffer: 16 * 1024 * 1024,
      },
    );
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; message: string };
    throw new Error(`prisma migrate deploy failed: ${err.stderr || err.stdout || err.message}`);
  }
}
