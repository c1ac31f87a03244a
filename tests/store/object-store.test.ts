/**
 * The object store's contract, the same checks on both implementations: a local folder and S3
 * (s3rver, a real S3 API over HTTP, through the real @aws-sdk/client-s3).
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { LocalStore, S3Store, StoreError, checkKey, storeFromEnv, storeKeyOf, type ObjectStore } from "@loffta/graphql/object-store";
import { S3RVER_CREDENTIALS, startS3, type TestS3 } from "../support/s3";

const sha = (b: Buffer): string => createHash("sha256").update(b).digest("hex");
/** Bytes that differ at every offset (a misplaced range shows). */
const pattern = (n: number): Buffer => {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = (i * 31 + (i >> 8)) & 0xff;
  return b;
};

let s3: TestS3;
let tmp: string;
beforeAll(async () => {
  s3 = await startS3();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "loffta-store-"));
});
afterAll(async () => {
  await s3?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const implementations: [string, () => ObjectStore][] = [
  ["local folder", () => new LocalStore(fs.mkdtempSync(path.join(tmp, "local-")))],
  [
    "S3 (s3rver)",
    () => new S3Store({ bucket: s3.bucket, prefix: `p${Math.random().toString(36).slice(2, 8)}/x`, endpoint: s3.endpoint, forcePathStyle: true, client: { credentials: S3RVER_CREDENTIALS } }),
  ],
];

describe.each(implementations)("%s", (_name, make) => {
  let store: ObjectStore;
  beforeAll(() => {
    store = make();
  });

  test("put / get / head / delete; a missing object is null, not an error", async () => {
    await store.put("a/b.txt", "hello");
    expect((await store.get("a/b.txt"))?.toString()).toBe("hello");
    expect(await store.head("a/b.txt")).toEqual({ bytes: 5 });
    await store.put("a/b.txt", "replaced");
    expect((await store.get("a/b.txt"))?.toString()).toBe("replaced");
    expect(await store.get("a/none")).toBeNull();
    expect(await store.head("a/none")).toBeNull();
    await store.delete("a/b.txt");
    expect(await store.get("a/b.txt")).toBeNull();
    await store.delete("a/b.txt"); // twice: no error
  });

  test("a 21 MiB file goes up in parts and comes back byte for byte, by range and whole with its sha256", async () => {
    const body = pattern(21 * 1024 * 1024 + 17);
    const src = path.join(tmp, `big-${Math.random()}`);
    fs.writeFileSync(src, body);
    await store.putFile("c/big.bin", src);
    expect(await store.head("c/big.bin")).toEqual({ bytes: body.length });
    const r = await store.getRange("c/big.bin", 8 * 1024 * 1024 - 3, 8 * 1024 * 1024 + 5);
    expect(r.equals(body.subarray(8 * 1024 * 1024 - 3, 8 * 1024 * 1024 + 5))).toBe(true);
    const out = path.join(tmp, `down-${Math.random()}`, "big.bin");
    const got = await store.download("c/big.bin", out, { sha256: sha(body), bytes: body.length });
    expect(got).toEqual({ bytes: body.length, sha256: sha(body) });
    expect(sha(fs.readFileSync(out))).toBe(sha(body));
  });

  test("a download whose sha256 does not match leaves no file and says which object", async () => {
    await store.put("d/x.bin", pattern(1000));
    const out = path.join(tmp, `bad-${Math.random()}.bin`);
    const err = await store.download("d/x.bin", out, { sha256: "0".repeat(64) }).catch((e) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect(err).toMatchObject({ reason: "checksum" });
    expect(err.message).toContain("d/x.bin");
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.readdirSync(path.dirname(out)).filter((f) => f.includes(path.basename(out)))).toEqual([]);
    const missing = await store.download("d/none", out).catch((e) => e);
    expect(missing).toMatchObject({ reason: "missing" });
  });

  test("list: every object under a prefix, in key order, with sizes", async () => {
    for (const k of ["l/2/b", "l/1/a", "l/1/c", "l2/z", "l/3"]) await store.put(k, k);
    expect(await store.list("l/")).toEqual([
      { key: "l/1/a", bytes: 5 },
      { key: "l/1/c", bytes: 5 },
      { key: "l/2/b", bytes: 5 },
      { key: "l/3", bytes: 3 },
    ]);
    expect((await store.list("l/1/")).map((o) => o.key)).toEqual(["l/1/a", "l/1/c"]);
    expect(await store.list("nothing/")).toEqual([]);
  });

  test.each(["../x", "a/../../x", "/abs", "a//b", "a/./b", "a b", "a\0b", ""])("key %j is refused before any request", async (key) => {
    await expect(store.put(key, "x")).rejects.toMatchObject({ reason: "key" });
    await expect(store.get(key)).rejects.toMatchObject({ reason: "key" });
  });
});

test("a local store follows no symlink out of its folder", async () => {
  const root = fs.mkdtempSync(path.join(tmp, "sym-"));
  const outside = fs.mkdtempSync(path.join(tmp, "outside-"));
  fs.writeFileSync(path.join(outside, "secret"), "s");
  fs.symlinkSync(outside, path.join(root, "link"));
  const store = new LocalStore(root);
  await expect(store.get("link/secret")).rejects.toMatchObject({ reason: "key" });
  await expect(store.put("link/new", "x")).rejects.toMatchObject({ reason: "key" });
  expect(fs.existsSync(path.join(outside, "new"))).toBe(false);
  fs.symlinkSync(path.join(outside, "secret"), path.join(root, "file-link"));
  await expect(store.get("file-link")).rejects.toThrow();
});

test("an S3 server that does not answer is a StoreError 'unavailable' naming the store, not the credentials", async () => {
  const store = new S3Store({ bucket: "b-x-y", prefix: "", endpoint: "http://127.0.0.1:9", forcePathStyle: true, client: { credentials: { accessKeyId: "AKIDSECRETID", secretAccessKey: "very-secret-key" }, maxAttempts: 1 } });
  const err = await store.get("k").catch((e) => e);
  expect(err).toMatchObject({ reason: "unavailable" });
  expect(err.message).toContain("s3://b-x-y");
  expect(err.message).not.toContain("very-secret-key");
});

test("LOFFTA_STORE: a folder, a file:// URI or s3://bucket/prefix; anything else is refused naming the variable", () => {
  expect(storeFromEnv({})).toBeNull();
  expect(storeFromEnv({ LOFFTA_STORE: "/srv/store" })).toBeInstanceOf(LocalStore);
  expect((storeFromEnv({ LOFFTA_STORE: "file:///srv/store" }) as LocalStore).root).toBe("/srv/store");
  const s = storeFromEnv({ LOFFTA_STORE: "s3://team-bucket/loffta/prod", LOFFTA_S3_ENDPOINT: "http://minio:9000", LOFFTA_S3_FORCE_PATH_STYLE: "1" });
  expect(s?.describe).toBe("s3://team-bucket/loffta/prod at http://minio:9000");
  expect(() => storeFromEnv({ LOFFTA_STORE: "relative/folder" })).toThrow(/LOFFTA_STORE/);
  expect(() => storeFromEnv({ LOFFTA_STORE: "s3://Bad_Bucket" })).toThrow(/LOFFTA_STORE/);
  expect(() => storeFromEnv({ LOFFTA_STORE: "s3://bucket", LOFFTA_S3_ENDPOINT: "minio:9000" })).toThrow(/LOFFTA_S3_ENDPOINT/);
  expect(storeKeyOf("store:datasets/x/")).toBe("datasets/x");
  expect(storeKeyOf("/abs/path")).toBeNull();
  expect(() => storeKeyOf("store:../etc")).toThrow(StoreError);
  expect(checkKey("a/b", { prefix: true })).toBe("a/b");
});
