/**
 * `npm run reproduce` end to end: a real API process, a real worker process, a real Postgres, a
 * tiny random-weight DINOv2. Two labels-per-class settings × two seeds × four kinds run with
 * equal budgets; the report's numbers must be the runs' numbers in the database, and the report
 * is published to the API (what the dashboard shows) with the same numbers, run ids and plots.
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
import { fmtMetric, mean, reproduce, std, writeReport, type ReportData } from "../../scripts/reproduce/run";
import { main } from "../../scripts/reproduce";

const MODEL_DIR = path.join(ROOT, "apps/worker/fixtures/reference/dinov2");

describe("npm run reproduce", () => {
  let db: TestDatabase;
  let token: string;
  let port: number;
  let api: Proc;
  let worker: Proc;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "loffta-repro-"));
  const url = () => `http://127.0.0.1:${port}/graphql`;
  const base = () => `http://127.0.0.1:${port}`;
  const WEB = "http://dashboard.test:3000";
  const out = path.join(tmp, "report");
  let reportId = "";

  type ApiReport = {
    id: string;
    name: string;
    metric: string;
    markdown: string;
    runIds: string[];
    kinds: string[];
    settings: Record<string, unknown>;
    project: { id: string };
    results: {
      kind: string;
      labelsPerClass: number | null;
      runCount: number;
      succeeded: number;
      metricMean: number | null;
      metricStd: number | null;
      imagesPerSec: number | null;
      peakMemoryBytes: number | null;
      speedup: number | null;
      memorySaving: number | null;
      runIds: string[];
    }[];
    runs: { id: string; name: string }[];
    plots: { name: string; title: string | null; width: number; height: number; base64: string }[];
  };
  const REPORT = `query($id: ID!) { report(id: $id) { id name metric markdown runIds kinds settings project { id }
    results { kind labelsPerClass runCount succeeded metricMean metricStd imagesPerSec peakMemoryBytes speedup memorySaving runIds }
    runs { id name } plots { name title width height base64 } } }`;

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
      webUrl: WEB,
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
    expect(logs).toContain(`report: ${path.join(out, "report.md")}`);

    // Published: the API serves report.json's numbers, which are the runs' numbers.
    expect(r.publishError).toBeNull();
    reportId = r.report!.id;
    expect(r.report!.url).toBe(`${WEB}/reports/${reportId}`);
    expect(logs.at(-1)).toBe(`published: report ${reportId} — ${WEB}/reports/${reportId}`);
    const { report } = await ok<{ report: ApiReport }>(url(), token, REPORT, { id: reportId });
    const file = JSON.parse(fs.readFileSync(path.join(out, "report.json"), "utf8")) as ReportData;
    const { projects } = await ok<{ projects: { id: string }[] }>(url(), token, `{ projects { id } }`);
    expect(report).toMatchObject({
      name: "tiny",
      metric: "accuracy",
      markdown: md,
      runIds: file.runs.map((x) => x.id),
      kinds: ["UNFROZEN_LINEAR", "LOFF_TA", "LOFF", "FROZEN_LINEAR"], // the fine-tuning baseline first, then the catalogue's display order
      project: { id: projects[0].id },
      settings: {
        datasetId: ds.id,
        modelId: model.id,
        epochs: 3,
        batchSize: 4,
        seeds: [1, 2],
        resolution: 28,
      },
    });
    expect(report.runs.map((x) => x.id)).toEqual(r.runs.map((x) => x.id));
    expect(report.results).toEqual(file.aggregates.map(({ n, ...a }) => ({ ...a, runCount: n })));
    expect(report.results).toHaveLength(8);
    for (const res of report.results) {
      const group = rows.filter((x) => res.runIds.includes(x.id));
      expect(group).toHaveLength(2);
      expect(group.every((g) => g.kind === res.kind)).toBe(true);
      expect(
        group.every((g) => r.runs.find((y) => y.id === g.id)!.labelsPerClass === res.labelsPerClass),
      ).toBe(true);
      const acc = group.map((g) => (g.finalMetrics as { accuracy: number }).accuracy);
      expect([res.runCount, res.succeeded]).toEqual([2, 2]);
      expect(res.metricMean).toBeCloseTo(mean(acc)!, 12);
      expect(res.metricStd).toBeCloseTo(std(acc)!, 12);
      expect(res.imagesPerSec).toBeCloseTo(mean(group.map((g) => g.trainImagesPerSec!))!, 9);
      expect(res.peakMemoryBytes).toBeCloseTo(mean(group.map((g) => Number(g.peakMemoryBytes)))!, 3);
      if (res.kind.startsWith("LOFF")) expect(res.speedup).toBeGreaterThan(0);
    }
    expect(report.plots.map((p) => [p.name, p.title])).toEqual([
      ["accuracy.png", "accuracy vs labels per class"],
      ["efficiency.png", "training throughput and peak memory"],
    ]);
    for (const p of report.plots) {
      const onDisk = fs.readFileSync(path.join(out, p.name));
      expect(Buffer.from(p.base64, "base64").equals(onDisk)).toBe(true);
      const meta = await sharp(onDisk).metadata();
      expect([p.width, p.height]).toEqual([meta.width, meta.height]);
    }
    const list = await ok<{ reports: { id: string }[] }>(
      url(),
      token,
      `query($p: ID!) { reports(projectId: $p) { id } }`,
      { p: projects[0].id },
    );
    expect(list.reports).toEqual([{ id: reportId }]);
  }, 300_000);

  it("writes the files even when publishing fails; --publish DIR publishes them later as the same report", async () => {
    expect(reportId).not.toBe("");
    const data = JSON.parse(fs.readFileSync(path.join(out, "report.json"), "utf8")) as ReportData;
    const again = path.join(tmp, "report-again");
    const logs: string[] = [];
    const w = await writeReport(again, data, {
      api: createApi(base(), "lft_rejected0000000000"),
      webUrl: WEB,
      log: (l) => logs.push(l),
    });
    expect(w.report).toBeNull();
    expect(w.publishError).toMatch(/\(UNAUTHENTICATED\)$/);
    expect(logs.at(-1)).toContain(`NOT published (the files in ${again} are written)`);
    expect(fs.readdirSync(again).sort()).toEqual([
      "accuracy.png",
      "efficiency.png",
      "report.json",
      "report.md",
    ]);
    expect(fs.readFileSync(path.join(again, "report.json"), "utf8")).toBe(
      fs.readFileSync(path.join(out, "report.json"), "utf8"),
    );

    // The CLI: a rejected token fails loudly; the right one publishes (replacing the report).
    // A token on the command line is refused without echoing it; a file others can read too.
    for (const arg of [["--token", "lft_secret0000000000000"], ["--token=lft_secret0000000000000"]]) {
      const e = await main(["--publish", again, "--api", base(), ...arg]).catch((x: Error) => x);
      expect(e).toBeInstanceOf(Error);
      expect((e as Error).message).toMatch(/--token is refused.*--token-file/);
      expect((e as Error).message).not.toContain("lft_secret");
    }
    const tokenDir = fs.mkdtempSync(path.join(os.tmpdir(), "loffta-token-"));
    const tokenFile = (name: string, secret: string, mode: number) => {
      const f = path.join(tokenDir, name);
      fs.writeFileSync(f, secret + "\n", { mode });
      fs.chmodSync(f, mode);
      return f;
    };
    await expect(
      main(["--publish", again, "--api", base(), "--token-file", tokenFile("open", token, 0o644)]),
    ).rejects.toThrow(/open to other users .*chmod 600/);
    await expect(
      main(["--publish", again, "--api", base(), "--token-file", tokenFile("rejected", "lft_rejected0000000000", 0o600)]),
    ).rejects.toThrow(/UNAUTHENTICATED/);
    const printed: string[] = [];
    const spy = jest.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
      printed.push(String(chunk));
      return true;
    });
    const err = jest.spyOn(process.stderr, "write").mockImplementation(() => true);
    let code: number;
    try {
      code = await main(["--publish", again, "--api", base(), "--token-file", tokenFile("ok", token, 0o600), "--web", WEB]);
    } finally {
      spy.mockRestore();
      err.mockRestore();
    }
    expect(code).toBe(0);
    expect(printed.join("")).toBe(`${WEB}/reports/${reportId}\n`);
    const { report } = await ok<{ report: ApiReport }>(url(), token, REPORT, { id: reportId });
    expect(report.markdown).toBe(fs.readFileSync(path.join(again, "report.md"), "utf8"));
    expect(await db.prisma.report.count()).toBe(1);
  }, 60_000);
});
