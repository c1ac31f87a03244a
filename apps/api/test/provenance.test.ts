/**
 * Where a run trained: completeJob stores the worker holding the job's lease at completion as
 * `Run.trainedBy`, and the host, backend and device the worker reported with the run result.
 * Through the real API (GraphQL over HTTP, a real Postgres); the last test has a real worker
 * process train a LOFF and a fine-tuning run and checks what they report.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startWorkerProcess, waitFor, writeSpatialDataset, type Proc } from "../../../tests/e2e/harness";
import { errorCode, gql, insertCache, ok, startHarness, type Harness } from "./helpers";

const REGISTER = `mutation($input: RegisterWorkerInput!) { registerWorker(input: $input) { id } }`;
const CLAIM = `mutation($w: ID!) { claimJob(workerId: $w, types: [TRAIN], leaseSeconds: 30) { id run { id } } }`;
const COMPLETE = `mutation($j: ID!, $w: ID!, $r: JobResultInput!) { completeJob(jobId: $j, workerId: $w, result: $r) { id status } }`;
const LAUNCH = `mutation($input: LaunchRunInput!) { launchRun(input: $input) { id } }`;
const TRAINED = `query($id: ID!) { run(id: $id) { id status host backend device trainedBy { id name host backend device } } }`;

type Trained = {
  run: {
    id: string;
    status: string;
    host: string | null;
    backend: string | null;
    device: string | null;
    trainedBy: { id: string; name: string; host: string; backend: string; device: string } | null;
  };
};

let h: Harness;
let cacheId: string;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "loffta-provenance-"));
const workers: Proc[] = [];

beforeAll(async () => {
  h = await startHarness("provenance");
  cacheId = (await insertCache(h.db.prisma, h.a.teamId, { name: "prov" })).cache.id;
});
afterAll(async () => {
  for (const w of workers) await w.kill("SIGKILL");
  await h?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function worker(name: string, device = "cpu"): Promise<string> {
  return (await ok<{ registerWorker: { id: string } }>(h.url, h.a.worker, REGISTER, { input: { name, host: `${name}.local`, backend: "tensorflow", device } })).registerWorker.id;
}

/** A launched run and its TRAIN job, claimed by `w`. */
async function claimed(name: string, w: string): Promise<{ runId: string; jobId: string }> {
  const runId = (await ok<{ launchRun: { id: string } }>(h.url, h.a.member, LAUNCH, { input: { projectId: h.a.projectId, name, kind: "UNFROZEN_LINEAR", config: { epochs: 1 }, cacheId } })).launchRun.id;
  const c = await ok<{ claimJob: { id: string; run: { id: string } } | null }>(h.url, h.a.worker, CLAIM, { w });
  expect(c.claimJob?.run.id).toBe(runId);
  return { runId, jobId: c.claimJob!.id };
}

const trained = async (id: string, token = h.a.member) => (await ok<Trained>(h.url, token, TRAINED, { id })).run;

test("a completed run names the worker that held its job and where it trained", async () => {
  const w = await worker("gpu-box", "cuda:0");
  const { runId, jobId } = await claimed("prov-1", w);
  // Before completion: nothing is known yet.
  expect(await trained(runId)).toMatchObject({ status: "RUNNING", host: null, backend: null, device: null, trainedBy: null });
  await ok(h.url, h.a.worker, COMPLETE, { j: jobId, w, r: { run: { finalMetrics: { accuracy: 0.5 }, host: " node-7 ", backend: "tensorflow", device: "cuda:0" } } });
  expect(await trained(runId)).toEqual({
    id: runId,
    status: "SUCCEEDED",
    host: "node-7",
    backend: "tensorflow",
    device: "cuda:0",
    trainedBy: { id: w, name: "gpu-box", host: "gpu-box.local", backend: "tensorflow", device: "cuda:0" },
  });
  // Another team sees neither the run nor its worker.
  expect((await gql(h.url, h.b.member, TRAINED, { id: runId })).data?.run ?? null).toBeNull();
});

