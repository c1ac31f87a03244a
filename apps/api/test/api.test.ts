import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { collect, errorCode, gql, insertRun, ok, startHarness, wsClient, type Harness } from "./helpers";

let h: Harness;
let tmp: string;
beforeAll(async () => {
  h = await startHarness("api");
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "loffta-api-ds-"));
});
afterAll(async () => {
  await h?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe("auth and team isolation", () => {
  test("me, missing and bad tokens, healthz", async () => {
    const me = await ok<{ me: { scopes: string[]; team: { slug: string } } }>(h.url, h.a.member, `{ me { scopes team { slug } } }`);
    expect(me.me).toEqual({ scopes: ["MEMBER"], team: { slug: "a-api" } });
    expect(await errorCode(h.url, null, `{ me { scopes } }`)).toBe("UNAUTHENTICATED");
    expect(await errorCode(h.url, "lft_not-a-real-token", `{ projects { id } }`)).toBe("UNAUTHENTICATED");
    const health = await fetch(h.url.replace("/graphql", "/healthz"));
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ ok: true });
  });

  test("scopes: members cannot act as workers, workers cannot launch runs", async () => {
    expect(await errorCode(h.url, h.a.member, `mutation { registerWorker(input: { name: "x", host: "h", backend: "b", device: "d" }) { id } }`)).toBe("FORBIDDEN");
    expect(await errorCode(h.url, h.a.worker, `mutation { createProject(input: { name: "p" }) { id } }`)).toBe("FORBIDDEN");
  });

  test("another team's runs are invisible and untouchable (reads, writes, subscriptions)", async () => {
    const run = await insertRun(h.db.prisma, h.a.projectId, { name: "secret" });
    // Reads
    expect(await ok(h.url, h.b.member, `query($id: ID!) { run(id: $id) { id } }`, { id: run.id })).toEqual({ run: null });
    const list = await ok<{ runs: { totalCount: number } }>(h.url, h.b.member, `{ runs { totalCount } }`);
    expect(list.runs.totalCount).toBe(0);
    expect(await errorCode(h.url, h.b.member, `query($id: ID!) { compareRuns(ids: [$id]) { runs { id } } }`, { id: run.id })).toBe("NOT_FOUND");
    expect(await errorCode(h.url, h.b.member, `query($id: ID!) { metricSeries(runIds: [$id], keys: ["loss"]) { key } }`, { id: run.id })).toBe("NOT_FOUND");
    // Writes
    expect(await errorCode(h.url, h.b.member, `mutation($id: ID!) { cancelRun(id: $id) { id } }`, { id: run.id })).toBe("NOT_FOUND");
    expect(await errorCode(h.url, h.b.member, `mutation($id: ID!) { tagRun(id: $id, add: ["x"]) { id } }`, { id: run.id })).toBe("NOT_FOUND");
    expect(
      await errorCode(h.url, h.b.worker, `mutation($id: ID!) { logMetrics(runId: $id, points: [{ key: "l", step: 1, value: 1 }]) { inserted } }`, { id: run.id }),
    ).toBe("NOT_FOUND");
    expect(
      await errorCode(h.url, h.b.member, `mutation($p: ID!) { launchRun(input: { projectId: $p, name: "x", kind: FROZEN_LINEAR, config: {} }) { id } }`, { p: h.a.projectId }),
    ).toBe("NOT_FOUND");
    const unchanged = await h.db.prisma.run.findUniqueOrThrow({ where: { id: run.id } });
    expect(unchanged).toMatchObject({ status: "QUEUED", tags: [] });
    expect(await h.db.prisma.metricPoint.count({ where: { runId: run.id } })).toBe(0);
    // Subscriptions
    const client = wsClient(h.server.wsUrl, h.b.member);
    const sub = collect(client, `subscription($id: ID!) { metricsAppended(runId: $id) { runId } }`, { id: run.id });
    await sub.ended;
    expect(JSON.stringify(sub.errors)).toContain("not found");
    const sub2 = collect(client, `subscription($p: ID!) { runUpdated(projectId: $p) { id } }`, { p: h.a.projectId });
    await sub2.ended;
    expect(sub2.errors.length).toBeGreaterThan(0);
    await client.dispose();
    // A WebSocket without a valid token is refused at connection_init.
    const anon = wsClient(h.server.wsUrl, "lft_bogus");
    const sub3 = collect(anon, `subscription { workerStatus { id } }`);
    await sub3.ended;
    expect((sub3.errors[0] as { code?: number }).code).toBe(4403); // close code: Forbidden
    await anon.dispose();
  });
});

