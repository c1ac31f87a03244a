import { cacheProbe, collect, errorCode, insertCache, ok, runProbe, startHarness, wsClient, type Harness } from "./helpers";

const REGISTER = `mutation($input: RegisterWorkerInput!) { registerWorker(input: $input) { id name online } }`;
const CLAIM = `mutation($w: ID!, $types: [JobType!]) { claimJob(workerId: $w, types: $types, leaseSeconds: 30) { id type status attempts payload run { id status } } }`;
const PROGRESS = `mutation($j: ID!, $w: ID!) { reportProgress(jobId: $j, workerId: $w, done: 5, total: 10) { cancelled job { id status } } }`;
const LAUNCH = `mutation($input: LaunchRunInput!) { launchRun(input: $input) { id status kind config } }`;

type Claimed = { claimJob: { id: string; type: string; status: string; attempts: number; payload: { runId?: string }; run: { id: string; status: string } | null } | null };

let h: Harness;
/** A READY cache: every kind names one, and a TRAIN job is claimable once its cache is READY. */
let readyCacheId: string;
beforeAll(async () => {
  h = await startHarness("queue");
  readyCacheId = (await insertCache(h.db.prisma, h.a.teamId, { name: "ready" })).cache.id;
});
afterAll(async () => {
  await h?.close();
});

async function worker(name: string, token = h.a.worker): Promise<string> {
  const d = await ok<{ registerWorker: { id: string } }>(h.url, token, REGISTER, { input: { name, host: "h", backend: "cpu", device: "cpu" } });
  return d.registerWorker.id;
}

async function launch(name: string): Promise<string> {
  const d = await ok<{ launchRun: { id: string } }>(h.url, h.a.member, LAUNCH, { input: { projectId: h.a.projectId, name, kind: "UNFROZEN_LINEAR", config: { epochs: 2 }, cacheId: readyCacheId } });
  return d.launchRun.id;
}

test("many workers racing for one job: exactly one gets it", async () => {
  const runId = await launch("race");
  const workers = await Promise.all(Array.from({ length: 6 }, (_, i) => worker(`racer-${i}`)));
  // 24 concurrent claims from 6 workers.
  const results = await Promise.all(workers.flatMap((w) => Array.from({ length: 4 }, () => ok<Claimed>(h.url, h.a.worker, CLAIM, { w }))));
  const got = results.filter((r) => r.claimJob);
  expect(got).toHaveLength(1);
  expect(got[0].claimJob).toMatchObject({ type: "TRAIN", status: "RUNNING", attempts: 1, payload: { runId }, run: { id: runId, status: "RUNNING" } });
  await h.db.prisma.job.updateMany({ where: { runId }, data: { status: "SUCCEEDED" } });
});

test("an expired lease is reclaimed, attempts are counted, and the last attempt fails the run", async () => {
  const runId = await launch("lease");
  const w1 = await worker("lease-1");
  const w2 = await worker("lease-2");
  const c1 = await ok<Claimed>(h.url, h.a.worker, CLAIM, { w: w1 });
  const jobId = c1.claimJob!.id;
  expect(await ok<Claimed>(h.url, h.a.worker, CLAIM, { w: w2 })).toEqual({ claimJob: null }); // lease still valid
  const expire = () => h.db.prisma.job.update({ where: { id: jobId }, data: { leaseExpiresAt: new Date(Date.now() - 1000) } });
  await expire();
  const c2 = await ok<Claimed>(h.url, h.a.worker, CLAIM, { w: w2 });
  expect(c2.claimJob).toMatchObject({ id: jobId, attempts: 2 });
  // The first worker lost its lease.
  expect(await errorCode(h.url, h.a.worker, PROGRESS, { j: jobId, w: w1 })).toBe("CONFLICT");
  await expire();
  expect((await ok<Claimed>(h.url, h.a.worker, CLAIM, { w: w1 })).claimJob).toMatchObject({ id: jobId, attempts: 3 });
  await expire();
  // maxAttempts (3) used up: the next claim fails it instead of handing it out.
  expect(await ok<Claimed>(h.url, h.a.worker, CLAIM, { w: w2 })).toEqual({ claimJob: null });
  const job = await h.db.prisma.job.findUniqueOrThrow({ where: { id: jobId } });
  expect(job).toMatchObject({ status: "FAILED", attempts: 3 });
  expect((await h.db.prisma.run.findUniqueOrThrow({ where: { id: runId } })).status).toBe("FAILED");
});

