/**
 * Run an embedded Postgres in the foreground: `tsx prisma/src/embedded-cli.ts DIR [--port N]`.
 * Prints one JSON line {"serverUrl", "dataDir", "pid"} when ready; SIGINT/SIGTERM stops it.
 * Handy for development (`npm run db:embedded -w @loffta/db -- DIR`) and for tests that need a
 * Postgres owned by another process.
 */
import { startEmbeddedPostgres } from "./embedded";

async function main(): Promise<void> {
  const [dir, flag, port] = process.argv.slice(2);
  if (!dir) {
    console.error("usage: embedded-cli DIR [--port N]");
    process.exit(2);
  }
  const db = await startEmbeddedPostgres({
    dir,
    persistent: true,
    port: flag === "--port" ? Number(port) : undefined,
  });
  process.stdout.write(
    JSON.stringify({ serverUrl: db.serverUrl, dataDir: db.dataDir, pid: process.pid }) + "\n",
  );
  const stop = () => void db.stop().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((e: unknown) => {
  console.error(`embedded Postgres failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
