/**
 * An S3-compatible server for tests: s3rver (an S3 API over a folder, installed from npm), on a
 * free loopback port, with one bucket. `env` is what a service needs to use it as its store
 * (the standard AWS variables for the credentials, as in production).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

// s3rver ships no type declarations: the little of it used here.
interface S3rverInstance {
  run(): Promise<{ address: string; port: number }>;
  close(): Promise<void>;
}
type S3rverCtor = new (o: { port: number; address: string; directory: string; silent: boolean; configureBuckets?: { name: string }[] }) => S3rverInstance;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const S3rver = require("s3rver") as S3rverCtor;

export interface TestS3 {
  endpoint: string;
  bucket: string;
  /** The folder s3rver keeps objects in (tests inspect or damage objects through it). */
  dir: string;
  /** LOFFTA_STORE & co. for a service whose store is this bucket under `prefix`. */
  env(prefix?: string): Record<string, string>;
  close(): Promise<void>;
}

/** s3rver's fixed credentials (it accepts any signature made with them). */
export const S3RVER_CREDENTIALS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };

export async function startS3(bucket = "loffta-test"): Promise<TestS3> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "loffta-s3-"));
  const server = new S3rver({ port: 0, address: "127.0.0.1", directory: dir, silent: true, configureBuckets: [{ name: bucket }] });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    bucket,
    dir,
    env: (prefix = "") => ({
      LOFFTA_STORE: `s3://${bucket}${prefix ? `/${prefix}` : ""}`,
      LOFFTA_S3_ENDPOINT: endpoint,
      LOFFTA_S3_FORCE_PATH_STYLE: "1",
      AWS_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey,
      AWS_REGION: "us-east-1",
    }),
    close: async () => {
      await server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
