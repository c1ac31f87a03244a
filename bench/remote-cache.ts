/**
 * Benchmark: training from a feature cache in the object store vs the same cache in a local
 * folder. The store is S3 over HTTP (s3rver in its own process, as a remote server would be,
 * through the real AWS SDK); the worker's path is the product's (openStoredCache: manifest
 * checked, shards fetched into the local copy with their sha256 checked, read-ahead). Three
 * conditions, alternated `--reps` times so machine drift hits all: `local` (openCache on the
 * folder), `store-cold` (an empty local copy: every shard comes over HTTP during the run) and
 * `store-warm` (the copy already holds the shards: a second run on the same worker). Figure:
 * the wall time of the whole training call (opening included), LOFF-TA, deit-s classifier.
 * Also times the fetch alone (every shard into an empty copy). Writes
 * bench/results/remote-cache.json. Usage: npm run bench:remote-cache [-- --reps N | --fetch-only]
 */
import { spawn } from "node:child_process";
import { promises as fsp } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { StoreMirror, storeFromEnv } from "@loffta/graphql/object-store";
import { parseRunConfig } from "@loffta/graphql/run-config";
import { initBackend } from "../apps/worker/src/core/backend";
import { openCache } from "../apps/worker/src/core/cache/reader";
import { writeBarsCache } from "../apps/worker/src/core/testing/synthetic";
import { train } from "../apps/worker/src/core/train";
import { openStoredCache, uploadCache } from "../apps/worker/src/service/jobs/stored-cache";
import { loadAvg, machine, median, writeResult } from "./machine";

const argv = process.argv.slice(2);
const REPS = Number(argv[argv.indexOf("--reps") + 1] ?? 0) || 3;
/** Only time fetching the cache from the store (no training; prints, writes nothing). */
const FETCH_ONLY = argv.includes("--fetch-only");
/** deit-s on a ViT-B/14 grid, as bench:augment; 8 shards of 32 items (25 MB each), one epoch of 8 steps. */
const S = { h: 16, d: 768, items: 256, shardSize: 32, batchSize: 32, microBatch: 8, epochs: 1 };

async function startServer(): Promise<{ env: Record<string, string>; stop(): void }> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(__dirname, "s3-server.ts")], { stdio: ["ignore", "pipe", "inherit"] });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once("line", resolve);
    child.once("exit", (c) => reject(new Error(`s3 server exited (${c})`)));
  });
  return { env: JSON.parse(line) as Record<string, string>, stop: () => child.kill("SIGTERM") };
}

async function main(): Promise<void> {
  const info = await initBackend();
  const loadBefore = loadAvg();
  const server = await startServer();
  const tmp = await fsp.mkdtemp(path.join(os.tmpdir(), "loffta-bench-remote-"));
  try {
    const dir = path.join(tmp, "cache");
    await writeBarsCache(dir, { h: S.h, w: S.h, d: S.d, seed: 1, splits: { train: S.items }, shardSize: S.shardSize });
    const local = await openCache(dir);
    // The SDK reads the credentials from the environment, as a worker does.
    Object.assign(process.env, server.env);
    const store = storeFromEnv()!;
    const key = "caches/bench";
    await uploadCache(store, dir, key, local.manifest);
    const bytes = local.manifest.shards.reduce((a, s) => a + s.bytes, 0);
    const config = parseRunConfig({ classifier: { preset: "deit-s" }, batchSize: S.batchSize, microBatch: S.microBatch, epochs: S.epochs, seed: 1 });
    const run = async (cache: typeof local): Promise<number> => {
      const t0 = performance.now();
      await train({ cache, config, evalSplit: null });
      return (performance.now() - t0) / 1000;
    };
    // The fetch alone (every shard into an empty copy, checked, read-ahead's parallelism): what a
    // cold run can lose at most, whatever the training costs.
    const fetchSeconds: number[] = [];
    for (let r = 0; r < 3; r++) {
      const mirror = new StoreMirror(store, path.join(tmp, `fetch-${r}`));
      const t0 = performance.now();
      const c = await openStoredCache(mirror, key);
      await c.complete;
      fetchSeconds.push((performance.now() - t0) / 1000);
      c.close();
      await fsp.rm(mirror.dir, { recursive: true, force: true });
    }
    process.stderr.write(`fetch alone: ${fetchSeconds.map((x) => x.toFixed(2)).join(", ")} s for ${(bytes / 1e6).toFixed(0)} MB\n`);
    if (FETCH_ONLY) {
      process.stdout.write(JSON.stringify({ benchmark: "remote-cache fetch", date: new Date().toISOString(), machine: { ...machine(), loadAvg: loadAvg() }, cacheBytes: bytes, fetchSeconds }, null, 2) + "\n");
      return;
    }
    const times = { local: [] as number[], storeCold: [] as number[], storeWarm: [] as number[] };
    for (let r = 0; r < REPS; r++) {
      times.local.push(await run(await openCache(dir)));
      const copy = path.join(tmp, `copy-${r}`);
      const mirror = new StoreMirror(store, copy);
      const t0 = performance.now();
      const cold = await openStoredCache(mirror, key);
      await run(cold.cache);
      cold.close();
      times.storeCold.push((performance.now() - t0) / 1000);
      const t1 = performance.now();
      const warm = await openStoredCache(mirror, key);
      await run(warm.cache);
      warm.close();
      times.storeWarm.push((performance.now() - t1) / 1000);
      await fsp.rm(copy, { recursive: true, force: true });
      process.stderr.write(`rep ${r + 1}: local ${times.local[r].toFixed(2)} s, store cold ${times.storeCold[r].toFixed(2)} s, warm ${times.storeWarm[r].toFixed(2)} s (load ${os.loadavg()[0].toFixed(2)})\n`);
    }
    const m = { local: median(times.local), storeCold: median(times.storeCold), storeWarm: median(times.storeWarm) };
    const out = {
      benchmark: "remote-cache",
      date: new Date().toISOString(),
      machine: { ...machine(), loadAvgBefore: loadBefore, loadAvgAfter: loadAvg() },
      backend: info.device,
      store: "s3rver (S3 API over HTTP on loopback, its own process) through @aws-sdk/client-s3",
      setting: { ...S, tokens: `${S.h}x${S.h}x${S.d} (+CLS)`, preset: "deit-s", kind: "LOFF_TA", cacheBytes: bytes, shards: local.manifest.shards.length },
      reps: REPS,
      fetchAloneSeconds: fetchSeconds,
      secondsPerRun: times,
      median: m,
      coldOverLocal: m.storeCold / m.local,
      warmOverLocal: m.storeWarm / m.local,
      target: "store ÷ local ≤ 1.10",
    };
    writeResult("remote-cache", out);
    process.stdout.write(JSON.stringify(out, null, 2) + "\n");
  } finally {
    server.stop();
    await fsp.rm(tmp, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
