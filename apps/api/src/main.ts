/** Process entry: `npm start -w @loffta/api`; its environment variables: ./config.ts. */
import { logSafe } from "@loffta/graphql/log-safe";
import { loadApiConfig } from "./config";
import { startApiServer } from "./server";

/** Where the server listens, as given to listen() (HOST, default 127.0.0.1) and its port. */
function boundAddress(host: string, port: number): string {
  const all = host === "0.0.0.0" || host === "::";
  return `${host.includes(":") ? `[${host}]` : host}:${port}${all ? " (every interface)" : ""}`;
}

async function main(): Promise<void> {
  const config = loadApiConfig();
  const server = await startApiServer(config);
  console.log(`[api] listening on ${boundAddress(config.host, server.port)}: ${server.url} (subscriptions: ${server.wsUrl})`);
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
        console.error(`[api] shutdown failed: ${logSafe(e)}`);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

main().catch((e: unknown) => {
  console.error(`[api] failed to start: ${logSafe(e)}`);
  process.exit(1);
});
