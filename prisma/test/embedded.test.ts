import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import pg from "pg";
import { clearStalePostmaster } from "@loffta/db";

const CLI = path.resolve(__dirname, "../src/embedded-cli.ts");

/** Start an embedded Postgres owned by a child process (as `npm start` does). */
async function startInChild(
  dir: string,
): Promise<{ child: ChildProcess; serverUrl: string; dataDir: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", CLI, dir], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const line = await new Promise<string>((resolve, reject) => {
    readline.createInterface({ input: child.stdout! }).once("line", resolve);
    child.once("exit", (code) => reject(new Error(`embedded-cli exited with ${code}`)));
  });
  return { child, ...(JSON.parse(line) as { serverUrl: string; dataDir: string }) };
}

async function query(url: string, sql: string): Promise<unknown[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql)).rows;
  } finally {
    await c.end();
  }
}

describe("embedded Postgres", () => {
  it("stops a postmaster orphaned by a SIGKILLed parent and starts again on the same data", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "loffta-orphan-"));
    try {
      const first = await startInChild(dir);
      await query(first.serverUrl, "create table kept (v int); insert into kept values (42)");
      const pid = Number(fs.readFileSync(path.join(first.dataDir, "postmaster.pid"), "utf8").split("\n")[0]);

      first.child.kill("SIGKILL"); // the parent crashes; the postmaster survives it
      await new Promise((r) => first.child.once("exit", r));
      expect(() => process.kill(pid, 0)).not.toThrow();

      await clearStalePostmaster(first.dataDir);
      expect(() => process.kill(pid, 0)).toThrow();
      expect(fs.existsSync(path.join(first.dataDir, "postmaster.pid"))).toBe(false);

      const second = await startInChild(dir);
      expect(await query(second.serverUrl, "select v from kept")).toEqual([{ v: 42 }]);
      second.child.kill("SIGTERM");
      expect(await new Promise((r) => second.child.once("exit", r))).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it("starts over a crashed cluster's data without manual cleanup", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "loffta-crash-"));
    try {
      const first = await startInChild(dir);
      await query(first.serverUrl, "create table kept (v int); insert into kept values (7)");
      const pid = Number(fs.readFileSync(path.join(first.dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
      first.child.kill("SIGKILL");
      process.kill(pid, "SIGKILL"); // the postmaster dies too: only the pid file is left
      await new Promise((r) => setTimeout(r, 300));
      expect(fs.existsSync(path.join(first.dataDir, "postmaster.pid"))).toBe(true);

      const second = await startInChild(dir); // startEmbeddedPostgres clears the stale file itself
      expect(await query(second.serverUrl, "select v from kept")).toEqual([{ v: 7 }]);
      second.child.kill("SIGTERM");
      await new Promise((r) => second.child.once("exit", r));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it("removes a pid file whose process is gone", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "loffta-stale-"));
    fs.writeFileSync(path.join(dir, "postmaster.pid"), "999999\n/x\n");
    await clearStalePostmaster(dir);
    expect(fs.existsSync(path.join(dir, "postmaster.pid"))).toBe(false);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
