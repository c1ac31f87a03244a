/**
 * Storage roots (docs/security.md): datasets and weights only from the configured roots — the
 * shared area or the team's own folder `teams/<slug>/` — checked by the API at registration and
 * by a real worker process when it opens the files. Outside paths (existing or not), devices,
 * fifos, symlinks out of the root and other teams' folders are refused with one answer; errors
 * carry no file bytes, sizes or server paths. A real API server on a fresh database, real files.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ROOT, startWorkerProcess, writeSpatialDataset, type Proc } from "../e2e/harness";
import { post, startSecurityHarness, type HttpAnswer, type SecurityHarness } from "./harness";

const REG_DATASET = `mutation($i: RegisterDatasetInput!) { registerDataset(input: $i) { id name rootUri } }`;
const REG_MODEL = `mutation($i: RegisterFoundationModelInput!) { registerFoundationModel(input: $i) { id name weightsUri } }`;
const REQ_CACHE = `mutation($i: RequestFeatureCacheInput!) { requestFeatureCache(input: $i) { id status } }`;
const CACHE = `query($id: ID!) { featureCache(id: $id) { id status error } }`;
/** The reference DINOv2 fixture: 2 blocks, width 32, patch 7, native 28 px. */
const DINOV2 = { family: "DINOV2", patchSize: 7, embedDim: 32, depth: 2, heads: 2, defaultImageSize: 28 };
/** The upload limit of the test server. */
const UPLOAD_MAX = 1024 * 1024;

let h: SecurityHarness;
let tmp: string;
let root: string;
let outside: string;
let teamA: string;
let teamB: string;
let worker: Proc | undefined;
const fifos: string[] = [];

beforeAll(async () => {
  tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "loffta-sec-roots-")));
  root = path.join(tmp, "root");
  outside = path.join(tmp, "outside");
  h = await startSecurityHarness("roots", { storageRoots: [root], maxUploadBytes: UPLOAD_MAX });
  teamA = `teams/a-roots`;
  teamB = `teams/b-roots`;
  const at = (rel: string) => path.join(root, rel);
  await writeSpatialDataset(at("shared/pets"), { train: 3, val: 1 });
  await writeSpatialDataset(at(`${teamA}/mine`), { train: 2, val: 1 });
  await writeSpatialDataset(at(`${teamA}/swap`), { train: 2, val: 1 });
  await writeSpatialDataset(at(`${teamB}/private`), { train: 2, val: 1 });
  await writeSpatialDataset(path.join(outside, "secret"), { train: 2, val: 1 });
  fs.writeFileSync(path.join(outside, "secret.safetensors"), Buffer.alloc(64, 7));
  // Weights inside the root are copies (a symlink to the fixture would lead out of the root).
  fs.cpSync(path.join(ROOT, "apps/worker/fixtures/reference/dinov2"), at("shared/models/dinov2"), { recursive: true });
  fs.symlinkSync(path.join(outside, "secret"), at(`${teamA}/link-out`));
  fs.symlinkSync(path.join(outside, "missing"), at(`${teamA}/link-dangling`));
  fs.symlinkSync(at(`${teamB}/private`), at(`${teamA}/link-to-b`));
  fs.mkdirSync(at(`${teamA}/csv`), { recursive: true });
  execFileSync("mkfifo", [at(`${teamA}/csv/fifo.csv`)]);
  fifos.push(at(`${teamA}/csv/fifo.csv`));
});

