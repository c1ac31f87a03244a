/**
 * The object store on S3-compatible storage (AWS S3, MinIO, R2, Ceph) through @aws-sdk/client-s3.
 * Objects live under `s3://<bucket>/<prefix>/<key>`. Credentials come from the SDK's standard
 * chain (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, AWS_PROFILE, an instance role): Loffta never
 * reads or logs them. Large files are written as multipart uploads (@aws-sdk/lib-storage);
 * shards are read whole, into a file with their sha256 checked, or by byte range.
 *
 * The SDK's default request checksums (CRC32 on every PUT since 3.729) are sent only where the
 * operation requires them: several S3-compatible servers refuse the trailing-checksum encoding,
 * and Loffta checks each shard's sha256 from the cache manifest itself.
 */
import { createReadStream, promises as fsp } from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { checkExpected, streamToFile } from "./local";
import { checkKey, StoreError, type ObjectStore, type StoredObject } from "./store";

export interface S3StoreOptions {
  bucket: string;
  /** Key prefix inside the bucket (no leading or trailing `/`; empty: the bucket's top). */
  prefix: string;
  /** An S3-compatible server's URL (MinIO: http://host:9000); unset: AWS. */
  endpoint?: string;
  /** Path-style URLs (`endpoint/bucket/key`): MinIO, s3rver and most self-hosted servers need it. */
  forcePathStyle?: boolean;
  /** Default: AWS_REGION, else us-east-1 (S3-compatible servers ignore it). */
  region?: string;
  /** Extra client settings (tests: credentials of a local server). */
  client?: Partial<S3ClientConfig>;
}

/** Multipart part size: S3's minimum is 5 MiB; 8 MiB parts keep a 256-image shard in a few parts. */
const PART_BYTES = 8 * 1024 * 1024;

const isNotFound = (e: unknown): boolean => {
  const x = e as { name?: string; $metadata?: { httpStatusCode?: number } };
  return x.name === "NoSuchKey" || x.name === "NotFound" || x.$metadata?.httpStatusCode === 404;
};

export class S3Store implements ObjectStore {
  readonly describe: string;
  private readonly client: S3Client;
  private readonly bucket: string;
  private readonly prefix: string;

  constructor(o: S3StoreOptions) {
    // The SDK warns once per process that its 2027 releases need Node 22; this repository
    // supports Node 20 (package.json engines) and pins the SDK, so the warning is noise in the
    // services' logs. An operator's own value wins.
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
    this.bucket = o.bucket;
    this.prefix = o.prefix.replace(/^\/+|\/+$/g, "");
    if (this.prefix) checkKey(this.prefix);
    this.describe = `s3://${o.bucket}${this.prefix ? `/${this.prefix}` : ""}${o.endpoint ? ` at ${new URL(o.endpoint).origin}` : ""}`;
    this.client = new S3Client({
      region: o.region ?? process.env.AWS_REGION ?? "us-east-1",
      ...(o.endpoint ? { endpoint: o.endpoint } : {}),
      forcePathStyle: o.forcePathStyle ?? false,
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
      ...o.client,
    });
  }

  private keyOf(key: string): string {
    checkKey(key);
    return this.prefix ? `${this.prefix}/${key}` : key;
  }

  /** An SDK failure as a StoreError naming the object (never the credentials). */
  private fail(key: string, e: unknown): StoreError {
    if (e instanceof StoreError) return e;
    if (isNotFound(e)) return new StoreError("missing", `no object ${key} in the store`);
    const x = e as { name?: string; message?: string };
    return new StoreError("unavailable", `${this.describe}: ${key}: ${x.name ?? "error"}: ${x.message ?? String(e)}`);
  }

  async put(key: string, body: Buffer | string): Promise<void> {
    try {
      await this.client.send(new PutObjectCommand({ Bucket: this.bucket, Key: this.keyOf(key), Body: body }));
    } catch (e) {
      throw this.fail(key, e);
    }
  }

  async putFile(key: string, file: string, o: { ifAbsent?: boolean } = {}): Promise<boolean> {
    try {
      if (o.ifAbsent && (await this.head(key))) return false;
      const cond = o.ifAbsent ? { IfNoneMatch: "*" } : {};
      const { size } = await fsp.stat(file);
      if (size <= PART_BYTES) {
        await this.client.send(new PutObjectCommand({ Bucket: this.bucket, Key: this.keyOf(key), Body: await fsp.readFile(file), ...cond }));
        return true;
      }
      await new Upload({
        client: this.client,
        params: { Bucket: this.bucket, Key: this.keyOf(key), Body: createReadStream(file), ...cond },
        partSize: PART_BYTES,
        queueSize: 4,
        leavePartsOnError: false,
      }).done();
      return true;
    } catch (e) {
      // The condition failed: another writer's object is there now.
      if ((e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 412) return false;
      throw this.fail(key, e);
    }
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      const r = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: this.keyOf(key) }));
      return Buffer.from(await r.Body!.transformToByteArray());
    } catch (e) {
      if (isNotFound(e)) return null;
      throw this.fail(key, e);
    }
  }

  async getRange(key: string, start: number, end: number): Promise<Buffer> {
    if (end <= start) return Buffer.alloc(0);
    try {
      const r = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: this.keyOf(key), Range: `bytes=${start}-${end - 1}` }));
      return Buffer.from(await r.Body!.transformToByteArray());
    } catch (e) {
      throw this.fail(key, e);
    }
  }

  async download(key: string, file: string, expect: { sha256?: string; bytes?: number } = {}): Promise<{ bytes: number; sha256: string }> {
    await fsp.mkdir(path.dirname(file), { recursive: true });
    const tmp = `${file}.${randomBytes(6).toString("hex")}.part`;
    try {
      const r = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: this.keyOf(key) }));
      const got = await streamToFile(r.Body as AsyncIterable<Uint8Array>, tmp);
      checkExpected(key, got, expect);
      await fsp.rename(tmp, file);
      return got;
    } catch (e) {
      throw this.fail(key, e);
    } finally {
      await fsp.rm(tmp, { force: true });
    }
  }

  async head(key: string): Promise<{ bytes: number } | null> {
    try {
      const r = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: this.keyOf(key) }));
      return { bytes: r.ContentLength ?? 0 };
    } catch (e) {
      if (isNotFound(e)) return null;
      throw this.fail(key, e);
    }
  }

  async list(prefix: string): Promise<StoredObject[]> {
    checkKey(prefix, { prefix: true });
    const full = this.prefix ? `${this.prefix}/${prefix}` : prefix;
    const strip = this.prefix ? this.prefix.length + 1 : 0;
    const out: StoredObject[] = [];
    let token: string | undefined;
    try {
      do {
        const r = await this.client.send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: full, ContinuationToken: token }));
        for (const o of r.Contents ?? []) if (o.Key) out.push({ key: o.Key.slice(strip), bytes: o.Size ?? 0 });
        token = r.IsTruncated ? r.NextContinuationToken : undefined;
      } while (token);
    } catch (e) {
      throw this.fail(prefix, e);
    }
    return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  async delete(key: string): Promise<void> {
    try {
      await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.keyOf(key) }));
    } catch (e) {
      if (!isNotFound(e)) throw this.fail(key, e);
    }
  }
}