test("trainedBy is the worker holding the lease at completion (a reclaimed job), not the first one", async () => {
  const w1 = await worker("first");
  const w2 = await worker("second");
  const { runId, jobId } = await claimed("prov-reclaimed", w1);
  await h.db.prisma.job.update({ where: { id: jobId }, data: { leaseExpiresAt: new Date(Date.now() - 1000) } });
  expect((await ok<{ claimJob: { id: string } | null }>(h.url, h.a.worker, CLAIM, { w: w2 })).claimJob?.id).toBe(jobId);
  // The first worker lost the lease: its result is refused and changes nothing.
  expect(await errorCode(h.url, h.a.worker, COMPLETE, { j: jobId, w: w1, r: { run: { finalMetrics: {}, host: "first-host" } } })).toBe("CONFLICT");
  await ok(h.url, h.a.worker, COMPLETE, { j: jobId, w: w2, r: { run: { finalMetrics: {}, host: "second-host", backend: "cpu", device: "cpu" } } });
  expect(await trained(runId)).toMatchObject({ host: "second-host", backend: "cpu", device: "cpu", trainedBy: { id: w2, name: "second" } });
});

test("a result without host, backend or device stores nulls; bad values are refused; a deleted worker leaves trainedBy null", async () => {
  const w = await worker("quiet");
  const { runId, jobId } = await claimed("prov-quiet", w);
  const bad = await gql(h.url, h.a.worker, COMPLETE, { j: jobId, w, r: { run: { finalMetrics: {}, host: "  ", device: "x".repeat(201) } } });
  expect(bad.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  expect(bad.errors?.[0]?.extensions?.fields?.map((f) => f.path).sort()).toEqual(["result.run.device", "result.run.host"]);
  expect((await h.db.prisma.job.findUniqueOrThrow({ where: { id: jobId } })).status).toBe("RUNNING");
  await ok(h.url, h.a.worker, COMPLETE, { j: jobId, w, r: { run: { finalMetrics: {} } } });
  expect(await trained(runId)).toMatchObject({ status: "SUCCEEDED", host: null, backend: null, device: null, trainedBy: { id: w, name: "quiet" } });

  await h.db.prisma.job.updateMany({ where: { leaseOwner: w }, data: { leaseOwner: null } });
  await h.db.prisma.worker.delete({ where: { id: w } });
  expect(await trained(runId)).toMatchObject({ status: "SUCCEEDED", trainedBy: null });
});

test("a real worker process reports its host, the backend its training process used, and its device", async () => {
  const dataDir = path.join(tmp, "data");
  await writeSpatialDataset(dataDir, { train: 8, val: 4 });
  const { registerDataset: ds } = await ok<{ registerDataset: { id: string } }>(h.url, h.a.member, `mutation($i: RegisterDatasetInput!) { registerDataset(input: $i) { id } }`, {
    i: { name: "spatial", rootUri: dataDir, layout: "IMAGE_FOLDER" },
  });
  const { registerFoundationModel: model } = await ok<{ registerFoundationModel: { id: string } }>(h.url, h.a.member, `mutation($i: RegisterFoundationModelInput!) { registerFoundationModel(input: $i) { id } }`, {
    i: { name: "dinov2-tiny-random", family: "DINOV2", patchSize: 7, embedDim: 32, depth: 2, heads: 2, defaultImageSize: 28, weightsUri: path.resolve(__dirname, "../../worker/fixtures/reference/dinov2") },
  });
  const { requestFeatureCache: cache } = await ok<{ requestFeatureCache: { id: string } }>(h.url, h.a.member, `mutation($i: RequestFeatureCacheInput!) { requestFeatureCache(input: $i) { id } }`, {
    i: { datasetId: ds.id, modelId: model.id, resolution: 28 },
  });
  const config = { epochs: 1, batchSize: 8, microBatch: 8, schedule: { warmupEpochs: 0 }, earlyStopping: { enabled: false } };
  const launch = async (name: string, kind: string, extra: object = {}) =>
    (await ok<{ launchRun: { id: string } }>(h.url, h.a.member, LAUNCH, { input: { projectId: h.a.projectId, name, kind, cacheId: cache.id, config: { ...config, ...extra }, seed: 3 } })).launchRun.id;
  const ids = [await launch("real/loff", "LOFF", { classifier: { preset: "tiny" } }), await launch("real/finetune", "UNFROZEN_LINEAR")];

  const w = startWorkerProcess({ api: h.url.replace(/\/graphql$/, ""), token: h.a.worker, name: "real-worker", home: path.join(tmp, "home"), env: { LOFFTA_CALIBRATION: "off" } });
  workers.push(w);
  await waitFor(
    "both runs to succeed",
    async () => {
      if (w.child.exitCode !== null) throw new Error(`worker exited:\n${w.output()}`);
      const runs = await h.db.prisma.run.findMany({ where: { id: { in: ids } } });
      const failed = runs.find((r) => r.status === "FAILED");
      if (failed) throw new Error(`run ${failed.name} failed: ${failed.error}\n${w.output().slice(-3000)}`);
      return runs.length === 2 && runs.every((r) => r.status === "SUCCEEDED");
    },
    240_000,
    500,
  );
  for (const id of ids) {
    const r = await trained(id);
    expect(r.trainedBy?.name).toBe("real-worker");
    // The worker process registered itself with its host, backend and device; each run trained in
    // its own child process on this machine, with the worker's backend and device.
    expect(r.host).toBe(os.hostname());
    expect(r.trainedBy?.host).toBe(os.hostname());
    expect(["tensorflow", "cpu"]).toContain(r.backend);
    expect(r.backend).toBe(r.trainedBy?.backend);
    expect(r.device).toBeTruthy();
    expect(r.device).toBe(r.trainedBy?.device);
  }
}, 300_000);

test("completeJob stores the versions a worker reports; launchRun records the launching token's name", async () => {
  const w = await worker("versions");
  const { runId, jobId } = await claimed("prov-versions", w);
  const VERSIONS = `query($id: ID!) { run(id: $id) { lofftaVersion gitCommit tfjsVersion tfjsNodeVersion tensorflowVersion nodeVersion launchedBy } }`;
  const memberToken = (await h.db.prisma.apiToken.findMany()).filter((t) => h.a.member.startsWith(t.prefix));
  expect(memberToken).toHaveLength(1);
  const before = (await ok<{ run: Record<string, string | null> }>(h.url, h.a.member, VERSIONS, { id: runId })).run;
  expect(before).toEqual({ lofftaVersion: null, gitCommit: null, tfjsVersion: null, tfjsNodeVersion: null, tensorflowVersion: null, nodeVersion: null, launchedBy: memberToken[0]!.name });
  const bad = await gql(h.url, h.a.worker, COMPLETE, { j: jobId, w, r: { run: { finalMetrics: {}, gitCommit: " ", nodeVersion: "v".repeat(201) } } });
  expect(bad.errors?.[0]?.extensions?.fields?.map((f) => f.path).sort()).toEqual(["result.run.gitCommit", "result.run.nodeVersion"]);
  const versions = { lofftaVersion: "0.1.0", gitCommit: "0123456789abcdef0123456789abcdef01234567", tfjsVersion: "4.22.0", tfjsNodeVersion: "4.22.0", tensorflowVersion: "2.9.1", nodeVersion: "v20.19.0" };
  await ok(h.url, h.a.worker, COMPLETE, { j: jobId, w, r: { run: { finalMetrics: {}, ...versions, tfjsVersion: " 4.22.0 " } } });
  expect((await ok<{ run: Record<string, string | null> }>(h.url, h.a.member, VERSIONS, { id: runId })).run).toEqual({ ...versions, launchedBy: memberToken[0]!.name });
});