describe("input validation and limits", () => {
  const LOG = `mutation($id: ID!, $points: [MetricPointInput!]!) { logMetrics(runId: $id, points: $points) { inserted } }`;

  test("oversized and malformed metric batches are refused and store nothing", async () => {
    const run = await insertRun(h.db.prisma, h.a.projectId);
    const tooMany = Array.from({ length: 10_001 }, (_, i) => ({ key: "k", step: i, value: 1 }));
    const r1 = await gql(h.url, h.a.worker, LOG, { id: run.id, points: tooMany });
    expect(r1.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: [{ path: "points" }] });
    const r2 = await gql(h.url, h.a.worker, LOG, { id: run.id, points: [{ key: "ok", step: 1, value: 1 }, { key: "", step: -1, value: 2 }] });
    expect(r2.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(r2.errors?.[0].extensions?.fields?.map((f) => f.path)).toEqual(["points.1.key", "points.1.step"]);
    const r3 = await gql(h.url, h.a.worker, LOG, { id: run.id, points: [{ key: "k", step: "one", value: 1 }] });
    expect(r3.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT"); // variable coercion
    expect(await h.db.prisma.metricPoint.count({ where: { runId: run.id } })).toBe(0);
    // A body over the limit never reaches GraphQL.
    const huge = await fetch(h.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${h.a.worker}` },
      body: JSON.stringify({ query: LOG, variables: { id: run.id, points: [], pad: "x".repeat(3 * 1024 * 1024) } }),
    });
    expect(huge.status).toBe(413);
    expect(((await huge.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe("PAYLOAD_TOO_LARGE");
  });

  test("logMetricColumns: mismatched columns and bad entries are refused at their column path, storing nothing", async () => {
    const COLS = `mutation($id: ID!, $c: MetricColumnsInput!) { logMetricColumns(runId: $id, columns: $c) { inserted } }`;
    const run = await insertRun(h.db.prisma, h.a.projectId);
    const paths = async (c: Record<string, unknown>) => {
      const r = await gql(h.url, h.a.worker, COLS, { id: run.id, c });
      expect(r.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
      return r.errors?.[0].extensions?.fields?.map((f) => f.path);
    };
    expect(await paths({ keys: ["a"], key: [0, 0], steps: [1, 2], values: [1] })).toEqual(["columns.values"]);
    expect(await paths({ keys: ["a"], key: [0], steps: [1], values: [1], wallTimes: [null, null] })).toEqual(["columns.wallTimes"]);
    expect(await paths({ keys: [], key: [], steps: [], values: [] })).toEqual(["columns"]);
    expect(await paths({ keys: ["a", ""], key: [0, 2, 1, 0], steps: [0, 1, -2, 3], values: [1, 2, 3, 4], wallTimes: [null, null, null, "2026-01-01T00:00:00Z"] })).toEqual([
      "columns.key.1",
      "columns.keys.1",
      "columns.steps.2",
    ]);
    // A wall time that is no date-time fails the DateTime scalar (variable coercion).
    const badWall = await gql(h.url, h.a.worker, COLS, { id: run.id, c: { keys: ["a"], key: [0], steps: [0], values: [1], wallTimes: ["yesterday"] } });
    expect(badWall.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(await paths({ keys: ["a", "x".repeat(201)], key: [0], steps: [0], values: [1] })).toEqual(["columns.keys"]); // more keys than points
    expect(await paths({ keys: ["a", "x".repeat(201)], key: [0, 0], steps: [0, 1], values: [1, 1] })).toEqual(["columns.keys.1"]); // unused, still checked
    const tooMany = Array.from({ length: 10_001 }, (_, i) => i);
    expect(await paths({ keys: ["k"], key: tooMany.map(() => 0), steps: tooMany, values: tooMany })).toEqual(["columns"]);
    expect(await h.db.prisma.metricPoint.count({ where: { runId: run.id } })).toBe(0);
    // A token without scope WORKER may not log; another team's run is NOT_FOUND.
    const good = { keys: ["a"], key: [0], steps: [0], values: [1] };
    expect((await gql(h.url, h.a.member, COLS, { id: run.id, c: good })).errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect((await gql(h.url, h.b.worker, COLS, { id: run.id, c: good })).errors?.[0].extensions?.code).toBe("NOT_FOUND");
  });

  test("launchRun maps config errors to field paths; LOFF needs a cache", async () => {
    const before = await h.db.prisma.run.count();
    const r = await gql(h.url, h.a.member, `mutation($input: LaunchRunInput!) { launchRun(input: $input) { id } }`, {
      input: { projectId: h.a.projectId, name: "bad", kind: "FROZEN_LINEAR", config: { epochs: 0, optimizer: { lr: -1 }, bogus: 1 } },
    });
    expect(r.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    const paths = r.errors?.[0].extensions?.fields?.map((f) => f.path) ?? [];
    expect(paths).toEqual(expect.arrayContaining(["input.config.epochs", "input.config.optimizer.lr", "input.config.bogus"]));
    const r2 = await gql(h.url, h.a.member, `mutation($p: ID!) { launchRun(input: { projectId: $p, name: "x", kind: LOFF_TA, config: {} }) { id } }`, { p: h.a.projectId });
    expect(r2.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: [{ path: "input.cacheId" }] });
    expect(await h.db.prisma.run.count()).toBe(before);
  });

  test("depth and cost limits, no batched HTTP requests, duplicate names conflict", async () => {
    const deep = `{ runs { edges { node { project { runCount } baselineRun { baselineRun { baselineRun { baselineRun { baselineRun { baselineRun { baselineRun { baselineRun { baselineRun { id } } } } } } } } } } } } }`;
    expect(await errorCode(h.url, h.a.member, deep)).toBe("QUERY_TOO_COMPLEX");
    const costly = `{ runs(first: 100) { edges { node { cache { dataset { caches { model { caches { id resolution } } } } } } } } }`;
    expect(await errorCode(h.url, h.a.member, costly)).toBe("QUERY_TOO_COMPLEX");
    const batch = await fetch(h.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${h.a.member}` },
      body: JSON.stringify([{ query: "{ me { scopes } }" }, { query: "{ me { scopes } }" }]),
    });
    expect(batch.status).toBe(400);
    await ok(h.url, h.a.member, `mutation { createProject(input: { name: "dup" }) { id } }`);
    expect(await errorCode(h.url, h.a.member, `mutation { createProject(input: { name: "dup" }) { id } }`)).toBe("CONFLICT");
  });
});