afterAll(async () => {
  // A reader blocked on a fifo (not this code: it never opens one) would hold the server open.
  for (const f of fifos) {
    try {
      fs.closeSync(fs.openSync(f, fs.constants.O_WRONLY | fs.constants.O_NONBLOCK));
    } catch {
      /* no reader: nothing to release */
    }
  }
  await worker?.kill();
  await h?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

/** POST, abandoned after `ms` (a server reading a fifo or /dev/zero would never answer). */
async function postWithin(token: string, query: string, variables: Record<string, unknown>, ms = 15_000): Promise<HttpAnswer | "no answer"> {
  return Promise.race([post(h.url, token, query, variables), new Promise<"no answer">((r) => setTimeout(() => r("no answer"), ms).unref())]);
}

/**
 * What a client learns from an answer beyond its own input: status, data, and the errors with
 * the URI (where a message names it: at its start or after a space) taken out.
 */
function learned(a: HttpAnswer | "no answer", uri: string): unknown {
  if (a === "no answer") return a;
  const named = new RegExp(`(?<=^| )${uri.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?=[: ])`);
  const strip = (v: unknown): unknown =>
    typeof v === "string" ? v.replace(named, "<uri>") : Array.isArray(v) ? v.map(strip) : v && typeof v === "object" ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, strip(x)])) : v;
  return { status: a.status, data: a.body.data ?? null, errors: strip(a.body.errors ?? []) };
}

const registerDataset = (token: string, name: string, rootUri: string, layout = "IMAGE_FOLDER") => postWithin(token, REG_DATASET, { i: { name, rootUri, layout } });

describe("registerDataset", () => {
  test("a path outside the roots gets one answer whether it exists or not (and names no server path)", async () => {
    const uris = [path.join(outside, "secret"), path.join(outside, "missing"), "../outside/secret", "../outside/missing", `${root}/../outside/secret`, "/etc", "/nonexistent"];
    const answers = [];
    for (const [i, uri] of uris.entries()) answers.push(learned(await registerDataset(h.a.member.secret, `out-${i}`, uri), uri));
    for (const a of answers) expect(a).toEqual(answers[0]);
    expect(answers[0]).toMatchObject({ data: null, errors: [{ extensions: { code: "BAD_USER_INPUT", fields: [{ path: "input.rootUri" }] } }] });
    expect(JSON.stringify(answers[0])).not.toMatch(/loffta-sec-roots|outside|secret/);
    expect(await h.db.prisma.dataset.count()).toBe(0);
  });

  test("/dev/zero and a fifo are refused at once, without reading them", async () => {
    const outsideAnswer = learned(await registerDataset(h.a.member.secret, "ref", "/nonexistent"), "/nonexistent");
    expect(learned(await registerDataset(h.a.member.secret, "zero", "/dev/zero"), "/dev/zero")).toEqual(outsideAnswer);
    const fifo = await registerDataset(h.a.member.secret, "fifo", `${teamA}/csv/fifo.csv`, "CSV_MANIFEST");
    expect(fifo).not.toBe("no answer");
    expect(learned(fifo, `${teamA}/csv/fifo.csv`)).toMatchObject({ data: null, errors: [{ message: expect.stringMatching(/not a regular file/), extensions: { code: "BAD_USER_INPUT", fields: [{ path: "input.rootUri" }] } }] });
    expect(await h.db.prisma.dataset.count()).toBe(0);
  });

  test("a symlink out of the root, dangling or into another team's folder is refused like an outside path", async () => {
    const outsideAnswer = learned(await registerDataset(h.a.member.secret, "ref", "/nonexistent"), "/nonexistent");
    for (const uri of [`${teamA}/link-out`, `${teamA}/link-dangling`, `${teamA}/link-to-b`, path.join(root, teamA, "link-out")]) {
      expect(learned(await registerDataset(h.a.member.secret, "link", uri), uri)).toEqual(outsideAnswer);
    }
    expect(await h.db.prisma.dataset.count()).toBe(0);
  });

  test("another team's folder is refused like an outside path (existing or not); its own team and the shared area work", async () => {
    const outsideAnswer = learned(await registerDataset(h.a.member.secret, "ref", "/nonexistent"), "/nonexistent");
    for (const uri of [`${teamB}/private`, `${teamB}/nothing-here`, path.join(root, teamB, "private"), "teams", "."]) {
      expect(learned(await registerDataset(h.a.member.secret, "theirs", uri), uri)).toEqual(outsideAnswer);
    }
    const theirs = await registerDataset(h.b.member.secret, "private", `${teamB}/private`);
    expect(theirs !== "no answer" && theirs.body.data).toMatchObject({ registerDataset: { name: "private", rootUri: `${teamB}/private` } });
    const mine = await registerDataset(h.a.member.secret, "mine", `${teamA}/mine`);
    expect(mine !== "no answer" && mine.body.data).toMatchObject({ registerDataset: { name: "mine" } });
    const shared = await registerDataset(h.a.member.secret, "pets", path.join(root, "shared/pets"));
    expect(shared !== "no answer" && shared.body.data).toMatchObject({ registerDataset: { name: "pets" } });
    // Inside the team's storage a missing folder is named as such.
    const missing = await registerDataset(h.a.member.secret, "typo", `${teamA}/mnie`);
    expect(learned(missing, `${teamA}/mnie`)).toMatchObject({ errors: [{ message: "input.rootUri: <uri> does not exist", extensions: { code: "BAD_USER_INPUT" } }] });
  });
});

