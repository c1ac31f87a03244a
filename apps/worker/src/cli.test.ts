import { spawnSync } from "node:child_process";
import { promises as fsp } from "node:fs";
import os from "node:os";
import path from "node:path";
import { writeBarsCache } from "./core/testing/synthetic";
import { parseServeArgs } from "./service/main";

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

describe("loffta-worker serve: where the token comes from (never the command line)", () => {
  const secret = "lft_secret0123456789abcdef";
  let dir: string;
  beforeAll(async () => {
    dir = await fsp.mkdtemp(path.join(os.tmpdir(), "loffta-cli-token-"));
  });
  const file = async (name: string, mode: number, text = `${secret}\n`) => {
    const p = path.join(dir, name);
    await fsp.writeFile(p, text, { mode });
    await fsp.chmod(p, mode);
    return p;
  };

  it("takes LOFFTA_TOKEN, a 0600 file (--token-file wins over the environment, LOFFTA_TOKEN_FILE)", async () => {
    const f = await file("t600", 0o600);
    expect(parseServeArgs(["--api", "http://a"], { LOFFTA_TOKEN: secret }).token).toBe(secret);
    expect(parseServeArgs(["--token-file", f], {}).token).toBe(secret);
    expect(parseServeArgs(["--token-file", f], { LOFFTA_TOKEN: "other" }).token).toBe(secret);
    expect(parseServeArgs([], { LOFFTA_TOKEN_FILE: f }).token).toBe(secret);
    expect(parseServeArgs([], { LOFFTA_TOKEN_FILE: await file("t400", 0o400) }).token).toBe(secret);
  });

  it("refuses --token, an open, empty or missing file, both variables, and no token, each naming what to do", async () => {
    expect(() => parseServeArgs(["--token", secret], {})).toThrow(/--token is refused: .*LOFFTA_TOKEN=… .*--token-file FILE/);
    expect(() => parseServeArgs([`--token=${secret}`], { LOFFTA_TOKEN: secret })).toThrow(/--token is refused/);
    const open = await file("t644", 0o644);
    expect(() => parseServeArgs(["--token-file", open], {})).toThrow(`token file ${open} is open to other users (mode 644): chmod 600 ${open}`);
    const groupReadable = await file("t640", 0o640);
    expect(() => parseServeArgs(["--token-file", groupReadable], {})).toThrow(/mode 640/);
    const empty = await file("empty", 0o600, "\n");
    expect(() => parseServeArgs(["--token-file", empty], {})).toThrow(/is empty/);
    expect(() => parseServeArgs(["--token-file", path.join(dir, "none")], {})).toThrow(/not found/);
    expect(() => parseServeArgs(["--token-file"], {})).toThrow(/needs a file name/);
    expect(() => parseServeArgs([], { LOFFTA_TOKEN: secret, LOFFTA_TOKEN_FILE: open })).toThrow(/both LOFFTA_TOKEN and LOFFTA_TOKEN_FILE/);
    expect(() => parseServeArgs([], {})).toThrow(/a worker token \(scope WORKER\) is needed: LOFFTA_TOKEN=…/);
  });

  it("the CLI exits 2 on --token with one line naming the alternatives, never echoing the secret", () => {
    const r = run(["serve", "--api", "http://127.0.0.1:9", "--token", secret]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/^loffta-worker serve: --token is refused: .*LOFFTA_TOKEN.*--token-file/);
    expect(r.stderr).not.toContain(secret);
  }, 60_000);
});
