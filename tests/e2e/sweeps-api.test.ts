/**
 * launchSweep through the real API server (HTTP, fresh database): a 2×2 grid × 2 seeds launches
 * 8 runs whose stored configs are the base config with each setting's values, resolved as
 * launchRun resolves one config; a RANDOM sweep draws the same settings from the same seed; every
 * bad input is BAD_USER_INPUT naming its field and creates nothing; another team sees nothing.
 * (Runs that a real worker finishes, and the groups' mean ± std over them: tests/web/sweeps.test.ts.)
 */
import { resolveRunConfig, setPath, type RunKind } from "@loffta/graphql/domain";
import { codeOf, post, startSecurityHarness, type GqlBody, type SecurityHarness, type TeamFixture } from "../security/harness";

let h: SecurityHarness;
let cacheA = "";
let cacheB = "";

async function readyCache(team: TeamFixture, slug: string): Promise<string> {
  const p = h.db.prisma;
  const dataset = await p.dataset.create({
    data: { teamId: team.teamId, name: `ds-${slug}`, rootUri: "/data/x", layout: "IMAGE_FOLDER", classNames: ["a", "b"], splitCounts: { train: 8, val: 2 }, status: "READY" },
  });
  const model = await p.foundationModel.create({
    data: { teamId: team.teamId, name: `m-${slug}`, family: "DINOV2", patchSize: 14, embedDim: 384, depth: 12, heads: 6, defaultImageSize: 224, mean: [], std: [], weightsUri: "/w/x" },
  });
  const cache = await p.featureCache.create({ data: { datasetId: dataset.id, modelId: model.id, resolution: 224, layer: 12, status: "READY" } });
  return cache.id;
}

beforeAll(async () => {
  h = await startSecurityHarness("sweeps");
  cacheA = await readyCache(h.a, "a");
  cacheB = await readyCache(h.b, "b");
});
afterAll(() => h?.close());

const LAUNCH = `mutation($i: LaunchSweepInput!) { launchSweep(input: $i) {
  id name kind method seeds metric settingCount count samplingSeed
  parameters { path values min max log integer }
  progress { total queued running succeeded failed cancelled finished done }
  runs { id name seed status config tags sweep { id } }
  groups { index values { path value } runCount finishedCount runs { id seed } metric { key mean std n } }
} }`;

interface SweepAnswer {
  id: string;
  name: string;
  kind: RunKind;
  method: string;
  seeds: number[];
  metric: string;
  settingCount: number;
  count: number | null;
  samplingSeed: number | null;
  parameters: { path: string; values: unknown[] | null; min: number | null; max: number | null; log: boolean; integer: boolean }[];
  progress: Record<string, number | boolean>;
  runs: { id: string; name: string; seed: number; status: string; config: Record<string, unknown>; tags: string[]; sweep: { id: string } }[];
  groups: { index: number; values: { path: string; value: unknown }[]; runCount: number; finishedCount: number; runs: { id: string; seed: number }[]; metric: { key: string; mean: number | null; std: number | null; n: number } }[];
}

async function launch(input: Record<string, unknown>, token = h.a.member.secret): Promise<GqlBody<{ launchSweep: SweepAnswer }>> {
  return (await post<{ launchSweep: SweepAnswer }>(h.url, token, LAUNCH, { i: { projectId: h.a.projectId, kind: "LOFF_TA", cacheId: cacheA, ...input } })).body;
}

const counts = async () => ({ sweeps: await h.db.prisma.sweep.count(), runs: await h.db.prisma.run.count(), jobs: await h.db.prisma.job.count() });

