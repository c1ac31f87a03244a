/** The API as a bench runs it (bench:api, bench:dispatch): apps/api/src/main.ts in its own process. */
import path from "node:path";
import { spawn } from "node:child_process";
import { freePort } from "@loffta/db";

export interface ApiProcess {
  /** The API process's id (its CPU time: /proc/<pid>/stat). */
  pid: number;
  url: string;
  wsUrl: string;
  close(): Promise<void>;
}

/**
 * `apps/api/src/main.ts` in a child process on a free port; resolves once /healthz answers.
 * `env`: extra variables for it (./config.ts: limits, pool size).
 */
export async function startApiProcess(databaseUrl: string, env: Record<string, string> = {}): Promise<ApiProcess> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    // BENCH_API_NODE_ARGS: extra node flags for the API process, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
    [...(process.env.BENCH_API_NODE_ARGS?.split(" ").filter(Boolean) ?? []), "--import", "tsx", path.join(__dirname, "../apps/api/src/main.ts")],
    {
      // As `npm start` runs it: NODE_ENV=production (graphql-js skips its development checks).
      env: { ...process.env, NODE_ENV: "production", DATABASE_URL: databaseUrl, PORT: String(port), HOST: "127.0.0.1", ...env },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error("the API process exited during start-up");
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) break;
    } catch {
      /* not listening yet */
    }
    if (i > 600) throw new Error("the API did not start within 60 s");
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    pid: child.pid!,
    url: `http://127.0.0.1:${port}/graphql`,
    wsUrl: `ws://127.0.0.1:${port}/graphql`,
    close: async () => {
      child.kill("SIGTERM");
      await exited;
    },
  };
}