test("failJob retries with back-off, completeJob stores the results, progress renews the lease", async () => {
  const runId = await launch("complete");
  const w = await worker("completer");
  const jobId = (await ok<Claimed>(h.url, h.a.worker, CLAIM, { w })).claimJob!.id;
  const failed = await ok<{ failJob: { status: string; availableAt: string } }>(
    h.url,
    h.a.worker,
    `mutation($j: ID!, $w: ID!) { failJob(jobId: $j, workerId: $w, error: "OOM") { status availableAt } }`,
    { j: jobId, w },
  );
  expect(failed.failJob.status).toBe("QUEUED");
  expect(Date.parse(failed.failJob.availableAt)).toBeGreaterThan(Date.now());
  expect(await ok<Claimed>(h.url, h.a.worker, CLAIM, { w })).toEqual({ claimJob: null }); // backing off
  await h.db.prisma.job.update({ where: { id: jobId }, data: { availableAt: new Date(Date.now() - 1000) } });
  expect((await ok<Claimed>(h.url, h.a.worker, CLAIM, { w })).claimJob).toMatchObject({ id: jobId, attempts: 2 });
  const p = await ok<{ reportProgress: { cancelled: boolean } }>(h.url, h.a.worker, PROGRESS, { j: jobId, w });
  expect(p.reportProgress.cancelled).toBe(false);
  const done = await ok<{ completeJob: { status: string } }>(
    h.url,
    h.a.worker,
    `mutation($j: ID!, $w: ID!, $r: JobResultInput!) { completeJob(jobId: $j, workerId: $w, result: $r) { status } }`,
    { j: jobId, w, r: { run: { finalMetrics: { accuracy: 0.9 }, trainImagesPerSec: 12.5, peakMemoryBytes: 3e9, wallTimeSec: 60 } } },
  );
  expect(done.completeJob.status).toBe("SUCCEEDED");
  const run = await ok<{ run: { status: string; finalMetrics: unknown; trainImagesPerSec: number; peakMemoryBytes: number } }>(
    h.url,
    h.a.member,
    `query($id: ID!) { run(id: $id) { status finalMetrics trainImagesPerSec peakMemoryBytes } }`,
    { id: runId },
  );
  expect(run.run).toEqual({ status: "SUCCEEDED", finalMetrics: { accuracy: 0.9 }, trainImagesPerSec: 12.5, peakMemoryBytes: 3e9 });
});

test("cancelRun: the queued job is cancelled; a running worker learns it from heartbeat and progress; subscribers see it", async () => {
  const queuedRun = await launch("cancel-queued");
  const cancelQ = `mutation($id: ID!) { cancelRun(id: $id) { id status } }`;
  expect((await ok<{ cancelRun: { status: string } }>(h.url, h.a.member, cancelQ, { id: queuedRun })).cancelRun.status).toBe("CANCELLED");
  expect((await h.db.prisma.job.findFirstOrThrow({ where: { runId: queuedRun } })).status).toBe("CANCELLED");

  const runId = await launch("cancel-running");
  const w = await worker("cancelled-worker");
  const jobId = (await ok<Claimed>(h.url, h.a.worker, CLAIM, { w })).claimJob!.id;
  const client = wsClient(h.server.wsUrl, h.a.member);
  const sub = collect<{ runUpdated: { id: string; status: string } }>(client, `subscription($p: ID!) { runUpdated(projectId: $p) { id status } }`, { p: h.a.projectId });
  await sub.live(runProbe(h.db.prisma, { id: queuedRun, projectId: h.a.projectId })); // the run cancelled above, announced unchanged
  await ok(h.url, h.a.member, cancelQ, { id: runId });
  await sub.waitFor(1);
  expect(sub.events[0].runUpdated).toEqual({ id: runId, status: "CANCELLED" });
  const hb = await ok<{ heartbeat: { cancelledJobIds: string[] } }>(h.url, h.a.worker, `mutation($w: ID!) { heartbeat(workerId: $w) { cancelledJobIds } }`, { w });
  expect(hb.heartbeat.cancelledJobIds).toEqual([jobId]);
  expect((await ok<{ reportProgress: { cancelled: boolean } }>(h.url, h.a.worker, PROGRESS, { j: jobId, w })).reportProgress.cancelled).toBe(true);
  // Finishing a cancelled job is refused.
  expect(
    await errorCode(h.url, h.a.worker, `mutation($j: ID!, $w: ID!) { completeJob(jobId: $j, workerId: $w, result: { run: { finalMetrics: {} } }) { id } }`, { j: jobId, w }),
  ).toBe("CONFLICT");
  sub.dispose();
  await client.dispose();
});

