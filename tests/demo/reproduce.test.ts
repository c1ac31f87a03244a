/**
 * `npm run reproduce` end to end: a real API process, a real worker process, a real Postgres, a
 * tiny random-weight DINOv2. Two labels-per-class settings × two seeds × four kinds run with
 * equal budgets; the report's numbers must be the runs' numbers in the database.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { freePort, seedDemo } from "@loffta/db";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { ok } from "../../apps/api/test/helpers";
import { ROOT, startApiProcess, startWorkerProcess, writeSpatialDataset, type Proc } from "../e2e/harness";
import { createApi } from "../../scripts/reproduce/client";
import { fmtMetric, mean, reproduce, std } from "../../scripts/reproduce/run";

const MODEL_DIR = path.join(ROOT, "apps/worker/fixtures/reference/dinov2");

describe("npm run reproduce", () => {
  let db: TestDatabase;
  let token: string;
  let port: number;
  let api: Proc;
  let worker: Proc;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "loffta-repro-"));
  const url = () => `http://127.0.0.1:${port}/graphql`;

  beforeAll(async () => {
    db = await createTestDatabase("reproduce");
    token = (await seedDemo(db.prisma)).token;
    port = await freePort();
    api = await startApiProcess(db.url, port);
    await writeSpatialDataset(path.join(tmp, "data"), { train: 12, val: 4 });
    worker = startWorkerProcess({
      api: `http://127.0.0.1:${port}`,
      token,
      name: "repro-w",
      home: path.join(tmp, "home"),
      leaseSeconds: 30,
    });
  }, 120_000);

  afterAll(async () => {
    await worker?.kill("SIGKILL");
    await api?.kill("SIGKILL");
    await db?.drop();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it("runs the four kinds with equal budgets and writes a report matching the database", async () => {
    const { registerDataset: ds } = await ok<{ registerDataset: { id: string } }>(
      url(),
      token,
      `mutation($i: RegisterDatasetInput!) { registerDataset(input: $i) { id } }`,
      {
        i: { name: "spatial", rootUri: path.join(tmp, "data"), layout: "IMAGE_FOLDER" },
      },
    );
    const { registerFoundationModel: model } = await ok<{ registerFoundationModel: { id: string } }>(
      url(),
      token,
      `mutation($i: RegisterFoundationModelInput!) { registerFoundationModel(input: $i) { id } }`,
      {
        i: {
          name: "dinov2-tiny-random",
          family: "DINOV2",
          patchSize: 7,
          embedDim: 32,
          depth: 2,
          heads: 2,
          defaultImageSize: 28,
          weightsUri: MODEL_DIR,
        },
      },
    );
    const out = path.join(tmp, "report");
    const logs: string[] = [];
    const r = await reproduce({
      api: createApi(`http://127.0.0.1:${port}`, token),
      datasetId: ds.id,
      modelId: model.id,
      name: "tiny",
      labelsPerClass: [4, 12],
      seeds: [1, 2],
      epochs: 3,
      batchSize: 4,
      out,
      dataDir: path.join(tmp, "datasets"),
      timeoutMs: 240_000,
      log: (l) => logs.push(l),
    }).catch((e: unknown) => {
      throw new Error(`${String(e)}\nworker output:\n${worker.output().slice(-4000)}`);
    });

    expect(fs.readdirSync(out).sort()).toEqual([
      "accuracy.png",
      "efficiency.png",
      "report.json",
      "report.md",
    ]);
    for (const png of ["accuracy.png", "efficiency.png"])
      expect((await sharp(path.join(out, png)).metadata()).format).toBe("png");
    expect(r.runs).toHaveLength(16);
    const bad = r.runs.filter((x) => x.status !== "SUCCEEDED");
    expect(bad.map((x) => `${x.name}: ${x.error}`)).toEqual([]);

    // Equal budgets and seeds, and the subsets have the asked number of train images.
    const rows = await db.prisma.run.findMany({
      where: { id: { in: r.runs.map((x) => x.id) } },
      include: { cache: { include: { dataset: true } } },
    });
    expect(rows).toHaveLength(16);
    for (const row of rows) {
      const cfg = row.config as { epochs: number; batchSize: number };
      expect([cfg.epochs, cfg.batchSize]).toEqual([3, 4]);
      const lpc = r.runs.find((x) => x.id === row.id)!.labelsPerClass!;
      const counts = row.cache!.dataset.splitCounts as
        Record<string, number> | { split: string; count: number }[];
      const train = Array.isArray(counts) ? counts.find((c) => c.split === "train")?.count : counts.train;
      expect(train).toBe(2 * lpc);
      if (row.kind.startsWith("LOFF")) {
        const base = rows.find((b) => b.id === row.baselineRunId)!;
        expect([base.kind, base.seed, base.cacheId]).toEqual(["UNFROZEN_LINEAR", row.seed, row.cacheId]);
      }
    }
    // Every aggregate is recomputed from the database and appears in the report.
    const md = fs.readFileSync(path.join(out, "report.md"), "utf8");
    for (const lpc of [4, 12])
      for (const kind of ["UNFROZEN_LINEAR", "FROZEN_LINEAR", "LOFF", "LOFF_TA"] as const) {
        const group = rows.filter(
          (x) => x.kind === kind && r.runs.find((y) => y.id === x.id)!.labelsPerClass === lpc,
        );
        expect(group.map((g) => g.seed).sort()).toEqual([1, 2]);
        const acc = group.map((g) => (g.finalMetrics as { accuracy: number }).accuracy);
        expect(group.every((g) => g.trainImagesPerSec! > 0 && Number(g.peakMemoryBytes) > 0)).toBe(true);
        const ips = mean(group.map((g) => g.trainImagesPerSec!))!;
        const mem = mean(group.map((g) => Number(g.peakMemoryBytes)))!;
        const line = md.split("\n").find((l) => l.startsWith(`| ${lpc} | ${kind} |`))!;
        expect(line).toContain(
          `| 2/2 | ${fmtMetric(mean(acc), std(acc))} | ${ips.toFixed(1)} | ${(mem / 2 ** 20).toFixed(0)} MiB |`,
        );
        if (kind.startsWith("LOFF")) {
          const ft = rows.filter((x) => x.kind === "UNFROZEN_LINEAR");
          const speedups = group.map(
            (g) => g.trainImagesPerSec! / ft.find((b) => b.id === g.baselineRunId)!.trainImagesPerSec!,
          );
          expect(line).toContain(`| ${mean(speedups)!.toFixed(2)}× |`);
        }
      }
    for (const x of r.runs) expect(md).toContain(x.id);
    const json = JSON.parse(fs.readFileSync(path.join(out, "report.json"), "utf8")) as {
      runs: { id: string }[];
    };
    expect(json.runs.map((x) => x.id).sort()).toEqual(r.runs.map((x) => x.id).sort());
    expect(logs.at(-1)).toMatch(/report: /);
  }, 300_000);
});
