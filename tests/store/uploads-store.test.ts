/**
 * Uploads and `store:` URIs on an API server whose object store is S3 (s3rver, real HTTP, the
 * real AWS SDK): `PUT /uploads/<name>` lands in the team's part of the bucket, is never
 * replaced, and is usable at once; a `store:` URI is checked for its team like a path under a
 * storage root (another team's keys and the platform's own caches are refused alike).
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { S3Store } from "@loffta/graphql/object-store";
import { ROOT } from "../e2e/harness";
import { post, startSecurityHarness, type SecurityHarness } from "../security/harness";
import { S3RVER_CREDENTIALS, startS3, type TestS3 } from "../support/s3";

const REG_MODEL = `mutation($i: RegisterFoundationModelInput!) { registerFoundationModel(input: $i) { id weightsUri } }`;
const REG_DATASET = `mutation($i: RegisterDatasetInput!) { registerDataset(input: $i) { id } }`;
const DINOV2 = { family: "DINOV2", patchSize: 7, embedDim: 32, depth: 2, heads: 2, defaultImageSize: 28 };
const UPLOAD_MAX = 1024 * 1024;

let s3: TestS3;
let store: S3Store;
let h: SecurityHarness;
const slug = { a: "a-upstore", b: "b-upstore" };
const uploadParts = () => fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith(".loffta-upload-"));

beforeAll(async () => {
  s3 = await startS3();
  store = new S3Store({ bucket: s3.bucket, prefix: "api", endpoint: s3.endpoint, forcePathStyle: true, client: { credentials: S3RVER_CREDENTIALS } });
  h = await startSecurityHarness("upstore", { store, maxUploadBytes: UPLOAD_MAX });
}, 60_000);
afterAll(async () => {
  await h?.close();
  await s3?.close();
});

const put = async (name: string, token: string, body: Buffer) => {
  const res = await fetch(h.url.replace(/\/graphql$/, `/uploads/${name}`), {
    method: "PUT",
    headers: { "content-type": "application/octet-stream", authorization: `Bearer ${token}` },
    body,
  });
  return { status: res.status, body: (await res.json()) as { uri?: string; bytes?: number; sha256?: string; errors?: { extensions: { code: string } }[] } };
};

test("an upload lands in the team's part of the bucket, is registered from there, and is never replaced", async () => {
  const bytes = fs.readFileSync(path.join(ROOT, "apps/worker/fixtures/reference/dinov2/model.safetensors"));
  const r = await put("dinov2.safetensors", h.a.member.secret, bytes);
  expect(r.status).toBe(201);
  const key = `teams/${slug.a}/uploads/dinov2.safetensors`;
  expect(r.body).toEqual({ uri: `store:${key}`, bytes: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex") });
  expect((await store.get(key))?.equals(bytes)).toBe(true);

  const reg = await post<{ registerFoundationModel: { weightsUri: string } }>(h.url, h.a.member.secret, REG_MODEL, { i: { name: "uploaded", ...DINOV2, weightsUri: r.body.uri } });
  expect(reg.body.errors).toBeUndefined();
  expect(reg.body.data?.registerFoundationModel.weightsUri).toBe(`store:${key}`);

  const again = await put("dinov2.safetensors", h.a.member.secret, Buffer.from("other"));
  expect(again.status).toBe(409);
  expect(again.body.errors?.[0]?.extensions.code).toBe("CONFLICT");
  expect((await store.get(key))?.equals(bytes)).toBe(true);
  expect(uploadParts()).toEqual([]);
});

test("a body over the limit is refused and leaves nothing in the bucket or on the server", async () => {
  const r = await put("big.bin", h.a.member.secret, Buffer.alloc(UPLOAD_MAX + 1));
  expect(r.status).toBe(413);
  expect(await store.head(`teams/${slug.a}/uploads/big.bin`)).toBeNull();
  expect(uploadParts()).toEqual([]);
});

test.each([
  ["another team's upload", `store:teams/${slug.a}/uploads/dinov2.safetensors`, /not in your part of the object store/],
  ["the platform's caches", "store:caches/some-cache", /not in your part of the object store/],
  ["the teams folder itself", "store:teams", /not in your part of the object store/],
  ["a key that climbs", "store:../../etc/passwd", /is not an object key/],
  ["a missing key", "store:datasets/none", /no such object or folder in the object store/],
])("%s is refused as a BAD_USER_INPUT on the field", async (_what, uri, message) => {
  for (const [query, input] of [
    [REG_MODEL, { name: `m-${Math.random()}`, ...DINOV2, weightsUri: uri }],
    [REG_DATASET, { name: `d-${Math.random()}`, rootUri: uri, layout: "IMAGE_FOLDER" }],
  ] as const) {
    const r = await post(h.url, h.b.member.secret, query, { i: input });
    expect(r.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(r.body.errors?.[0]?.message).toMatch(message);
  }
});

test("a server configured only by LOFFTA_STORE=<folder> (as npm start does) stores uploads in that folder", async () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "loffta-local-store-"));
  const saved = process.env.LOFFTA_STORE;
  process.env.LOFFTA_STORE = folder;
  let local: SecurityHarness | undefined;
  try {
    local = await startSecurityHarness("uplocal");
    const res = await fetch(local.url.replace(/\/graphql$/, "/uploads/notes.csv"), {
      method: "PUT",
      headers: { authorization: `Bearer ${local.a.member.secret}` },
      body: Buffer.from("path,label\n"),
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ uri: "store:teams/a-uplocal/uploads/notes.csv" });
    expect(fs.readFileSync(path.join(folder, "teams", "a-uplocal", "uploads", "notes.csv"), "utf8")).toBe("path,label\n");
  } finally {
    if (saved === undefined) delete process.env.LOFFTA_STORE;
    else process.env.LOFFTA_STORE = saved;
    await local?.close();
    fs.rmSync(folder, { recursive: true, force: true });
  }
});
