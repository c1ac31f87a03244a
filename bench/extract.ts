/**
 * Extraction throughput: random-weight DINOv2 ViT-S/14 and ViT-B/14 (Hugging Face key layout)
 * at 224², batch 8, forward only (the extractor's model cost; image decoding overlaps with it),
 * with each extractor — tfjs-node, onnxruntime-node (the graph exported from the same weights)
 * — and the PyTorch reference (HF transformers, bench/torch_extract.py). Every row runs in its
 * own child process so peak RSS is per row. PyTorch comes from bench/python-env.ts (python3, or
 * the .venv-bench it creates with pip); when it cannot be had, `torchError` says why in the
 * JSON — the reference is never silently skipped. Machine and load average before / after are
 * recorded (this box is shared: compare ratios within one run). The rows run in `--rounds`
 * interleaved rounds (tfjs, onnx, torch, per model, per round); each row reports its best round
 * (every round's images/s is kept in `samples`), so a burst of load on the shared machine does
 * not decide a ratio.
 *   npm run bench:extract   [-- --iters 5 --batch 8 --rounds 2]
 * Writes bench/results/extract.json.
 */
import { spawnSync } from "node:child_process";
import { promises as fsp } from "node:fs";
import os from "node:os";
import path from "node:path";
import * as tf from "@tensorflow/tfjs";
import { writeRandomDinov2, DINOV2_SHAPES } from "../apps/worker/src/baselines/random-model";
import { loadExtractorModel } from "../apps/worker/src/extract/extractor";
import type { FoundationModel } from "../apps/worker/src/extract/foundation";
import { ensureBenchPython } from "./python-env";

const MODELS = { "dinov2-vit-s14": DINOV2_SHAPES["vit-s14"], "dinov2-vit-b14": DINOV2_SHAPES["vit-b14"] };
type Extractor = "tfjs" | "onnx";
const SIZE = 224;

const arg = (name: string, def: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : def;
};

interface Row {
  model: string;
  extractor: string;
  runtime: string;
  threads: number | null;
  batch: number;
  iters: number;
  imagesPerSec: number;
  peakRssMB: number;
  /** images/s of every round (the main process fills it in). */
  samples?: number[];
}

/** Child: load one model with one extractor, time `iters` forward passes of `batch` images. */
async function child(extractor: Extractor, name: string, dir: string): Promise<void> {
  const batch = arg("batch", 8);
  const iters = arg("iters", 5);
  const threads = os.availableParallelism();
  // As the worker runs it: weights hashed, the exported graph written to (and opened from) a file.
  const m: FoundationModel = await loadExtractorModel(
    { path: dir },
    {
      extractor,
      sizes: [{ height: SIZE, width: SIZE }],
      onnxCacheDir: path.join(dir, "onnx-graphs"),
      threads,
      log: () => undefined,
    },
  );
  const x = tf.randomNormal([batch, SIZE, SIZE, 3], 0, 1, "float32", 1) as tf.Tensor4D;
  const run = async (): Promise<void> => {
    const { cls, grid } = m.forwardAsync ? await m.forwardAsync(x) : m.forward(x);
    grid.dataSync();
    tf.dispose([cls, grid]);
  };
  await run(); // warm-up
  const t0 = performance.now();
  for (let i = 0; i < iters; i++) await run();
  const s = (performance.now() - t0) / 1000;
  const row: Row = {
    model: name,
    extractor: m.extractor === "onnx" ? "onnxruntime-node" : "tfjs-node",
    runtime: m.runtime ?? tf.getBackend(),
    threads: m.extractor === "onnx" ? threads : null,
    batch,
    iters,
    imagesPerSec: (batch * iters) / s,
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  };
  m.dispose();
  process.stdout.write(`RESULT ${JSON.stringify(row)}\n`);
}

function resultLine(stdout: string): string | null {
  return stdout.split("\n").find((l) => l.startsWith("RESULT ")) ?? null;
}

const load = (): number[] => os.loadavg().map((v) => Math.round(v * 100) / 100);