describe("datasets", () => {
  const REG = `mutation($i: RegisterDatasetInput!) { registerDataset(input: $i) { name layout classNames splitCounts { split count } imageCount contentHash status } }`;
  const write = (rel: string, bytes = 10) => {
    const p = path.join(tmp, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, Buffer.alloc(bytes, 1));
  };

  test("an ImageFolder with split folders is scanned; a bad path is refused naming it", async () => {
    for (const [split, cls, n] of [["train", "cat", 3], ["train", "dog", 2], ["val", "cat", 1], ["test", "dog", 2]] as const) {
      for (let i = 0; i < n; i++) write(`folder/${split}/${cls}/${i}.jpg`, 10 + i);
    }
    write("folder/train/cat/notes.txt");
    const d = await ok<{ registerDataset: Record<string, unknown> }>(h.url, h.a.member, REG, { i: { name: "pets", rootUri: path.join(tmp, "folder"), layout: "IMAGE_FOLDER" } });
    expect(d.registerDataset).toMatchObject({
      classNames: ["cat", "dog"],
      splitCounts: [{ split: "train", count: 5 }, { split: "val", count: 1 }, { split: "test", count: 2 }],
      imageCount: 8,
      status: "READY",
    });
    expect(d.registerDataset.contentHash).toMatch(/^[0-9a-f]{64}$/);
    const missing = path.join(tmp, "nope");
    const r = await gql(h.url, h.a.member, REG, { i: { name: "bad", rootUri: missing, layout: "IMAGE_FOLDER" } });
    expect(r.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: [{ path: "input.rootUri" }] });
    expect(r.errors?.[0].message).toContain(missing);
    expect(await h.db.prisma.dataset.count({ where: { name: "bad" } })).toBe(0);
  });

  test("a CSV manifest is scanned", async () => {
    write("csv/img/a.png");
    write("csv/img/b.png");
    fs.writeFileSync(path.join(tmp, "csv/manifest.csv"), "path,label,split\nimg/a.png,x,train\n\"img/b.png\",y,val\n");
    const d = await ok<{ registerDataset: Record<string, unknown> }>(h.url, h.a.member, REG, { i: { name: "csv", rootUri: `file://${path.join(tmp, "csv/manifest.csv")}`, layout: "CSV_MANIFEST" } });
    expect(d.registerDataset).toMatchObject({ classNames: ["x", "y"], imageCount: 2, splitCounts: [{ split: "train", count: 1 }, { split: "val", count: 1 }] });
  });
});

