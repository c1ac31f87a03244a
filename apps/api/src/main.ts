/** Process entry: `npm start -w @loffta/api` (PORT default 4000, DATABASE_URL required). */
import { startApiServer } from "./server";

async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error("DATABASE_URL is not set");
  const port = Number(process.env.PORT ?? 4000);
  const server = await startApiServer({ databaseUrl, port, host: process.env.HOST ?? "0.0.0.0" });
  console.log(`[api] listening on ${server.url} (subscriptions: ${server.wsUrl})`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[api] ${signal}: shutting down`);
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    server.close().then(
      () => process.exit(0),
      (e: unknown) => {
        console.error(e);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