test("a TRAIN job waits for its cache; EXTRACT progress reaches cache subscribers", async () => {
  const ds = await h.db.prisma.dataset.create({ data: { teamId: h.a.teamId, name: "d", rootUri: "/x", layout: "IMAGE_FOLDER", classNames: [] } });
  const m = await h.db.prisma.foundationModel.create({
    data: { teamId: h.a.teamId, name: "m", family: "DINOV2", patchSize: 14, embedDim: 384, depth: 12, heads: 6, defaultImageSize: 224, mean: [0, 0, 0], std: [1, 1, 1], weightsUri: "/w" },
  });
  const req = `mutation($i: RequestFeatureCacheInput!) { requestFeatureCache(input: $i) { id status runCount } }`;
  const input = { datasetId: ds.id, modelId: m.id, resolution: 224 };
  const c1 = await ok<{ requestFeatureCache: { id: string; status: string } }>(h.url, h.a.member, req, { i: input });
  const c2 = await ok<{ requestFeatureCache: { id: string } }>(h.url, h.a.member, req, { i: { ...input, pooling: 1, layer: 12 } });
  expect(c2.requestFeatureCache.id).toBe(c1.requestFeatureCache.id); // idempotent (layer omitted = the last block, 12)
  const cacheId = c1.requestFeatureCache.id;
  expect(await h.db.prisma.job.count({ where: { cacheId, type: "EXTRACT" } })).toBe(1);
  const run = await ok<{ launchRun: { id: string } }>(h.url, h.a.member, LAUNCH, { input: { projectId: h.a.projectId, name: "ta", kind: "LOFF_TA", config: {}, cacheId } });
  const w = await worker("extractor");
  // Only the EXTRACT job is claimable while the cache is not READY.
  expect(await ok<Claimed>(h.url, h.a.worker, CLAIM, { w, types: ["TRAIN"] })).toEqual({ claimJob: null });
  const client = wsClient(h.server.wsUrl, h.a.member);
  const sub = collect<{ featureCacheProgress: { status: string; progress: number | null } }>(
    client,
    `subscription($id: ID!) { featureCacheProgress(id: $id) { status progress } }`,
    { id: cacheId },
  );
  await sub.live(cacheProbe(h.db.prisma, cacheId)); // the cache announced unchanged, before its job is claimed
  const ex = (await ok<Claimed>(h.url, h.a.worker, CLAIM, { w, types: ["EXTRACT"] })).claimJob!;
  expect(ex.type).toBe("EXTRACT");
  await ok(h.url, h.a.worker, PROGRESS, { j: ex.id, w });
  await sub.waitFor(2);
  expect(sub.events.map((e) => e.featureCacheProgress)).toEqual([
    { status: "EXTRACTING", progress: null },
    { status: "EXTRACTING", progress: 0.5 },
  ]);
  await ok(h.url, h.a.worker, `mutation($j: ID!, $w: ID!, $r: JobResultInput!) { completeJob(jobId: $j, workerId: $w, result: $r) { id } }`, {
    j: ex.id,
    w,
    r: { cache: { gridH: 16, gridW: 16, dim: 384, bytes: 1e6, shardCount: 2, storageUri: "/c" } },
  });
  const tr = (await ok<Claimed>(h.url, h.a.worker, CLAIM, { w, types: ["TRAIN"] })).claimJob!;
  expect(tr.run?.id).toBe(run.launchRun.id);
  const cache = await ok<{ featureCache: { status: string; runCount: number; bytes: number } }>(h.url, h.a.member, `query($id: ID!) { featureCache(id: $id) { status runCount bytes } }`, { id: cacheId });
  expect(cache.featureCache).toEqual({ status: "READY", runCount: 1, bytes: 1e6 });
  sub.dispose();
  await client.dispose();
});
