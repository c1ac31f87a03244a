/**
 * `npm run reproduce -- --dataset ID --model ID [--labels-per-class 5,10] [--seeds 1,2]
 *   [--epochs 10] [--batch 16] [--preset tiny] [--kinds LOFF,LOFF_TA,…] [--resolution N]
 *   [--project ID] [--name NAME] [--out DIR] [--api URL] [--token T] [--data DIR]`
 *
 * Runs the four run kinds with equal budgets and seeds through the API (a running platform:
 * `npm start`), waits for them and writes reports/<name>/report.md (+ report.json, PNG plots).
 * Token: --token, $LOFFTA_TOKEN, else <data>/demo-token (data: --data, $LOFFTA_HOME or ./.loffta).
 */
import fs from "node:fs";
import path from "node:path";
import { createApi } from "./reproduce/client";
import { KINDS, reproduce, type Kind } from "./reproduce/run";

const ROOT = path.resolve(__dirname, "..");

function list(v: string | undefined): number[] {
  return (v ?? "")
    .split(",")
    .filter(Boolean)
    .map((x) => {
      const n = Number(x);
      if (!Number.isInteger(n) || n < 0) throw new Error(`not a non-negative integer: ${x}`);
      return n;
    });
}

export async function main(argv: string[]): Promise<number> {
  const f: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--help" || a === "-h") {
      process.stderr.write(
        "usage: npm run reproduce -- --dataset ID --model ID [--labels-per-class 5,10] [--seeds 1,2] [--epochs N] [--batch N] [--preset P] [--kinds K,…] [--resolution N] [--project ID] [--name NAME] [--out DIR] [--api URL] [--token T] [--data DIR]\n",
      );
      return 0;
    }
    if (!a.startsWith("--") || argv[i + 1] === undefined) throw new Error(`bad argument ${a} (see --help)`);
    const k = a.slice(2);
    f[k] = f[k] && (k === "labels-per-class" || k === "seeds") ? `${f[k]},${argv[++i]}` : argv[++i];
  }
  const known = [
    "dataset",
    "model",
    "labels-per-class",
    "seeds",
    "epochs",
    "batch",
    "preset",
    "kinds",
    "resolution",
    "project",
    "name",
    "out",
    "api",
    "token",
    "data",
    "metric",
  ];
  for (const k of Object.keys(f)) if (!known.includes(k)) throw new Error(`unknown option --${k}`);
  if (!f.dataset || !f.model) throw new Error("--dataset ID and --model ID are required");
  const dataDir = path.resolve(f.data ?? process.env.LOFFTA_HOME ?? path.join(ROOT, ".loffta"));
  let token = f.token ?? process.env.LOFFTA_TOKEN;
  if (!token) {
    try {
      token = fs.readFileSync(path.join(dataDir, "demo-token"), "utf8").trim();
    } catch {
      throw new Error(
        `no token: pass --token, set LOFFTA_TOKEN, or start the platform (npm start) so ${dataDir}/demo-token exists`,
      );
    }
  }
  const kinds = (f.kinds ? f.kinds.split(",") : [...KINDS]) as Kind[];
  for (const k of kinds)
    if (!KINDS.includes(k)) throw new Error(`unknown kind ${k} (kinds: ${KINDS.join(", ")})`);
  const r = await reproduce({
    api: createApi(f.api ?? `http://127.0.0.1:${process.env.API_PORT ?? 4000}`, token),
    datasetId: f.dataset,
    modelId: f.model,
    projectId: f.project,
    name: f.name,
    labelsPerClass: list(f["labels-per-class"]),
    seeds: f.seeds ? list(f.seeds) : [1],
    kinds: KINDS.filter((k) => kinds.includes(k)),
    epochs: f.epochs ? Number(f.epochs) : 10,
    batchSize: f.batch ? Number(f.batch) : 16,
    preset: f.preset,
    resolution: f.resolution ? Number(f.resolution) : undefined,
    metric: f.metric,
    out: f.out ? path.resolve(f.out) : undefined,
    dataDir,
  });
  process.stdout.write(`${path.join(r.out, "report.md")}\n`);
  return 0;
}

if (require.main === module)
  main(process.argv.slice(2)).then(
    (c) => (process.exitCode = c),
    (e: unknown) => {
      process.stderr.write(`reproduce: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    },
  );