test("a 2×2 grid × 2 seeds: 8 runs, each config the base with its setting's values, resolved as launchRun does", async () => {
  const base = { epochs: 2, classifier: { preset: "tiny" }, augmentations: { noise: { p: 0.5 } } };
  const body = await launch({
    name: "noise-x-flip",
    config: base,
    method: "GRID",
    parameters: [
      { path: "augmentations.noise.std", values: [0, 0.2] },
      { path: "augmentations.hflip.enabled", values: [true, false] },
    ],
    seeds: [1, 2],
    tags: ["ablation"],
  });
  expect(body.errors).toBeUndefined();
  const s = body.data!.launchSweep;
  expect(s).toMatchObject({ name: "noise-x-flip", kind: "LOFF_TA", method: "GRID", seeds: [1, 2], metric: "accuracy", settingCount: 4, count: null, samplingSeed: null });
  expect(s.parameters).toEqual([
    { path: "augmentations.noise.std", values: [0, 0.2], min: null, max: null, log: false, integer: false },
    { path: "augmentations.hflip.enabled", values: [true, false], min: null, max: null, log: false, integer: false },
  ]);
  expect(s.progress).toEqual({ total: 8, queued: 8, running: 0, succeeded: 0, failed: 0, cancelled: 0, finished: 0, done: false });
  expect(s.runs).toHaveLength(8);
  // Setting by setting (the first parameter slowest), each setting's runs in seed order.
  const expected: [number, boolean, number][] = [];
  for (const std of [0, 0.2]) for (const flip of [true, false]) for (const seed of [1, 2]) expected.push([std, flip, seed]);
  s.runs.forEach((r, k) => {
    const [std, flip, seed] = expected[k];
    const want = resolveRunConfig("LOFF_TA", setPath(setPath(base, "augmentations.noise.std", std), "augmentations.hflip.enabled", flip), seed);
    expect(r.config).toEqual(want);
    expect(r.seed).toBe(seed);
    expect(r.status).toBe("QUEUED");
    expect(r.tags).toEqual(["ablation"]);
    expect(r.sweep.id).toBe(s.id);
    expect(r.name).toBe(`noise-x-flip-${Math.floor(k / 2) + 1}-s${seed}`);
  });
  // As stored: every run with its TRAIN job on the cache, linked to the sweep.
  const rows = await h.db.prisma.run.findMany({ where: { sweepId: s.id }, include: { jobs: true } });
  expect(rows).toHaveLength(8);
  for (const r of rows) {
    expect(r.cacheId).toBe(cacheA);
    expect(r.jobs.map((j) => [j.type, j.status, j.cacheId])).toEqual([["TRAIN", "QUEUED", cacheA]]);
  }
  expect(s.groups.map((g) => g.values.map((v) => v.value))).toEqual([
    [0, true],
    [0, false],
    [0.2, true],
    [0.2, false],
  ]);
  for (const g of s.groups) {
    expect(g.runs.map((r) => r.seed)).toEqual([1, 2]);
    expect([g.runCount, g.finishedCount]).toEqual([2, 0]);
    expect(g.metric).toEqual({ key: "accuracy", mean: null, std: null, n: 0 });
  }
  // The sweep reads back by id and is listed.
  const read = await post<{ sweep: { id: string; runs: { id: string }[] }; sweeps: { totalCount: number; nodes: { id: string }[] } }>(
    h.url,
    h.a.member.secret,
    `query($id: ID!, $p: ID) { sweep(id: $id) { id runs { id } } sweeps(projectId: $p) { totalCount nodes { id } } }`,
    { id: s.id, p: h.a.projectId },
  );
  expect(read.body.data!.sweep.runs.map((r) => r.id)).toEqual(s.runs.map((r) => r.id));
  expect(read.body.data!.sweeps.nodes.map((n) => n.id)).toContain(s.id);
});

test("a RANDOM sweep draws the same settings from the same seed, within the ranges", async () => {
  const input = {
    name: "random-lr",
    config: { epochs: 1 },
    method: "RANDOM",
    parameters: [
      { path: "optimizer.lr", min: 1e-4, max: 1e-2, log: true },
      { path: "epochs", min: 1, max: 4, integer: true },
      { path: "classifier.preset", values: ["tiny", "deit-ti"] },
    ],
    count: 5,
    seed: 11,
    seeds: [3],
  };
  const a = (await launch(input)).data!.launchSweep;
  const b = (await launch(input)).data!.launchSweep;
  const c = (await launch({ ...input, seed: 12 })).data!.launchSweep;
  expect(a.id).not.toBe(b.id);
  expect([a.count, a.samplingSeed, a.settingCount, a.runs.length]).toEqual([5, 11, 5, 5]);
  const settings = (s: SweepAnswer) => s.groups.map((g) => g.values.map((v) => v.value));
  expect(settings(b)).toEqual(settings(a));
  expect(b.runs.map((r) => r.config)).toEqual(a.runs.map((r) => r.config));
  expect(settings(c)).not.toEqual(settings(a));
  for (const [lr, epochs, preset] of settings(a) as [number, number, string][]) {
    expect(lr).toBeGreaterThanOrEqual(1e-4);
    expect(lr).toBeLessThanOrEqual(1e-2);
    expect([1, 2, 3, 4]).toContain(epochs);
    expect(["tiny", "deit-ti"]).toContain(preset);
  }
  // Each run's config carries its setting's values and the run seed.
  a.runs.forEach((r, k) => {
    const [lr, epochs, preset] = settings(a)[k] as [number, number, string];
    expect(r.config).toEqual(resolveRunConfig("LOFF_TA", { epochs, optimizer: { lr }, classifier: { preset } }, 3));
  });
});