describe("runs and comparison", () => {
  test("compareRuns shows only differing config keys and speed-up / memory saving against the baseline", async () => {
    const base = await insertRun(h.db.prisma, h.a.projectId, {
      name: "ft",
      kind: "UNFROZEN_LINEAR",
      config: { lr: 1e-4, aug: { flip: true, noise: 0 }, epochs: 10 },
      trainImagesPerSec: 10,
      peakMemoryBytes: 26_000_000_000n,
      finalMetrics: { accuracy: 0.9 },
    });
    const ta = await insertRun(h.db.prisma, h.a.projectId, {
      name: "ta",
      config: { lr: 1e-4, aug: { flip: true, noise: 0.1 }, epochs: 10, pooling: 2 },
      trainImagesPerSec: 370,
      peakMemoryBytes: 1_000_000_000n,
      finalMetrics: { accuracy: 0.91, macroF1: 0.88 },
      baselineRunId: base.id,
    });
    const d = await ok<{ compareRuns: Record<string, unknown> }>(
      h.url,
      h.a.member,
      `query($ids: [ID!]!) { compareRuns(ids: $ids) { runs { name } configDiff { path values } metrics { key values }
         efficiency { run { name } trainImagesPerSec peakMemoryBytes baselineRun { name } speedup memorySaving } } }`,
      { ids: [ta.id, base.id] },
    );
    expect(d.compareRuns).toEqual({
      runs: [{ name: "ta" }, { name: "ft" }],
      configDiff: [
        { path: "aug.noise", values: [0.1, 0] },
        { path: "pooling", values: [2, null] },
      ],
      metrics: [
        { key: "accuracy", values: [0.91, 0.9] },
        { key: "macroF1", values: [0.88, null] },
      ],
      efficiency: [
        { run: { name: "ta" }, trainImagesPerSec: 370, peakMemoryBytes: 1e9, baselineRun: { name: "ft" }, speedup: 37, memorySaving: 26 },
        { run: { name: "ft" }, trainImagesPerSec: 10, peakMemoryBytes: 26e9, baselineRun: null, speedup: null, memorySaving: null },
      ],
    });
  });

  test("runs: filter by kind, tag and config value; sort by a final metric; cursor pages", async () => {
    const project = await h.db.prisma.project.create({ data: { teamId: h.a.teamId, name: "sorting" } });
    for (let i = 0; i < 5; i++) {
      await insertRun(h.db.prisma, project.id, { name: `r${i}`, config: { opt: { lr: i % 2 ? 0.1 : 0.01 } }, finalMetrics: i === 2 ? {} : { accuracy: i / 10 }, tags: i < 3 ? ["sweep"] : [] });
    }
    const q = `query($f: RunFilter, $s: RunSort, $after: String) { runs(filter: $f, sort: $s, first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { name } } } }`;
    type Page = { runs: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: { name: string } }[] } };
    const names: string[] = [];
    let after: string | null = null;
    for (;;) {
      const p: Page = await ok<Page>(h.url, h.a.member, q, { f: { projectId: project.id }, s: { field: "METRIC", metricKey: "accuracy", direction: "DESC" }, after });
      expect(p.runs.totalCount).toBe(5);
      names.push(...p.runs.edges.map((e) => e.node.name));
      if (!p.runs.pageInfo.hasNextPage) break;
      after = p.runs.pageInfo.endCursor;
    }
    expect(names).toEqual(["r4", "r3", "r1", "r0", "r2"]); // r2 has no accuracy: last
    const tagged = await ok<Page>(h.url, h.a.member, q, { f: { projectId: project.id, tag: "sweep", config: [{ path: "opt.lr", value: 0.1 }] } });
    expect(tagged.runs.edges.map((e) => e.node.name)).toEqual(["r1"]);
    expect(await errorCode(h.url, h.a.member, q, { after: "garbage" })).toBe("BAD_USER_INPUT");
  });
});
