import fs from "node:fs";
import path from "node:path";
import { ensureDbExists, migrateDeploy, startEmbeddedPostgres, withDatabase } from "@loffta/db";

export interface PlatformDatabase {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/** Preferred port of the embedded Postgres (a free one is chosen when it is taken). */
const EMBEDDED_PORT = Number(process.env.LOFFTA_PG_PORT ?? 54329);

/**
 * DATABASE_URL set → that database (created if missing). Unset → an embedded Postgres whose
 * cluster lives in `<dataDir>/pg` and survives restarts (a crashed earlier run is cleaned up).
 * Either way the committed migrations are applied.
 */
export async function openPlatformDatabase(
  dataDir: string,
  log: (l: string) => void,
): Promise<PlatformDatabase> {
  const external = process.env.DATABASE_URL;
  if (external) {
    await ensureDbExists(external);
    await migrateDeploy(external);
    return { url: external, embedded: false, stop: async () => {} };
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const logFile = fs.createWriteStream(path.join(dataDir, "postgres.log"), { flags: "a" });
  const pg = await startEmbeddedPostgres({
    dir: path.join(dataDir, "pg"),
    persistent: true,
    port: EMBEDDED_PORT,
    log: (l) => {
      logFile.write(l + "\n");
      if (/stale|orphaned/.test(l)) log(l);
    },
  });
  const url = withDatabase(pg.serverUrl, "loffta");
  try {
    await ensureDbExists(url);
    await migrateDeploy(url);
  } catch (e) {
    await pg.stop();
    throw e;
  }
  return {
    url,
    embedded: true,
    stop: async () => {
      await pg.stop();
      logFile.end();
    },
  };
}