test("exactly 256 runs (128 settings × 2 seeds) are launched in one transaction", async () => {
  const body = await launch({ name: "max", config: { epochs: 1 }, method: "GRID", parameters: [{ path: "optimizer.lr", values: Array.from({ length: 128 }, (_, i) => (i + 1) * 1e-5) }], seeds: [0, 1] });
  expect(body.errors).toBeUndefined();
  const s = body.data!.launchSweep;
  expect([s.settingCount, s.progress.total]).toEqual([128, 256]);
  expect(await h.db.prisma.job.count({ where: { run: { sweepId: s.id } } })).toBe(256);
});

describe("bad input: BAD_USER_INPUT naming the field, nothing created", () => {
  const grid = (parameters: unknown[], extra: Record<string, unknown> = {}) => ({ name: "bad", config: {}, method: "GRID", parameters, ...extra });
  const cases: [string, Record<string, unknown>, string][] = [
    ["a path that is not a config path", grid([{ path: "augmentations.nosie.std", values: [0.1] }]), "input.parameters.0.path"],
    ["a section, not a value", grid([{ path: "augmentations.noise", values: [{ std: 0.1 }] }]), "input.parameters.0.path"],
    ["the seed as a parameter", grid([{ path: "seed", values: [1, 2] }]), "input.parameters.0.path"],
    ["a value that fails validation", grid([{ path: "epochs", values: [2, 3] }, { path: "augmentations.noise.std", values: [0.1, -1] }]), "input.parameters.1.values.1"],
    ["a value of the wrong type", grid([{ path: "augmentations.hflip.enabled", values: ["yes"] }]), "input.parameters.0.values.0"],
    ["what the kind cannot do (LOFF with a flip)", grid([{ path: "augmentations.hflip.enabled", values: [true] }], { kind: "LOFF" }), "input.parameters.0.values.0"],
    ["an empty grid", grid([{ path: "epochs", values: [] }]), "input.parameters.0.values"],
    ["no parameters", grid([]), "input.parameters"],
    ["a range in a grid", grid([{ path: "optimizer.lr", min: 0.1, max: 0.2 }]), "input.parameters.0"],
    ["a repeated value", grid([{ path: "epochs", values: [1, 2, 1] }]), "input.parameters.0.values.2"],
    [
      "more than 256 runs (17 × 8 × 2 seeds)",
      grid([{ path: "epochs", values: Array.from({ length: 17 }, (_, i) => i + 1) }, { path: "batchSize", values: [8, 16, 24, 32, 40, 48, 56, 64] }], { seeds: [0, 1] }),
      "input.parameters",
    ],
    ["more than 256 random runs", { name: "bad", config: {}, method: "RANDOM", parameters: [{ path: "optimizer.lr", min: 1e-4, max: 1e-2 }], count: 200, seeds: [0, 1] }, "input.count"],
    ["RANDOM without count", { name: "bad", config: {}, method: "RANDOM", parameters: [{ path: "optimizer.lr", min: 1e-4, max: 1e-2 }] }, "input.count"],
    ["a log range from 0", { name: "bad", config: {}, method: "RANDOM", parameters: [{ path: "optimizer.lr", min: 0, max: 1e-2, log: true }], count: 2 }, "input.parameters.0.min"],
    ["count on a GRID", grid([{ path: "epochs", values: [1] }], { count: 3 }), "input.count"],
    ["a repeated seed", grid([{ path: "epochs", values: [1] }], { seeds: [4, 4] }), "input.seeds.1"],
    ["an invalid base config", grid([{ path: "epochs", values: [1] }], { config: { batchSize: 0 } }), "input.config.batchSize"],
    ["a seed in the base config and seeds", grid([{ path: "epochs", values: [1] }], { config: { seed: 3 }, seeds: [1] }), "input.config.seed"],
    ["a metric that is not one", grid([{ path: "epochs", values: [1] }], { metric: "evalCount" }), "input.metric"],
    ["an empty name", grid([{ path: "epochs", values: [1] }], { name: "  " }), "input.name"],
    ["no cache", grid([{ path: "epochs", values: [1] }], { cacheId: null }), "input.cacheId"],
  ];

  test.each(cases)("%s", async (_what, input, field) => {
    const before = await counts();
    const body = await launch(input);
    expect(codeOf(body)).toBe("BAD_USER_INPUT");
    const fields = (body.errors![0].extensions!.fields as { path: string; message: string }[]).map((f) => f.path);
    expect(fields).toContain(field);
    expect(await counts()).toEqual(before);
  });

  test("one bad setting among valid ones (a batch size below the micro-batch) creates nothing", async () => {
    const before = await counts();
    const body = await launch(grid([{ path: "batchSize", values: [64, 32, 4] }], { config: { microBatch: 8 }, seeds: [0, 1] }));
    expect(codeOf(body)).toBe("BAD_USER_INPUT");
    expect(JSON.stringify(body.errors![0].extensions!.fields)).toContain("microBatch must be <= batchSize");
    expect(await counts()).toEqual(before);
  });

  test("another team's project or cache: NOT_FOUND; a WORKER-only token: FORBIDDEN", async () => {
    const before = await counts();
    expect(codeOf(await launch(grid([{ path: "epochs", values: [1] }], { projectId: h.b.projectId })))).toBe("NOT_FOUND");
    expect(codeOf(await launch(grid([{ path: "epochs", values: [1] }], { cacheId: cacheB })))).toBe("NOT_FOUND");
    expect(codeOf(await launch(grid([{ path: "epochs", values: [1] }]), h.a.worker.secret))).toBe("FORBIDDEN");
    expect(await counts()).toEqual(before);
  });
});