async function main(): Promise<void> {
  if (process.argv[2] === "--child")
    return child(process.argv[3] as Extractor, process.argv[4], process.argv[5]);
  const batch = arg("batch", 8);
  const iters = arg("iters", 5);
  const rounds = arg("rounds", 2);
  const machine = {
    cpus: os.cpus().length,
    model: os.cpus()[0]?.model ?? "unknown",
    memGB: Math.round(os.totalmem() / 2 ** 30),
  };
  const loadBefore = load();
  console.log(
    `machine: ${machine.cpus} × ${machine.model}, ${machine.memGB} GB; load average ${loadBefore.join(" ")}`,
  );
  let python: string | null = null;
  let torchError: string | null = null;
  try {
    python = ensureBenchPython();
  } catch (e) {
    torchError = (e as Error).message;
    console.error(`\n*** PyTorch reference unavailable: ${torchError}\n`);
  }
  const tmp = await fsp.mkdtemp(path.join(os.tmpdir(), "loffta-bench-extract-"));
  const results: Row[] = [];
  const failures: { model: string; extractor: string; error: string }[] = [];
  /** One row's child process: its RESULT line parsed, or why there is none. */
  const runRow = (cmd: string, args: string[]): { row: unknown } | { error: string } => {
    const r = spawnSync(cmd, args, { encoding: "utf8", maxBuffer: 1 << 24 });
    const line = resultLine(r.stdout);
    if (line) return { row: JSON.parse(line.slice(7)) as unknown };
    return { error: `exited ${r.status ?? r.signal}: ${(r.stderr || String(r.error ?? "")).slice(-2000)}` };
  };
  /** Keep the best round of each (model, extractor) row; every round's rate in `samples`. */
  const record = (row: Row): void => {
    const prev = results.find((r) => r.model === row.model && r.extractor === row.extractor);
    if (!prev) {
      results.push({ ...row, samples: [row.imagesPerSec] });
      return;
    }
    const samples = [...(prev.samples ?? []), row.imagesPerSec];
    const peakRssMB = Math.max(prev.peakRssMB, row.peakRssMB);
    Object.assign(prev, row.imagesPerSec > prev.imagesPerSec ? row : {}, { samples, peakRssMB });
  };
  try {
    for (const [name, s] of Object.entries(MODELS)) await writeRandomDinov2(path.join(tmp, name), s);
    for (let round = 1; round <= rounds; round++)
      for (const [name, s] of Object.entries(MODELS)) {
        const dir = path.join(tmp, name);
        for (const ex of ["tfjs", "onnx"] as const) {
          const r = runRow(process.execPath, [
            ...process.execArgv,
            __filename,
            "--child",
            ex,
            name,
            dir,
            "--batch",
            String(batch),
            "--iters",
            String(iters),
          ]);
          if ("error" in r) {
            failures.push({ model: name, extractor: ex, error: r.error });
            console.error(`*** ${name} ${ex} failed:\n${r.error}`);
            continue;
          }
          record(r.row as Row);
          console.log(`round ${round}: ${JSON.stringify(r.row)}`);
        }
        if (python) {
          const r = runRow(python, [
            path.join(__dirname, "torch_extract.py"),
            "--dim",
            String(s.dim),
            "--layers",
            String(s.layers),
            "--heads",
            String(s.heads),
            "--batch",
            String(batch),
            "--iters",
            String(iters),
          ]);
          if ("error" in r) {
            torchError = `${torchError ? `${torchError}\n` : ""}${name}: torch_extract.py: ${r.error}`;
            console.error(`*** PyTorch reference failed for ${name}:\n${r.error}`);
            continue;
          }
          const row = { model: name, ...(r.row as Omit<Row, "model">) };
          record(row);
          console.log(`round ${round}: ${JSON.stringify(row)}`);
        }
      }
  } finally {
    await fsp.rm(tmp, { recursive: true, force: true });
  }
  const rate = (model: string, prefix: string): number | null =>
    results.find((r) => r.model === model && r.extractor.startsWith(prefix))?.imagesPerSec ?? null;
  const ratio = (a: number | null, b: number | null): number | null =>
    a !== null && b !== null ? Math.round((a / b) * 100) / 100 : null;
  const ratios = Object.keys(MODELS).map((model) => {
    const torch = rate(model, "pytorch");
    return {
      model,
      onnxOverTorch: ratio(rate(model, "onnxruntime"), torch),
      tfjsOverTorch: ratio(rate(model, "tfjs"), torch),
      onnxOverTfjs: ratio(rate(model, "onnxruntime"), rate(model, "tfjs")),
    };
  });
  const loadAfter = load();
  for (const r of ratios)
    console.log(
      `${r.model}: onnx/torch ${r.onnxOverTorch ?? "n/a"}, tfjs/torch ${r.tfjsOverTorch ?? "n/a"}, onnx/tfjs ${r.onnxOverTfjs ?? "n/a"}`,
    );
  console.log(`load average before ${loadBefore.join(" ")}, after ${loadAfter.join(" ")}`);
  const file = path.join(__dirname, "results", "extract.json");
  await fsp.mkdir(path.dirname(file), { recursive: true });
  const note = `forward pass only, random weights, ${SIZE}², batch ${batch}, warm-up + ${iters} timed batches; each row its own process; best of ${rounds} interleaved rounds (all in samples)`;
  await fsp.writeFile(
    file,
    JSON.stringify(
      {
        date: new Date().toISOString(),
        machine,
        loadAverage: { before: loadBefore, after: loadAfter },
        resolution: SIZE,
        batch,
        iters,
        rounds,
        note,
        python,
        torchError,
        failures,
        results,
        ratios,
      },
      null,
      2,
    ) + "\n",
  );
  console.log(`wrote ${file}`);
  if (torchError) console.error(`\n*** torchError recorded in ${file}: the PyTorch reference did not run`);
  if (failures.length || torchError) process.exitCode = 1;
}

void main();
