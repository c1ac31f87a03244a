/**
 * `PUT /uploads/<name>`: one file (a weights file, a CSV manifest, an image) into the caller's
 * team folder under the first storage root, `<root>/teams/<team slug>/uploads/<name>`
 * (docs/security.md, Storage roots). Bearer token with the MEMBER scope; the body is the file's
 * bytes, at most LOFFTA_MAX_UPLOAD_BYTES. Answers `201 { uri, bytes, sha256 }`: `uri` is relative
 * to the first root (`teams/<slug>/uploads/<name>`), ready for registerFoundationModel /
 * registerDataset. An existing file is never replaced (409); a refused or cut-off upload leaves
 * nothing behind. Folders on the way must be real folders (no symlinks), created if missing.
 * Errors are GraphQL-shaped JSON: `{ errors: [{ message, extensions: { code } }] }`.
 *
 * With an object store (LOFFTA_STORE) the file goes there instead, as object
 * `teams/<slug>/uploads/<name>`, and `uri` is `store:teams/<slug>/uploads/<name>` (readable by
 * every worker, wherever it runs). The body is received into a temporary file first (its size
 * and sha256 known before anything is stored); an existing object is never replaced (409).
 */
import { createHash, randomBytes } from "node:crypto";
import { constants, promises as fsp } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Request, Response } from "express";
import { storeUri, type ObjectStore } from "@loffta/graphql/object-store";
import { TEAMS_FOLDER, type StorageRoots } from "@loffta/graphql/storage-roots";
import type { PrismaClient } from "@loffta/db";
import type { Pool } from "pg";
import { checkBearer, refusalHeaders } from "./http-auth";
import type { RateLimiter } from "./limits";

/** The folder of a team's uploads under a root. */
export const UPLOADS_FOLDER = "uploads";
/** A file name: no folders, no leading dot. */
const NAME_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;
const SLUG_RE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;

export interface UploadOptions {
  prisma: PrismaClient;
  pool: Pool;
  storageRoots: StorageRoots;
  /** The platform's object store: uploads go there when there is one. */
  store?: ObjectStore | null;
  maxBytes: number;
  limiter: RateLimiter;
  log: (msg: string) => void;
}

class UploadError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** `dir` under `root`, each folder on the way a real folder (created when missing, never a symlink). */
async function realFolder(root: string, parts: string[]): Promise<string> {
  let dir = await fsp.realpath(root).catch(() => {
    throw new UploadError(503, "STORAGE_UNAVAILABLE", "the storage root is not available");
  });
  for (const part of parts) {
    dir = path.join(dir, part);
    const st = await fsp.lstat(dir).catch(() => null);
    if (!st) {
      await fsp.mkdir(dir).catch((e: NodeJS.ErrnoException) => {
        if (e.code !== "EEXIST") throw e;
      });
      const again = await fsp.lstat(dir);
      if (!again.isDirectory()) throw new UploadError(403, "FORBIDDEN", "the team's upload folder is not a folder of the storage root");
    } else if (!st.isDirectory()) throw new UploadError(403, "FORBIDDEN", "the team's upload folder is not a folder of the storage root");
  }
  return dir;
}

/** Stream the request body into `file` (created exclusively); its size and sha256. */
async function receive(req: Request, file: string, maxBytes: number): Promise<{ bytes: number; sha256: string }> {
  const fh = await fsp.open(file, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o640);
  const hash = createHash("sha256");
  let bytes = 0;
  try {
    for await (const chunk of req as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      if (bytes > maxBytes) throw new UploadError(413, "PAYLOAD_TOO_LARGE", `the upload exceeds ${maxBytes} bytes`);
      hash.update(chunk);
      await fh.write(chunk);
    }
    await fh.sync();
  } finally {
    await fh.close();
  }
  return { bytes, sha256: hash.digest("hex") };
}

/** The express handler of `PUT /uploads/:name`. */
export function uploadHandler(o: UploadOptions) {
  return async (req: Request, res: Response): Promise<void> => {
    const fail = (e: UploadError) => {
      if (e.status === 413) res.setHeader("Connection", "close"); // do not read the rest
      else if (!req.readableEnded) req.resume(); // drain what the client still sends
      res.status(e.status).json({ errors: [{ message: e.message, extensions: { code: e.code } }] });
    };
    let part: string | undefined;
    // The partial file goes before the answer: a client that got its answer finds nothing left.
    const dropPart = async () => {
      if (part) await fsp.rm(part, { force: true });
      part = undefined;
    };
    try {
      const auth = await checkBearer(o, o.limiter, req.headers.authorization, "MEMBER", "an upload");
      if (auth.refusal) {
        refusalHeaders(res, auth.refusal);
        throw new UploadError(auth.refusal.status, auth.refusal.code, auth.refusal.message);
      }
      const name = String(req.params.name ?? "");
      if (!NAME_RE.test(name)) throw new UploadError(400, "BAD_USER_INPUT", "the file name must be 1–200 letters, digits, `.`, `_` or `-`, not starting with `.` (no folders)");
      const declared = Number(req.headers["content-length"] ?? NaN);
      if (declared > o.maxBytes) throw new UploadError(413, "PAYLOAD_TOO_LARGE", `the upload exceeds ${o.maxBytes} bytes`);
      if (!o.store && !o.storageRoots.configured) throw new UploadError(403, "FORBIDDEN", "this server has no storage roots configured, so nothing can be uploaded");
      const team = await o.prisma.team.findUnique({ where: { id: auth.viewer.teamId }, select: { slug: true } });
      if (!team || !SLUG_RE.test(team.slug)) throw new UploadError(403, "FORBIDDEN", "this team has no storage folder");
      if (o.store) {
        const key = [TEAMS_FOLDER, team.slug, UPLOADS_FOLDER, name].join("/");
        const conflict = () => new UploadError(409, "CONFLICT", `${name} already exists in your uploads (upload it under another name)`);
        if (await o.store.head(key)) throw conflict();
        part = path.join(os.tmpdir(), `.loffta-upload-${randomBytes(8).toString("hex")}.part`);
        const got = await receive(req, part, o.maxBytes);
        if (!(await o.store.putFile(key, part, { ifAbsent: true }))) throw conflict();
        await dropPart();
        res.status(201).json({ uri: storeUri(key), ...got });
        return;
      }
      const dir = await realFolder(o.storageRoots.roots[0], [TEAMS_FOLDER, team.slug, UPLOADS_FOLDER]);
      const target = path.join(dir, name);
      if (await fsp.lstat(target).catch(() => null)) throw new UploadError(409, "CONFLICT", `${name} already exists in your uploads (upload it under another name)`);
      part = path.join(dir, `.${name}.${randomBytes(6).toString("hex")}.part`);
      const got = await receive(req, part, o.maxBytes);
      // link() never replaces: a file of that name that appeared meanwhile wins (409).
      await fsp.link(part, target).catch((e: NodeJS.ErrnoException) => {
        throw e.code === "EEXIST" ? new UploadError(409, "CONFLICT", `${name} already exists in your uploads (upload it under another name)`) : e;
      });
      await dropPart();
      res.status(201).json({ uri: [TEAMS_FOLDER, team.slug, UPLOADS_FOLDER, name].join("/"), ...got });
    } catch (e) {
      await dropPart().catch(() => {});
      if (e instanceof UploadError) fail(e);
      else {
        o.log(`upload failed: ${(e as Error).message}`);
        if (!res.headersSent) fail(new UploadError(500, "INTERNAL_SERVER_ERROR", "the upload failed"));
      }
    } finally {
      await dropPart().catch(() => {});
    }
  };
}