test("team scoping: another team's sweep is null, its runs' sweep unseen, its project NOT_FOUND", async () => {
  const s = (await launch({ name: "mine", config: {}, method: "GRID", parameters: [{ path: "epochs", values: [1, 2] }] })).data!.launchSweep;
  const asB = await post<{ sweep: unknown; sweeps: { totalCount: number }; run: unknown }>(
    h.url,
    h.b.member.secret,
    `query($id: ID!, $r: ID!) { sweep(id: $id) { id } sweeps { totalCount } run(id: $r) { id } }`,
    { id: s.id, r: s.runs[0].id },
  );
  expect(asB.body.data).toEqual({ sweep: null, sweeps: { totalCount: 0 }, run: null });
  expect(codeOf(await post(h.url, h.b.member.secret, `query($p: ID) { sweeps(projectId: $p) { totalCount } }`, { p: h.a.projectId }))).toBe("NOT_FOUND");
  // Pages, newest first; a foreign cursor is refused.
  const q = `query($after: String) { sweeps(first: 1, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } }`;
  type Page = { sweeps: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; nodes: { id: string }[] } };
  const p1 = (await post<Page>(h.url, h.a.member.secret, q, {})).body.data!.sweeps;
  expect(p1.nodes.map((n) => n.id)).toEqual([s.id]);
  expect(p1.pageInfo.hasNextPage).toBe(true);
  const p2 = (await post<Page>(h.url, h.a.member.secret, q, { after: p1.pageInfo.endCursor })).body.data!.sweeps;
  expect(p2.nodes).toHaveLength(1);
  expect(p2.nodes[0].id).not.toBe(s.id);
  const foreign = await post(h.url, h.b.member.secret, q, { after: s.id });
  expect(foreign.body.errors?.[0].extensions?.fields).toEqual([{ path: "after", message: expect.any(String) }]);
});
