/**
 * The W&B endpoints the real `wandb` client (0.30, its Go wandb-core) uses, mounted under /wandb
 * (`WANDB_BASE_URL=http://host:4000/wandb`; docs/wandb.md): `POST /wandb/graphql` (Viewer,
 * ServerFeaturesQuery, ServerInfo, UpsertBucket, RunResumeStatus, OrganizationCoreWeaveOrganizationID;
 * anything else, e.g. CreateRunFiles, is answered with a GraphQL error naming what Loffta does not
 * support) and `POST /wandb/files/<entity>/<project>/<run>/file_stream`. Auth: HTTP basic
 * `api:<key>` with key `loffta-<token>-wandb` (or the bare token), checked like a bearer token.
 */
import { GraphQLError } from "graphql";
import express, { type NextFunction, type Request, type Response, type Router } from "express";
import { logSafe } from "@loffta/graphql/log-safe";
import { authenticate, hasScope, type Viewer } from "../auth";
import { readEnv } from "../config";
import type { RateLimiter } from "../limits";
import { parseJsonObject, tokenFromAuthorization, wrapConfig, type Json, type JsonObject } from "./mapping";
import { applyStream, findExternalRun, findRunForStream, META_KEY, runMeta, sweepCrashedRuns, teamOf, upsertRun, WandbError, type Services, type StreamRequest } from "./store";

/** Where the routes are mounted. */
export const WANDB_BASE_PATH = "/wandb";
/** file_stream requests carry up to ~10 MB of lines. */
const BODY_LIMIT = "32mb";

export interface WandbRoutesOptions {
  /** The API's per-token rate limit (the same buckets as /graphql and /uploads). */
  limiter?: RateLimiter;
  /** A RUNNING external run whose client sent nothing for this long is marked crashed (default $LOFFTA_WANDB_CRASH_AFTER_S, 120 s; the client heart-beats every 30 s). */
  crashAfterMs?: number;
  log?: (msg: string) => void;
}

interface WandbRoutes {
  router: Router;
  /** Stops the crash sweep. */
  close(): void;
}

