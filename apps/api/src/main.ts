/** Process entry: `npm start -w @loffta/api`; its environment variables: ./config.ts. */
import { loadApiConfig } from "./config";
import { startApiServer } from "./server";

async function main(): Promise<void> {
  const config = loadApiConfig();
  const server = await startApiServer(config);
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