describe("registerFoundationModel", () => {
  const register = (name: string, weightsUri: string) => postWithin(h.a.member.secret, REG_MODEL, { i: { name, ...DINOV2, weightsUri } });

  test("weights outside the roots, /dev/zero or another team's: one answer; inside: registered as sent", async () => {
    const uris = [path.join(outside, "secret.safetensors"), path.join(outside, "missing.safetensors"), "/dev/zero", "../outside/secret.safetensors", `${teamB}/private`, `${teamA}/link-out`];
    const answers = [];
    for (const [i, uri] of uris.entries()) answers.push(learned(await register(`w-${i}`, uri), uri));
    for (const a of answers) expect(a).toEqual(answers[0]);
    expect(answers[0]).toMatchObject({ data: null, errors: [{ extensions: { code: "BAD_USER_INPUT", fields: [{ path: "input.weightsUri" }] } }] });
    expect(await h.db.prisma.foundationModel.count()).toBe(0);
    const ok = await register("dinov2", "shared/models/dinov2");
    expect(ok !== "no answer" && ok.body.data).toMatchObject({ registerFoundationModel: { weightsUri: "shared/models/dinov2" } });
  });
});

describe("PUT /uploads/<name>", () => {
  const put = async (name: string, token: string | null, body: Buffer | ReadableStream<Uint8Array>) => {
    const res = await fetch(h.url.replace(/\/graphql$/, `/uploads/${name}`), {
      method: "PUT",
      headers: { "content-type": "application/octet-stream", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body,
      ...(body instanceof Buffer ? {} : { duplex: "half" }),
    } as RequestInit);
    const text = await res.text();
    type Answer = { uri?: string; bytes?: number; sha256?: string; errors?: { extensions: { code: string } }[] };
    // Express answers unknown routes (a name normalised away: `..`) with HTML.
    return { status: res.status, body: (text.startsWith("{") ? JSON.parse(text) : { text }) as Answer };
  };
  const uploads = (slug: string) => path.join(root, "teams", slug, "uploads");
  const leftovers = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir) : []);
  const weights = () => fs.readFileSync(path.join(ROOT, "apps/worker/fixtures/reference/dinov2/model.safetensors"));

  test("a member's file lands in its team folder, usable at once; never replaced", async () => {
    const bytes = weights();
    const r = await put("dinov2.safetensors", h.a.member.secret, bytes);
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ uri: `${teamA}/uploads/dinov2.safetensors`, bytes: bytes.length });
    expect(fs.readFileSync(path.join(uploads("a-roots"), "dinov2.safetensors")).equals(bytes)).toBe(true);
    const reg = await post<{ registerFoundationModel: { weightsUri: string } }>(h.url, h.a.member.secret, REG_MODEL, { i: { name: "uploaded", ...DINOV2, weightsUri: r.body.uri } });
    expect(reg.body.data?.registerFoundationModel.weightsUri).toBe(`${teamA}/uploads/dinov2.safetensors`);
    // Another team cannot use it.
    const theirs = await post(h.url, h.b.member.secret, REG_MODEL, { i: { name: "stolen", ...DINOV2, weightsUri: r.body.uri } });
    expect(theirs.body.errors?.[0]?.message).toMatch(/not inside this platform's storage/);
    const again = await put("dinov2.safetensors", h.a.member.secret, Buffer.from("other"));
    expect(again.status).toBe(409);
    expect(fs.readFileSync(path.join(uploads("a-roots"), "dinov2.safetensors")).equals(bytes)).toBe(true);
    expect(leftovers(uploads("a-roots"))).toEqual(["dinov2.safetensors"]);
  });

  test("tokens, names and the size limit are checked; a refused upload leaves nothing behind", async () => {
    expect((await put("x.bin", null, Buffer.from("x"))).status).toBe(401);
    expect((await put("x.bin", h.a.worker.secret, Buffer.from("x"))).status).toBe(403);
    for (const name of [".hidden", "..", "a%2Fb", "%2E%2E%2Fescape"]) expect([400, 404]).toContain((await put(name, h.a.member.secret, Buffer.from("x"))).status);
    expect(fs.existsSync(path.join(root, "escape"))).toBe(false);
    expect((await put("big.bin", h.a.member.secret, Buffer.alloc(UPLOAD_MAX + 1))).status).toBe(413);
    // Without a Content-Length (chunked): cut off while streaming.
    const chunks = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < 3; i++) c.enqueue(new Uint8Array(UPLOAD_MAX / 2));
        c.close();
      },
    });
    expect((await put("chunked.bin", h.a.member.secret, chunks)).status).toBe(413);
    expect(leftovers(uploads("a-roots")).filter((f) => f !== "dinov2.safetensors")).toEqual([]);
  });

  test("an upload folder that is a symlink out of the root is refused and nothing is written there", async () => {
    const evil = path.join(outside, "evil");
    fs.mkdirSync(evil, { recursive: true });
    fs.symlinkSync(evil, uploads("b-roots"));
    const r = await put("w.safetensors", h.b.member.secret, Buffer.from("weights"));
    expect(r.status).toBe(403);
    expect(JSON.stringify(r.body)).not.toMatch(/loffta-sec-roots|evil/);
    expect(fs.readdirSync(evil)).toEqual([]);
  });
});

