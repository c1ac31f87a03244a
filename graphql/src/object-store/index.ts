/**
 * The platform's object store, configured once for every service from the same variables
 * (STORE_ENV): the API (uploads, checks of `store:` URIs), the worker (caches, checkpoints,
 * datasets and weights). docs/deploy.md, "Object store".
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { LocalStore } from "./local";
import { S3Store } from "./s3";
import type { ObjectStore } from "./store";

export * from "./store";
export { LocalStore } from "./local";
export { S3Store, type S3StoreOptions } from "./s3";

/** The variables that configure the store, each with its meaning (docs and the deploy-files test read this). */
export const STORE_ENV = {
  LOFFTA_STORE: "Where the platform keeps caches, checkpoints and `store:` files: an absolute folder (or `file://` URI), or `s3://<bucket>[/<prefix>]`. Unset: no store (a worker keeps caches in its home; one machine only).",
  LOFFTA_S3_ENDPOINT: "URL of an S3-compatible server (MinIO: `http://minio:9000`); unset: AWS S3.",
  LOFFTA_S3_FORCE_PATH_STYLE: "`1`: path-style requests (`endpoint/bucket/key`), as MinIO and most self-hosted servers need.",
} as const;

/** The store a `LOFFTA_STORE` value names; Error naming the variable when it is not one. */
export function storeFromEnv(env: NodeJS.ProcessEnv = process.env): ObjectStore | null {
  const raw = env.LOFFTA_STORE?.trim();
  if (!raw) return null;
  const s3 = /^s3:\/\/([^/]+)\/?(.*)$/.exec(raw);
  if (s3) {
    const [, bucket, prefix] = s3;
    if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) throw new Error(`LOFFTA_STORE: ${JSON.stringify(bucket)} is not an S3 bucket name`);
    const endpoint = env.LOFFTA_S3_ENDPOINT?.trim() || undefined;
    if (endpoint && !/^https?:\/\//.test(endpoint)) throw new Error("LOFFTA_S3_ENDPOINT: must be an http(s) URL");
    return new S3Store({ bucket, prefix, endpoint, forcePathStyle: env.LOFFTA_S3_FORCE_PATH_STYLE?.trim() === "1" });
  }
  const folder = raw.startsWith("file:") ? fileURLToPath(raw) : raw;
  if (!path.isAbsolute(folder)) throw new Error(`LOFFTA_STORE: ${JSON.stringify(raw)} is neither an absolute folder nor an s3:// URI`);
  return new LocalStore(path.resolve(folder));
}
export { StoreMirror, type MirrorOptions } from "./mirror";
