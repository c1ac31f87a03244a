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

  it("checks a metric row's run once per statement and deletes a run's points and rollups with it", async () => {
    const { project } = await fixtures();
    const run = await db.prisma.run.create({ data: { projectId: project.id, name: "r", kind: "LOFF_TA", config: {} } });
    const other = await db.prisma.run.create({ data: { projectId: project.id, name: "o", kind: "LOFF_TA", config: {} } });
    // No foreign key any more (statement-level triggers): a missing run is still refused, by any writer.
    await expect(
      db.prisma.$executeRaw`insert into "MetricPoint" ("runId", key, step, value) values (${run.id}::uuid, 'loss', 1, 1), (gen_random_uuid(), 'loss', 1, 1)`,
    ).rejects.toThrow(/run .* does not exist/);
    await expect(
      db.prisma.$executeRaw`insert into "MetricRollup" ("runId", key, level, bucket, count, "minStep", "minValue", "maxStep", "maxValue") values (gen_random_uuid(), 'loss', 3, 0, 1, 1, 1, 1, 1)`,
    ).rejects.toThrow(/run .* does not exist/);
    expect(await db.prisma.metricPoint.count({ where: { runId: run.id } })).toBe(0); // the whole statement failed
    for (const r of [run, other]) {
      await db.prisma.metricPoint.createMany({ data: [1, 2, 3].map((step) => ({ runId: r.id, key: "loss", step, value: step })) });
      await db.prisma.metricRollup.create({ data: { runId: r.id, key: "loss", level: 3, bucket: 0, count: 3, minStep: 1, minValue: 1, maxStep: 3, maxValue: 3 } });
    }
    await expect(db.prisma.$executeRaw`update "MetricPoint" set "runId" = gen_random_uuid() where "runId" = ${run.id}::uuid`).rejects.toThrow(/does not exist/);

    // An insert in progress locks its run (FOR KEY SHARE, as a foreign key check does): deleting
    // the run waits for it to commit, then deletes what it inserted too.
    const pg = await import("pg");
    const writer = new pg.default.Client({ connectionString: db.url });
    await writer.connect();
    await writer.query("BEGIN");
    await writer.query(`insert into "MetricPoint" ("runId", key, step, value) values ($1, 'loss', 4, 4)`, [run.id]);
    let deleted = false;
    const deleting = db.prisma.run.delete({ where: { id: run.id } }).then(() => (deleted = true));
    await new Promise((r) => setTimeout(r, 300));
    expect(deleted).toBe(false);
    await writer.query("COMMIT");
    await deleting;
    await writer.end();
    expect(await db.prisma.metricPoint.count({ where: { runId: run.id } })).toBe(0);
    expect(await db.prisma.metricRollup.count({ where: { runId: run.id } })).toBe(0);
    expect(await db.prisma.metricPoint.count({ where: { runId: other.id } })).toBe(3);
    // A cascade from the project (Run rows deleted by Postgres) takes the points too.
    await db.prisma.project.delete({ where: { id: project.id } });
    expect(await db.prisma.metricPoint.count({ where: { runId: other.id } })).toBe(0);
    expect(await db.prisma.metricRollup.count({ where: { runId: other.id } })).toBe(0);
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
