/** The Postgres server a bench creates its database on (bench:api, bench:wandb). */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres, withAdminClient } from "@loffta/db";

/** DATABASE_URL's server if set, else the local Postgres at 127.0.0.1:5432, else an embedded one. */
export async function benchPostgres(log: (m: string) => void): Promise<{ url: string; stop: () => Promise<void> }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => {} };
  const local = "postgresql://postgres@127.0.0.1:5432/postgres";
  try {
    await withAdminClient(local, (c) => c.query("SELECT 1"));
    return { url: local, stop: async () => {} };
  } catch {
    log("no local Postgres: starting an embedded one");
    const db = await startEmbeddedPostgres({
      dir: fs.mkdtempSync(path.join(os.tmpdir(), "loffta-bench-pg-")),
      persistent: false,
    });
    return { url: db.serverUrl, stop: () => db.stop() };
  }
}
