import { spawnSync } from "node:child_process";
import { promises as fsp } from "node:fs";
import os from "node:os";
import path from "node:path";
import { writeBarsCache } from "./core/testing/synthetic";

const BIN = path.join(__dirname, "..", "bin", "loffta-worker.cjs");
const run = (args: string[]) =>
  spawnSync(process.execPath, [BIN, ...args], {
    encoding: "utf8",
    env: { ...process.env, TF_CPP_MIN_LOG_LEVEL: "2" },
    timeout: 120_000,
  });

describe("loffta-worker CLI", () => {
  let dir: string;
  let cacheDir: string;
  beforeAll(async () => {
    dir = await fsp.mkdtemp(path.join(os.tmpdir(), "loffta-cli-"));
    cacheDir = path.join(dir, "cache");
    await writeBarsCache(cacheDir, {
      h: 3,
      w: 3,
      d: 4,
      seed: 1,
      task: "swap",
      splits: { train: 24, val: 8 },
      shardSize: 10,
    });
  });
  const writeConfig = async (name: string, cfg: unknown): Promise<string> => {
    const p = path.join(dir, name);
    await fsp.writeFile(p, JSON.stringify(cfg));
    return p;
  };

  it("trains end to end: progress on stderr, JSON summary on stdout, checkpoints in --out", async () => {
    const cfg = await writeConfig("ok.json", {
      classifier: { preset: "tiny" },
      epochs: 2,
      batchSize: 8,
      microBatch: 4,
    });
    const out = path.join(dir, "out");
    const r = run(["train", "--cache", cacheDir, "--config", cfg, "--out", out]);
    expect(r.status).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary.steps).toBe(6);
    expect(summary.epochsRun).toBe(2);
    expect(summary.finalMetrics.count).toBe(8);
    expect(summary.config.classifier.preset).toBe("tiny");
    expect(r.stderr).toMatch(/epoch 2\/2/);
    expect(r.stderr).toMatch(/img\/s/);
    await expect(fsp.stat(path.join(out, "last.safetensors"))).resolves.toBeTruthy();
  }, 120_000);

  it("exits 2 with a one-line message for a missing cache, a bad config and an unusable grid", async () => {
    const good = await writeConfig("g.json", { classifier: { preset: "tiny" }, epochs: 1 });
    let r = run(["train", "--cache", path.join(dir, "missing"), "--config", good]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/no feature cache/);

    r = run([
      "train",
      "--cache",
      cacheDir,
      "--config",
      await writeConfig("bad.json", { epochs: 1, augmentations: { nosie: {} }, batchSize: -1 }),
    ]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/augmentations\.nosie: unknown key/);
    expect(r.stderr).toMatch(/batchSize/);

    const tinyGrid = path.join(dir, "tiny-grid");
    await writeBarsCache(tinyGrid, { h: 1, w: 4, d: 4, seed: 1, task: "swap", splits: { train: 8 } });
    r = run([
      "train",
      "--cache",
      tinyGrid,
      "--config",
      await writeConfig("crop.json", {
        classifier: { preset: "tiny" },
        epochs: 1,
        augmentations: { resizedCrop: { enabled: true } },
      }),
    ]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/resizedCrop needs a grid of at least 2×2/);

    r = run(["nope"]);
    expect(r.status).toBe(2);
  }, 180_000);
});
