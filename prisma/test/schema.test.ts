import { createTestDatabase, type TestDatabase } from "../../tests/support/db";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase("schema");
});
afterAll(async () => {
  await db.drop();
});

async function fixtures() {
  const team = await db.prisma.team.create({
    data: { name: `t-${Math.random()}`, slug: `t-${Math.random()}` },
  });
  const project = await db.prisma.project.create({ data: { teamId: team.id, name: "p" } });
  const dataset = await db.prisma.dataset.create({
    data: {
      teamId: team.id,
      name: "d",
      rootUri: "file:///data",
      layout: "IMAGE_FOLDER",
      classNames: ["a", "b"],
      splitCounts: { train: 2 },
    },
  });
  const model = await db.prisma.foundationModel.create({
    data: {
      teamId: team.id,
      name: "dinov2-s",
      family: "DINOV2",
      patchSize: 14,
      embedDim: 384,
      depth: 12,
      heads: 6,
      defaultImageSize: 224,
      mean: [0.485, 0.456, 0.406],
      std: [0.229, 0.224, 0.225],
      weightsUri: "file:///w.safetensors",
    },
  });
  return { team, project, dataset, model };
}

describe("database schema (real Postgres, committed migrations)", () => {
  it("has every table of the data model after migrate deploy", async () => {
    const rows = await db.prisma.$queryRaw<
      { tablename: string }[]
    >`select tablename::text as tablename from pg_tables where schemaname = 'public'`;
    const names = rows.map((r) => r.tablename).sort();
    for (const t of [
      "Team",
      "User",
      "ApiToken",
      "Project",
      "Dataset",
      "FoundationModel",
      "FeatureCache",
      "Run",
      "MetricPoint",
      "Job",
      "Worker",
      "Artifact",
      "Report",
      "ReportPlot",
      "_prisma_migrations",
    ]) {
      expect(names).toContain(t);
    }
    const applied = await db.prisma.$queryRaw<
      { n: bigint }[]
    >`select count(*) as n from _prisma_migrations where finished_at is not null`;
    expect(Number(applied[0]!.n)).toBeGreaterThanOrEqual(1);
  });

  it("enforces one point per (run, key, step) in the database", async () => {
    const { project } = await fixtures();
    const run = await db.prisma.run.create({
      data: { projectId: project.id, name: "r", kind: "LOFF_TA", config: {} },
    });
    await db.prisma.metricPoint.create({ data: { runId: run.id, key: "loss", step: 1, value: 0.5 } });
    await expect(
      db.prisma.metricPoint.create({ data: { runId: run.id, key: "loss", step: 1, value: 0.7 } }),
    ).rejects.toMatchObject({ code: "P2002" });
    // Raw SQL bypassing Prisma is refused too: the constraint lives in Postgres.
    await expect(
      db.prisma
        .$executeRaw`insert into "MetricPoint" ("runId", key, step, value) values (${run.id}::uuid, 'loss', 1, 0.9)`,
    ).rejects.toThrow(/unique|duplicate/i);
    await db.prisma.metricPoint.create({ data: { runId: run.id, key: "loss", step: 2, value: 0.4 } });
    await db.prisma.metricPoint.create({ data: { runId: run.id, key: "acc", step: 1, value: 0.1 } });
    expect(await db.prisma.metricPoint.count({ where: { runId: run.id } })).toBe(3);
  });

  it("enforces one cache per dataset × model × resolution × pooling × layer", async () => {
    const { dataset, model } = await fixtures();
    const key = { datasetId: dataset.id, modelId: model.id, resolution: 224, pooling: 1, layer: -1 };
    await db.prisma.featureCache.create({ data: key });
    await expect(db.prisma.featureCache.create({ data: key })).rejects.toMatchObject({ code: "P2002" });
    await db.prisma.featureCache.create({ data: { ...key, pooling: 2 } });
    await db.prisma.featureCache.create({ data: { ...key, resolution: 448 } });
    expect(await db.prisma.featureCache.count({ where: { datasetId: dataset.id } })).toBe(3);
  });

  it("deleting a project removes its runs, metric points, jobs and artifacts", async () => {
    const { team, project } = await fixtures();
    const other = await db.prisma.project.create({ data: { teamId: team.id, name: "other" } });
    const run = await db.prisma.run.create({
      data: { projectId: project.id, name: "r", kind: "LOFF", config: {} },
    });
    const kept = await db.prisma.run.create({
      data: { projectId: other.id, name: "k", kind: "LOFF", config: {} },
    });
    await db.prisma.metricPoint.createMany({
      data: [1, 2, 3].map((step) => ({ runId: run.id, key: "loss", step, value: 1 / step })),
    });
    await db.prisma.metricPoint.create({ data: { runId: kept.id, key: "loss", step: 1, value: 1 } });
    await db.prisma.job.create({ data: { type: "TRAIN", teamId: team.id, payload: {}, runId: run.id } });
    await db.prisma.artifact.create({
      data: { runId: run.id, kind: "CHECKPOINT", name: "last.safetensors", uri: "file:///c", bytes: 10n, sha256: "x" },
    });

    await db.prisma.project.delete({ where: { id: project.id } });

    expect(await db.prisma.run.count({ where: { projectId: project.id } })).toBe(0);
    expect(await db.prisma.metricPoint.count({ where: { runId: run.id } })).toBe(0);
    expect(await db.prisma.job.count({ where: { runId: run.id } })).toBe(0);
    expect(await db.prisma.artifact.count({ where: { runId: run.id } })).toBe(0);
    expect(await db.prisma.metricPoint.count({ where: { runId: kept.id } })).toBe(1);
  });

  it("stores token hashes only and scopes as an enum array", async () => {
    const { team } = await fixtures();
    const t = await db.prisma.apiToken.create({
      data: { teamId: team.id, name: "w", prefix: "lft_abc", hash: "h".repeat(64), scopes: ["WORKER"] },
    });
    expect(t.scopes).toEqual(["WORKER"]);
    await expect(
      db.prisma
        .$executeRaw`update "ApiToken" set scopes = array['ROOT']::"TokenScope"[] where id = ${t.id}::uuid`,
    ).rejects.toThrow(/invalid input value for enum/);
  });
});