describe("the worker opens files only through the roots", () => {
  let pets: string;
  let dinov2: string;

  async function cacheOutcome(datasetId: string, modelId: string, resolution = 28): Promise<{ status: string; error: string | null }> {
    const r = await post<{ requestFeatureCache: { id: string } }>(h.url, h.a.member.secret, REQ_CACHE, { i: { datasetId, modelId, resolution } });
    const id = r.body.data?.requestFeatureCache.id;
    if (!id) throw new Error(`requestFeatureCache failed: ${JSON.stringify(r.body.errors)}`);
    const deadline = Date.now() + 90_000;
    for (;;) {
      const c = (await post<{ featureCache: { status: string; error: string | null } }>(h.url, h.a.member.secret, CACHE, { id })).body.data?.featureCache;
      if (c && (c.status === "READY" || c.status === "FAILED")) return c;
      if (worker && worker.child.exitCode !== null) throw new Error(`the worker exited:\n${worker.output().slice(-3000)}`);
      if (Date.now() > deadline) throw new Error(`cache ${id} still ${c?.status}:\n${worker?.output().slice(-3000)}`);
      await new Promise((res) => setTimeout(res, 250));
    }
  }

  async function model(name: string, weightsUri: string, extra: Record<string, unknown> = {}): Promise<string> {
    const r = await post<{ registerFoundationModel: { id: string } }>(h.url, h.a.member.secret, REG_MODEL, { i: { name, ...DINOV2, weightsUri, ...extra } });
    const id = r.body.data?.registerFoundationModel.id;
    if (!id) throw new Error(`registerFoundationModel failed: ${JSON.stringify(r.body.errors)}`);
    return id;
  }

  async function dataset(name: string, rootUri: string): Promise<string> {
    const r = await post<{ registerDataset: { id: string } }>(h.url, h.a.member.secret, REG_DATASET, { i: { name, rootUri, layout: "IMAGE_FOLDER" } });
    const id = r.body.data?.registerDataset.id;
    if (!id) throw new Error(`registerDataset failed: ${JSON.stringify(r.body.errors)}`);
    return id;
  }

  beforeAll(async () => {
    worker = startWorkerProcess({
      api: h.url.replace(/\/graphql$/, ""),
      token: h.a.worker.secret,
      name: "roots-worker",
      home: path.join(tmp, "home"),
      env: { LOFFTA_STORAGE_ROOTS: root, LOFFTA_CALIBRATION: "off" },
    });
    pets = (await h.db.prisma.dataset.findFirstOrThrow({ where: { name: "pets" } })).id;
    dinov2 = (await h.db.prisma.foundationModel.findFirstOrThrow({ where: { name: "dinov2" } })).id;
  });

  test("the same roots: a shared dataset (absolute URI) and model (relative URI) are extracted", async () => {
    expect(await cacheOutcome(pets, dinov2)).toMatchObject({ status: "READY", error: null });
  }, 120_000);

  test("a TF.js weight path climbing out of the model folder with ../ is refused", async () => {
    fs.mkdirSync(path.join(root, teamA, "tfjs"), { recursive: true });
    fs.writeFileSync(path.join(outside, "group1-shard1of1.bin"), Buffer.alloc(4 * 32, 0));
    const manifest = { format: "layers-model", modelTopology: { class_name: "Sequential", config: { name: "s", layers: [] } }, weightsManifest: [{ paths: ["../../../../outside/group1-shard1of1.bin"], weights: [{ name: "w", shape: [32], dtype: "float32" }] }] };
    fs.writeFileSync(path.join(root, teamA, "tfjs/model.json"), JSON.stringify(manifest));
    const tfjs = await model("tfjs-escape", `${teamA}/tfjs/model.json`, { family: "OTHER", patchSize: 4 });
    const c = await cacheOutcome(pets, tfjs);
    expect(c.status).toBe("FAILED");
    expect(c.error).toMatch(/lies outside the model folder/);
    expect(c.error).not.toMatch(/loffta-sec-roots/);
  }, 120_000);

  test("FeatureCache.error carries neither a file's bytes nor its size nor a server path", async () => {
    // A "safetensors" file whose first 8 bytes spell a secret (read as the header length).
    const file = path.join(root, teamA, "bad/model.safetensors");
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const bytes = Buffer.concat([Buffer.from("SECRET!!"), Buffer.alloc(1226, 1)]);
    fs.writeFileSync(file, bytes);
    const bad = await model("bad-header", `${teamA}/bad/model.safetensors`);
    const c = await cacheOutcome(pets, bad);
    expect(c.status).toBe("FAILED");
    expect(c.error).toMatch(/not a safetensors file/);
    const headerLength = bytes.readBigUInt64LE(0).toString();
    for (const leak of ["SECRET", headerLength, String(bytes.length), tmp, "loffta-sec-roots"]) expect(c.error).not.toContain(leak);
  }, 120_000);

  test("a dataset folder swapped for a symlink out of the root after registration is refused by the worker", async () => {
    const swap = await dataset("swap", `${teamA}/swap`);
    fs.renameSync(path.join(root, teamA, "swap"), path.join(root, teamA, "swap-old"));
    fs.symlinkSync(path.join(outside, "secret"), path.join(root, teamA, "swap"));
    const c = await cacheOutcome(swap, dinov2);
    expect(c.status).toBe("FAILED");
    expect(c.error).toMatch(/not inside this platform's storage/);
    for (const leak of ["secret", "outside", tmp]) expect(c.error).not.toContain(leak);
  }, 120_000);
});
