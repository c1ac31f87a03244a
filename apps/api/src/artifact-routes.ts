/**
 * Files of runs over plain HTTP (a bearer token of the run's team, any scope; ./http-auth.ts):
 * - `GET /artifacts/<artifact id>`: the artifact's bytes from the object store (through the API's
 *   copy, checked against the recorded size and sha256), as an attachment named after it, with
 *   its sha256 in `X-Loffta-Sha256`.
 * - `GET /runs/<run id>/samples/<dataset index>/image`: the image of an evaluated sample, read
 *   from the run's dataset in its storage area — only while the dataset still has, at every
 *   evaluated index, an image of the label the run was evaluated on (409 DATASET_CHANGED).
 * Another team's artifact or run answers 404 like one that does not exist.
 */
import { createReadStream } from "node:fs";
import path from "node:path";
import express, { type Request, type Response } from "express";
import { RUN_ARTIFACTS, isRunArtifactName } from "@loffta/graphql/domain";
import { StorageError } from "@loffta/graphql/storage-roots";
import { httpFail, httpViewer } from "./http-auth";
import type { RateLimiter } from "./limits";
import { artifactFile, findArtifact, loadEvaluation, MAX_SAMPLE_IMAGE_BYTES, sampleItems } from "./services/artifacts";
import { findRun } from "./services/access";
import type { Db } from "./services/db";
import type { StorageContext } from "./services/storage";

const IMAGE_TYPES: Record<string, string> = {
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".gif": "image/gif",
  ".bmp": "image/bmp",
  ".tif": "image/tiff",
  ".tiff": "image/tiff",
};

export function artifactRoutes(o: { db: Db & StorageContext; limiter: RateLimiter; log: (msg: string) => void }): express.Router {
  const router = express.Router();
  const failed = (res: Response, what: string, e: unknown) => {
    o.log(`${what} failed: ${(e as Error).message}`);
    httpFail(res, 503, "SERVICE_UNAVAILABLE", `${what}: the file could not be read (object store or storage unavailable)`);
  };

  router.get("/artifacts/:id", async (req: Request, res: Response) => {
    const viewer = await httpViewer(o.db, o.limiter, req, res, null, "downloading an artifact");
    if (!viewer) return;
    const id = String(req.params.id);
    try {
      const a = await findArtifact(o.db, viewer, id);
      if (!a) return httpFail(res, 404, "NOT_FOUND", `artifact ${id} not found`);
      if (!o.db.storeMirror) return httpFail(res, 409, "FAILED_PRECONDITION", "this server has no object store (LOFFTA_STORE): artifacts cannot be read");
      const file = await artifactFile(o.db, a);
      res.setHeader("Content-Type", isRunArtifactName(a.name) ? RUN_ARTIFACTS[a.name].contentType : "application/octet-stream");
      res.setHeader("Content-Length", String(a.bytes));
      res.setHeader("Content-Disposition", `attachment; filename="${a.name.replace(/[^A-Za-z0-9._-]/g, "_")}"`);
      res.setHeader("X-Loffta-Sha256", a.sha256);
      res.setHeader("Cache-Control", "private, no-store");
      createReadStream(file).on("error", (e) => failed(res, `artifact ${id}`, e)).pipe(res);
    } catch (e) {
      failed(res, `artifact ${id}`, e);
    }
  });

  router.get("/runs/:runId/samples/:index/image", async (req: Request, res: Response) => {
    const viewer = await httpViewer(o.db, o.limiter, req, res, null, "a sample image");
    if (!viewer) return;
    const runId = String(req.params.runId);
    const index = Number(req.params.index);
    try {
      const run = await findRun(o.db, viewer, runId);
      if (!run) return httpFail(res, 404, "NOT_FOUND", `run ${runId} not found`);
      if (!Number.isInteger(index) || index < 0) return httpFail(res, 400, "BAD_USER_INPUT", "the sample index must be an integer ≥ 0");
      const ev = await loadEvaluation(o.db, run);
      const row = ev?.rowOfIndex.get(index);
      if (!ev || row === undefined) return httpFail(res, 404, "NOT_FOUND", `run ${runId} has no evaluated sample with dataset index ${index}`);
      const items = await sampleItems(o.db, viewer, ev);
      if (!items) return httpFail(res, 409, "DATASET_CHANGED", "the run's dataset no longer matches what the run was evaluated on (files added, removed or renamed since its cache was extracted), or cannot be read");
      const item = items.items[row];
      let opened;
      try {
        opened = await items.access.open(item.path, MAX_SAMPLE_IMAGE_BYTES);
      } catch (e) {
        if (e instanceof StorageError) return httpFail(res, 409, "DATASET_CHANGED", `the sample's image cannot be read: ${e.message}`);
        throw e;
      }
      res.setHeader("Content-Type", IMAGE_TYPES[path.extname(item.rel).toLowerCase()] ?? "application/octet-stream");
      res.setHeader("Content-Length", String(opened.size));
      res.setHeader("Cache-Control", "private, max-age=300");
      res.setHeader("X-Content-Type-Options", "nosniff");
      const stream = opened.fh.createReadStream({ start: 0, end: Math.max(0, opened.size - 1) });
      stream.on("error", (e) => failed(res, `sample ${index} of run ${runId}`, e)).pipe(res);
    } catch (e) {
      failed(res, `sample ${index} of run ${runId}`, e);
    }
  });
  return router;
}
