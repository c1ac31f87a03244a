/**
 * `npm start` end to end: a real embedded Postgres in a fresh data folder, migrations, the
 * demo seed and the API process; then a clean stop, a restart on the same folder, and a
 * restart after the whole process group was SIGKILLed (stale postmaster.pid).
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "@loffta/db";
import { processGroupAlive, waitUntil, watchOutput } from "./support/processes";

const ROOT = path.resolve(__dirname, "..");

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

async function startPlatform(dataDir: string, apiPort: number, pgPort: number): Promise<Started> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    API_PORT: String(apiPort),
    LOFFTA_PG_PORT: String(pgPort),
  };
  delete env.DATABASE_URL;
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "scripts/start.ts", "--data", dataDir, "--no-web", "--no-worker", "--no-demo"],
    {
      cwd: ROOT,
      env,
      detached: true, // own process group, so the test can SIGKILL all of it
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const out = watchOutput(child, Infinity);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  await out.waitFor(/ready in [\d.]+ s[\s\S]*press Ctrl-C to stop/, 120_000).catch((e: Error) => {
    throw new Error(`start not ready: ${e.message}`);
  });
  return { child, output: out.text, exited };
}

async function me(
  apiPort: number,
  token: string,
): Promise<{ status: number; body: { data?: { me?: { team?: { name?: string } } }; errors?: unknown[] } }> {
  const r = await fetch(`http://127.0.0.1:${apiPort}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: "{ me { team { name } } }" }),
  });
  return { status: r.status, body: (await r.json()) as never };
}

const pidFile = (dataDir: string) => path.join(dataDir, "pg", "data", "postmaster.pid");

describe("npm start (scripts/start.ts)", () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "loffta-start-"));
  fs.chmodSync(dataDir, 0o755);
  let apiPort: number;
  let pgPort: number;

  beforeAll(async () => {
    apiPort = await freePort();
    pgPort = await freePort();
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it("brings up a working stack on a fresh data folder, then stops cleanly on SIGINT", async () => {
    const s = await startPlatform(dataDir, apiPort, pgPort);
    expect(s.output()).toContain("embedded Postgres");
    const token = fs.readFileSync(path.join(dataDir, "demo-token"), "utf8").trim();
    // Where the token is, never the token itself (the log may be shared or kept).
    expect(s.output()).not.toContain(token);
    expect(s.output()).toContain(`demo token in ${path.join(dataDir, "demo-token")}`);
    expect((await fetch(`http://127.0.0.1:${apiPort}/healthz`)).status).toBe(200);
    const res = await me(apiPort, token);
    expect(res.status).toBe(200);
    expect(res.body.data?.me?.team?.name).toBe("Demo team");
    expect(fs.existsSync(pidFile(dataDir))).toBe(true);

    s.child.kill("SIGINT");
    expect(await s.exited).toBe(0);
    expect(fs.existsSync(pidFile(dataDir))).toBe(false); // Postgres shut down too
    await expect(fetch(`http://127.0.0.1:${apiPort}/healthz`)).rejects.toThrow();
  }, 180_000);

  it("starts again on the same folder with the same data (the demo token still works)", async () => {
    const token = fs.readFileSync(path.join(dataDir, "demo-token"), "utf8").trim();
    const s = await startPlatform(dataDir, apiPort, pgPort);
    expect(fs.readFileSync(path.join(dataDir, "demo-token"), "utf8").trim()).toBe(token);
    expect((await me(apiPort, token)).body.data?.me?.team?.name).toBe("Demo team");

    // A crash: SIGKILL the whole process group (start script, API and Postgres).
    process.kill(-s.child.pid!, "SIGKILL");
    await s.exited;
    // Every process of the group (the API, Postgres and its backends) is gone: nothing is left
    // that could still remove the pid file.
    await waitUntil("the killed process group to be gone", () => !processGroupAlive(s.child.pid!), 30_000);
    expect(fs.existsSync(pidFile(dataDir))).toBe(true); // left behind

    const again = await startPlatform(dataDir, apiPort, pgPort);
    expect((await me(apiPort, token)).body.data?.me?.team?.name).toBe("Demo team");
    again.child.kill("SIGTERM");
    expect(await again.exited).toBe(0);
  }, 240_000);
  it("refuses to start when the API port is taken, with a clear message", async () => {
    const net = await import("node:net");
    const holder = net.createServer();
    await new Promise<void>((r) => holder.listen(apiPort, "127.0.0.1", () => r()));
    try {
      await expect(startPlatform(dataDir, apiPort, pgPort)).rejects.toThrow(
        /port \d+ \(API\) is already in use/,
      );
      expect(fs.existsSync(pidFile(dataDir))).toBe(false); // Postgres was stopped again
    } finally {
      holder.close();
    }
  }, 120_000);
});
