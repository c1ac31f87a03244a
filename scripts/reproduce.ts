/**
 * `npm run reproduce -- --dataset ID --model ID [--labels-per-class 5,10] [--seeds 1,2]
 *   [--epochs 10] [--batch 16] [--preset tiny] [--kinds LOFF,LOFF_TA,…] [--resolution N]
 *   [--project ID] [--name NAME] [--out DIR] [--api URL] [--web URL] [--token-file F] [--data DIR]`
 * `npm run reproduce -- --publish DIR [--project ID] [--api URL] [--web URL] [--token-file F]`
 *
 * Runs the four run kinds with equal budgets and seeds through the API (a running platform:
 * `npm start`), waits for them, writes reports/<name>/report.md (+ report.json, PNG plots) and
 * publishes the report to the API (dashboard: <web>/reports/<id>). `--publish DIR` only
 * publishes a report folder written before.
 * Token: --token-file F (readable by its owner only), $LOFFTA_TOKEN, else <data>/demo-token (data:
 * --data, $LOFFTA_HOME or ./.loffta). Never on the command line: `--token T` is refused (`ps` shows it).
 * Exit status: 0 written and published; 1 failed (nothing or not everything written); 2 written
 * but not published (the reason is printed; publish later with --publish DIR).
 */
import fs from "node:fs";
import path from "node:path";
import { isMetricName, METRIC_NAMES } from "@loffta/graphql/domain";
import { readTokenFile } from "@loffta/graphql/token-file";
import { createApi } from "./reproduce/client";
import { publishReportDir } from "./reproduce/publish";
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
        "usage: npm run reproduce -- --dataset ID --model ID [--labels-per-class 5,10] [--seeds 1,2] [--epochs N] [--batch N] [--preset P] [--kinds K,…] [--resolution N] [--project ID] [--name NAME] [--out DIR] [--api URL] [--web URL] [--token-file F] [--data DIR]\n" +
          "       npm run reproduce -- --publish DIR [--project ID] [--api URL] [--web URL] [--token-file F] [--data DIR]\n" +
          "exit status: 0 written and published, 1 failed, 2 written but not published\n",
      );
      return 0;
    }
    if (a === "--token" || a.startsWith("--token="))
      throw new Error(
        "--token is refused: a token on the command line is visible to every user of this machine (ps). Use --token-file FILE (chmod 600), LOFFTA_TOKEN=… in the environment, or <data>/demo-token",
      );
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
    "token-file",
    "data",
    "metric",
    "web",
    "publish",
  ];
  for (const k of Object.keys(f)) if (!known.includes(k)) throw new Error(`unknown option --${k}`);
  if (!f.publish && (!f.dataset || !f.model))
    throw new Error("--dataset ID and --model ID are required (or --publish DIR)");
  const dataDir = path.resolve(f.data ?? process.env.LOFFTA_HOME ?? path.join(ROOT, ".loffta"));
  let token = f["token-file"] ? readTokenFile(path.resolve(f["token-file"])) : process.env.LOFFTA_TOKEN;
  if (!token) {
    if (!fs.existsSync(path.join(dataDir, "demo-token")))
      throw new Error(
        `no token: pass --token-file FILE, set LOFFTA_TOKEN, or start the platform (npm start) so ${dataDir}/demo-token exists`,
      );
    token = readTokenFile(path.join(dataDir, "demo-token"));
  }
  const api = createApi(f.api ?? `http://127.0.0.1:${process.env.API_PORT ?? 4000}`, token);
  const webUrl = f.web ?? process.env.LOFFTA_WEB_URL ?? `http://localhost:${process.env.WEB_PORT ?? 3000}`;
  if (f.publish) {
    const dir = path.resolve(f.publish);
    const report = await publishReportDir(api, dir, { projectId: f.project, webUrl });
    process.stderr.write(`reproduce | published ${path.join(dir, "report.md")} as report ${report.id}\n`);
    process.stdout.write(`${report.url}\n`);
    return 0;
  }
  const kinds = (f.kinds ? f.kinds.split(",") : [...KINDS]) as Kind[];
  for (const k of kinds)
    if (!KINDS.includes(k)) throw new Error(`unknown kind ${k} (kinds: ${KINDS.join(", ")})`);
  if (f.metric !== undefined && !isMetricName(f.metric))
    throw new Error(`unknown metric ${f.metric} (metrics: ${METRIC_NAMES.join(", ")})`);
  const r = await reproduce({
    api,
    webUrl,
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
    metric: f.metric !== undefined && isMetricName(f.metric) ? f.metric : undefined,
    out: f.out ? path.resolve(f.out) : undefined,
    dataDir,
  });
  process.stdout.write(`${path.join(r.out, "report.md")}\n`);
  if (r.report) {
    process.stdout.write(`${r.report.url}\n`);
    return 0;
  }
  process.stderr.write(
    `reproduce: the report is written to ${r.out} but was NOT published to the API: ${r.publishError}\n` +
      `  publish it again with: npm run reproduce -- --publish ${r.out}\n`,
  );
  return 2;
}

if (require.main === module)
  main(process.argv.slice(2)).then(
    (c) => (process.exitCode = c),
    (e: unknown) => {
      process.stderr.write(`reproduce: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    },
  );