function gqlError(res: Response, status: number, message: string, code: string): void {
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

function operationName(body: JsonObject): string | null {
  if (typeof body.operationName === "string" && body.operationName) return body.operationName;
  const m = typeof body.query === "string" ? /\b(?:query|mutation)\s+(\w+)/.exec(body.query) : null;
  return m ? m[1] : null;
}

const str = (v: Json | undefined): string | null => (typeof v === "string" ? v : null);

export function wandbRoutes(db: Services, opts: WandbRoutesOptions = {}): WandbRoutes {
  const log = opts.log ?? ((m: string) => console.error(`[api] wandb: ${logSafe(m)}`));
  const crashAfterMs = opts.crashAfterMs ?? readEnv("LOFFTA_WANDB_CRASH_AFTER_S") * 1000;
  const router = express.Router();

  // wandb-core's own telemetry (OpenTelemetry, sent without the API key): not stored.
  router.post("/sdk/otel/*splat", (_req: Request, res: Response) => void res.status(204).end());

  // Authentication: the same token checks as /graphql (hash lookup, revocation, expiry).
  router.use(async (req: Request, res: Response, next: NextFunction) => {
    try {
      const secret = tokenFromAuthorization(req.headers.authorization);
      if (!secret) {
        res.setHeader("WWW-Authenticate", 'Basic realm="loffta"');
        return gqlError(res, 401, "Loffta needs WANDB_API_KEY=loffta-<token>-wandb (a Loffta API token; docs/wandb.md)", "UNAUTHENTICATED");
      }
      const auth = await authenticate(db, `Bearer ${secret}`);
      if (!auth.viewer) return gqlError(res, 401, `Loffta refused the API key: ${auth.error}`, "UNAUTHENTICATED");
      const wait = opts.limiter?.take(`token:${auth.viewer.tokenId}`) ?? null;
      if (wait !== null) {
        res.setHeader("Retry-After", String(Math.ceil(wait / 1000)));
        return gqlError(res, 429, opts.limiter!.error(wait).message, "RATE_LIMITED");
      }
      res.locals.viewer = auth.viewer;
      next();
    } catch (e) {
      next(e);
    }
  });

  router.post("/graphql", express.json({ limit: BODY_LIMIT }), async (req: Request, res: Response, next: NextFunction) => {
    const viewer = res.locals.viewer as Viewer;
    const body = parseJsonObject(req.body as unknown) ?? {};
    const vars = parseJsonObject(body.variables) ?? {};
    const op = operationName(body);
    try {
      res.json({ data: await answer(db, viewer, op, vars) });
    } catch (e) {
      // GraphQL errors travel with HTTP 200 (as W&B's server does): the client shows the message.
      if (e instanceof WandbError) return gqlError(res, 200, e.message, e.status === 403 ? "FORBIDDEN" : "BAD_USER_INPUT");
      if (e instanceof GraphQLError) return gqlError(res, 200, e.message, String(e.extensions.code ?? "BAD_USER_INPUT"));
      next(e);
    }
  });

  router.post("/files/:entity/:project/:run/file_stream", express.json({ limit: BODY_LIMIT }), async (req: Request, res: Response, next: NextFunction) => {
    const viewer = res.locals.viewer as Viewer;
    try {
      if (!hasScope(viewer, "MEMBER")) return gqlError(res, 403, "this token may not write runs (scope MEMBER needed)", "FORBIDDEN");
      const run = await findRunForStream(db, viewer, String(req.params.project), String(req.params.run));
      if (!run) return gqlError(res, 404, `run ${String(req.params.run)} not found in project ${String(req.params.project)} of this team`, "NOT_FOUND");
      const result = await applyStream(db, run, (parseJsonObject(req.body as unknown) ?? {}) as unknown as StreamRequest);
      if (result.skipped.length) log(`run ${run.id}: non-numeric values not stored as metrics: ${result.skipped.join(", ")}`);
      res.json({ exitcode: null, limits: {}, loffta: result });
    } catch (e) {
      next(e);
    }
  });

  // Anything else: not served, answered plainly.
  router.use((req: Request, res: Response) => gqlError(res, 404, `Loffta's W&B endpoints do not serve ${req.method} ${req.path} (docs/wandb.md)`, "NOT_FOUND"));
  router.use((err: { type?: string; message?: string }, _req: Request, res: Response, _next: NextFunction) => {
    if (err.type === "entity.too.large") return gqlError(res, 413, `request body exceeds ${BODY_LIMIT}`, "PAYLOAD_TOO_LARGE");
    if (err.type === "entity.parse.failed") return gqlError(res, 400, "request body is not valid JSON", "BAD_REQUEST");
    log(`internal error: ${err.message ?? String(err)}`);
    gqlError(res, 500, "internal error", "INTERNAL_SERVER_ERROR");
  });

  const sweep = setInterval(() => {
    sweepCrashedRuns(db, crashAfterMs).then(
      (ids) => ids.length && log(`${ids.length} external run(s) crashed (no heartbeat for ${crashAfterMs / 1000} s)`),
      (e: unknown) => log(`crash sweep failed: ${e instanceof Error ? e.message : String(e)}`),
    );
  }, Math.max(500, Math.min(30_000, crashAfterMs / 2)));
  sweep.unref();
  return { router, close: () => clearInterval(sweep) };
}

/** The `data` of one GraphQL operation of the client. */
async function answer(db: Services, viewer: Viewer, op: string | null, v: JsonObject): Promise<JsonObject> {
  switch (op) {
    case "Viewer": {
      const team = await teamOf(db, viewer);
      const user = viewer.userId ? await db.prisma.user.findUnique({ where: { id: viewer.userId } }) : null;
      return {
        viewer: {
          id: viewer.tokenId,
          entity: team.slug,
          username: user?.name ?? viewer.tokenName,
          email: user?.email ?? null,
          flags: "{}",
          teams: { edges: [{ node: { name: team.slug } }] },
        },
      };
    }
    case "ServerFeaturesQuery":
      return { serverInfo: { features: [] } };
    case "ServerInfo":
      return { serverInfo: { cliVersionInfo: null, latestLocalVersionInfo: null } };
    case "OrganizationCoreWeaveOrganizationID":
      return { entity: { organization: null } };
    case "UpsertBucket": {
      if (!hasScope(viewer, "MEMBER")) throw new WandbError(403, "this token may not write runs (scope MEMBER needed)");
      const name = str(v.name) ?? str(v.id);
      if (!name) throw new WandbError(400, "UpsertBucket: the run's name (W&B run id) is required");
      const { run, project, inserted } = await upsertRun(db, viewer, {
        name,
        project: str(v.project) || "uncategorized",
        displayName: str(v.displayName),
        notes: str(v.notes),
        tags: Array.isArray(v.tags) ? v.tags.filter((t): t is string => typeof t === "string") : null,
        groupName: str(v.groupName),
        jobType: str(v.jobType),
        host: str(v.host),
        program: str(v.program),
        config: parseJsonObject(v.config),
        summaryMetrics: parseJsonObject(v.summaryMetrics),
        state: str(v.state),
      });
      const team = await teamOf(db, viewer);
      const meta = runMeta(run);
      return {
        upsertBucket: {
          bucket: {
            id: run.id,
            name,
            displayName: run.name,
            description: run.notes,
            config: JSON.stringify(wrapConfig(userConfig(run.config))),
            sweepName: null,
            project: { id: project.id, name: project.name, entity: { id: team.id, name: team.slug } },
            historyLineCount: meta?.offsets.history ?? 0,
          },
          inserted,
        },
      };
    }
    case "RunResumeStatus": {
      const team = await teamOf(db, viewer);
      const projectName = str(v.project) || "uncategorized";
      const name = str(v.name) ?? "";
      const project = await db.prisma.project.findUnique({ where: { teamId_name: { teamId: viewer.teamId, name: projectName } } });
      const run = project ? await findExternalRun(db, project.id, name) : null;
      const meta = run && runMeta(run);
      return {
        model: project
          ? {
              id: project.id,
              name: project.name,
              entity: { id: team.id, name: team.slug },
              bucket:
                run && meta
                  ? {
                      id: run.id,
                      name,
                      summaryMetrics: JSON.stringify(meta.summary ?? {}),
                      displayName: run.name,
                      logLineCount: meta.offsets.output,
                      historyLineCount: meta.offsets.history,
                      eventsLineCount: meta.offsets.events,
                      historyTail: JSON.stringify(meta.historyTail ? [meta.historyTail] : []),
                      eventsTail: JSON.stringify(meta.eventsTail ? [meta.eventsTail] : []),
                      config: JSON.stringify(wrapConfig(userConfig(run.config))),
                      tags: run.tags,
                      notes: run.notes,
                      wandbConfig: JSON.stringify({ t: meta.t ?? {} }),
                    }
                  : null,
            }
          : null,
      };
    }
    default:
      if (op === "CreateRunFiles")
        throw new WandbError(400, "Loffta does not store run files (config.yaml, requirements.txt, media): metrics, summary, config and console logs are kept (docs/wandb.md)");
      throw new WandbError(400, `Loffta does not support the W&B operation ${op ?? "(unnamed)"} (docs/wandb.md lists what is supported)`);
  }
}

/** The user's config of a run (config without the W&B bookkeeping). */
function userConfig(config: unknown): JsonObject {
  const c = parseJsonObject(config) ?? {};
  return Object.fromEntries(Object.entries(c).filter(([k]) => k !== META_KEY));
}

