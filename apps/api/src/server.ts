/**
 * The Loffta API server: Apollo Server 5 on express 5 at /graphql (HTTP), graphql-ws on the same
 * path (WebSocket, ./ws.ts), /healthz, and one LISTEN connection for cross-process events.
 * Request limits (./limits.ts, docs/security.md) apply to both transports.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import express from "express";
import type { NextFunction, Request, Response } from "express";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { expressMiddleware } from "@as-integrations/express5";
import { GraphQLError } from "graphql";
import { logSafe } from "@loffta/graphql/log-safe";
import { StoreMirror, storeFromEnv, type ObjectStore } from "@loffta/graphql/object-store";
import { authenticate, TokenChecker, type AuthResult } from "./auth";
import { readEnv, readLimits, type RequestLimits } from "./config";
import type { Context, Services } from "./context";
import { clientError } from "./errors";
import { createHydrator } from "./events";
import { LIMITS, RateLimiter, checkArguments, queryRules, responseLimit, tokenLimitError } from "./limits";
import { ApiMetrics, METRICS_PATH } from "./prometheus";
import { PgPubSub } from "./pubsub";
import { buildSchema } from "./schema";
import { closeDb, connectDb, pingDb } from "./services/db";
import { StorageRoots, type StorageContext } from "./services/storage";
import { artifactRoutes } from "./artifact-routes";
import { uploadHandler } from "./uploads";
import { startWebSocketServer } from "./ws";
import { WANDB_BASE_PATH, wandbRoutes } from "./wandb/routes";

export interface ApiServerOptions {
  databaseUrl: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Size of the raw pg pool (default: $LOFFTA_API_POOL_SIZE, see ./config.ts). */
  poolSize?: number;
  log?: (msg: string) => void;
  /** Origins allowed by CORS, a list or comma-separated ("*" = any; default: $LOFFTA_CORS_ORIGINS). */
  corsOrigins?: string | string[];
  /** Request limits (docs/security.md); each one left out comes from its variable (./config.ts). */
  limits?: Partial<RequestLimits>;
  /** Folders datasets and weights may be registered from (default: $LOFFTA_STORAGE_ROOTS; none: every path refused). */
  storageRoots?: string[];
  /** Largest `PUT /uploads/<name>` body (default: $LOFFTA_MAX_UPLOAD_BYTES). */
  maxUploadBytes?: number;
  /** The platform's object store (default: from $LOFFTA_STORE; null: none). */
  store?: ObjectStore | null;
}

/** The API's copy of the store, where `store:` datasets and weights are read to be checked. */
function apiStoreMirror(store: ObjectStore | null): StoreMirror | null {
  return store ? new StoreMirror(store, path.join(os.tmpdir(), `loffta-api-store-copy-${process.getuid?.() ?? "u"}`), { capBytes: 5 * 1024 ** 3 }) : null;
}

export interface ApiServer {
  /** http://host:port/graphql */
  url: string;
  /** ws://host:port/graphql */
  wsUrl: string;
  port: number;
  close(): Promise<void>;
}

export async function startApiServer(opts: ApiServerOptions): Promise<ApiServer> {
  // One call, one line: user strings in messages (names, refused values in database errors)
  // cannot start a forged line or move the terminal's cursor (@loffta/graphql/log-safe).
  const log = opts.log ?? ((m: string) => console.error(`[api] ${logSafe(m)}`));
  // Options a caller leaves out come from the environment (./config.ts), read before connecting.
  const corsOrigins = opts.corsOrigins === undefined ? readEnv("LOFFTA_CORS_ORIGINS") : typeof opts.corsOrigins === "string" ? opts.corsOrigins.split(",") : opts.corsOrigins;
  const limits = readLimits(opts.limits);
  const storageRoots = new StorageRoots(opts.storageRoots ?? readEnv("LOFFTA_STORAGE_ROOTS"));
  const storeMirror = apiStoreMirror(
    opts.store === undefined
      ? storeFromEnv({ LOFFTA_STORE: readEnv("LOFFTA_STORE"), LOFFTA_S3_ENDPOINT: readEnv("LOFFTA_S3_ENDPOINT"), LOFFTA_S3_FORCE_PATH_STYLE: readEnv("LOFFTA_S3_FORCE_PATH_STYLE") })
      : opts.store,
  );
  const db = connectDb(opts.databaseUrl, { poolSize: opts.poolSize ?? readEnv("LOFFTA_API_POOL_SIZE"), log });
  const { prisma, pool } = db;
  const pubsub = new PgPubSub({
    connectionString: opts.databaseUrl,
    pool,
    hydrate: createHydrator(db),
    log,
  });
  // Prometheus series of this server (./prometheus.ts, GET /metrics); storePoints counts into it.
  const prometheus = new ApiMetrics(db);
  const services: Services & StorageContext = { prisma, pool, pubsub, storageRoots, storeMirror, onPointsStored: prometheus.pointsStored };
  const cleanup: (() => Promise<unknown>)[] = [() => closeDb(db)];
  try {
    await pubsub.start();
  } catch (e) {
    await Promise.allSettled(cleanup.map((f) => f()));
    throw e;
  }

  const schema = buildSchema();
  const app = express();
  app.disable("x-powered-by");
  app.use(prometheus.timeRequests);
  const httpServer = http.createServer(app);
  // Workers and scripts reuse keep-alive connections (undici). Node's 5 s idle timeout races
  // a client that reuses a connection just as the server closes it ("other side closed"):
  // keep idle connections well beyond the clients' reuse window.
  httpServer.keepAliveTimeout = 65_000;
  httpServer.headersTimeout = 66_000;

  const rules = queryRules(limits);
  const limiter = new RateLimiter(limits.rateLimitPerSec, limits.rateLimitBurst);
  const tokens = new TokenChecker(db, limits.tokenRecheckMs);
  const ws = startWebSocketServer({ httpServer, schema, services, limits, rules, limiter, tokens, log });
  prometheus.countSubscriptions(() => ws.subscriptionsOpen());
  cleanup.push(async () => prometheus.close());
  // Sockets of revoked or expired tokens are closed; idle rate-limit buckets and token answers dropped.
  const housekeeping = setInterval(() => {
    void ws.sweep();
    limiter.prune();
    tokens.prune();
  }, limits.wsAuthCheckMs);
  housekeeping.unref();
  cleanup.push(async () => clearInterval(housekeeping));

  const apollo = new ApolloServer<Context>({
    schema,
    // Query shape, in linear time, before execution: tokens while parsing (graphql-js), then
    // depth, aliases and directives (graphql-armor's rules) and cost (ours) while validating.
    parseOptions: { maxTokens: limits.maxTokens },
    validationRules: rules,
    stringifyResult: responseLimit(limits.maxResponseBytes),
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    introspection: true,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      prometheus.apolloPlugin,
      { serverWillStart: async () => ({ drainServer: async () => void (await ws.dispose()) }) },
      {
        // Arguments (NUL bytes, filter conditions) once the operation is known, before execution.
        requestDidStart: async () => ({
          didResolveOperation: async ({ schema: s, document, request }) => {
            const err = checkArguments(s, document, request.variables, limits);
            if (err) throw new GraphQLError(err.message, { extensions: { ...err.extensions, http: { status: 400 } } });
          },
        }),
      },
    ],
    formatError: (formatted, error) => {
      if (formatted.extensions?.code === "GRAPHQL_PARSE_FAILED") {
        const tooMany = tokenLimitError(formatted, limits.maxTokens);
        if (tooMany) return { ...formatted, message: tooMany.message, extensions: tooMany.extensions };
      }
      return clientError(formatted, error, log);
    },
  });
  await apollo.start();

  // The W&B client's endpoints (WANDB_BASE_URL=http://host:port/wandb; docs/wandb.md).
  const wandb = wandbRoutes(services, { log, limiter });
  cleanup.push(async () => wandb.close());
  app.use(WANDB_BASE_PATH, wandb.router);

  app.get("/healthz", async (_req, res) => {
    try {
      await pingDb(db);
      res.json({ ok: true, database: "up" });
    } catch (e) {
      res.status(503).json({ ok: false, database: "down", error: (e as Error).message });
    }
  });

  // Prometheus scrapes with an ADMIN bearer token (./prometheus.ts; docs/api.md, "Metrics (Prometheus)").
  app.get(METRICS_PATH, prometheus.handler({ limiter, log }));

  // The dashboard calls the API from the browser (another origin) with a bearer token and no
  // cookies, so CORS is safe to open; LOFFTA_CORS_ORIGINS narrows it to a list of origins.
  const allowed = corsOrigins.map((o) => o.trim()).filter(Boolean);
  // The same for the files the dashboard fetches with its token (./artifact-routes.ts).
  app.use(["/graphql", "/artifacts", "/runs"], (req: Request, res: Response, next: NextFunction) => {
    const origin = req.headers.origin;
    if (origin && (allowed.includes("*") || allowed.includes(origin))) {
      res.setHeader("Access-Control-Allow-Origin", allowed.includes("*") ? "*" : origin);
      res.setHeader("Vary", "Origin");
      res.setHeader("Access-Control-Allow-Headers", "authorization, content-type, apollo-require-preflight");
      res.setHeader("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
      res.setHeader("Access-Control-Expose-Headers", "content-disposition, x-loffta-sha256");
      res.setHeader("Access-Control-Max-Age", "600");
    }
    if (req.method === "OPTIONS") {
      res.status(204).end();
      return;
    }
    next();
  });

  // Authenticate first (every request, so a revoked token is refused at once), then the
  // per-token rate limit (anonymous requests: per client address), before the body is read.
  app.use("/graphql", async (req: Request, res: Response, next: NextFunction) => {
    const auth = await authenticate(db, req.headers.authorization);
    res.locals.auth = auth;
    const wait = limiter.take(auth.viewer ? `token:${auth.viewer.tokenId}` : `ip:${req.socket.remoteAddress ?? "?"}`);
    if (wait === null) return next();
    res
      .status(429)
      .setHeader("Retry-After", String(Math.ceil(wait / 1000)))
      .json({ errors: [limiter.error(wait).toJSON()] });
  });

  app.use(
    "/graphql",
    express.json({ limit: LIMITS.bodyBytes }),
    expressMiddleware(apollo, {
      context: async ({ res }): Promise<Context> => {
        const auth = res.locals.auth as AuthResult;
        return prometheus.graphqlResponse(
          res,
          auth.viewer ? { ...services, viewer: auth.viewer } : { ...services, viewer: null, authError: auth.error },
        );
      },
    }),
  );

  // Artifacts and sample images of runs (./artifact-routes.ts).
  app.use(artifactRoutes({ db: services, limiter, log }));

  // One file into the team's folder under the first storage root (./uploads.ts).
  app.put("/uploads/:name", uploadHandler({ prisma, pool, storageRoots, store: storeMirror?.store, maxBytes: opts.maxUploadBytes ?? readEnv("LOFFTA_MAX_UPLOAD_BYTES"), limiter, log }));

  // Body errors (too large, not JSON) as GraphQL-shaped JSON.
  app.use(
    (
      err: { type?: string; status?: number; message?: string },
      _req: Request,
      res: Response,
      next: NextFunction,
    ) => {
      if (err.type === "entity.too.large") {
        res
          .status(413)
          .json({
            errors: [
              {
                message: `request body exceeds ${LIMITS.bodyBytes} bytes`,
                extensions: { code: "PAYLOAD_TOO_LARGE" },
              },
            ],
          });
      } else if (err.type === "entity.parse.failed") {
        res
          .status(400)
          .json({
            errors: [{ message: "request body is not valid JSON", extensions: { code: "BAD_REQUEST" } }],
          });
      } else next(err);
    },
  );

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(opts.port ?? 0, opts.host ?? "127.0.0.1", () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  const host = opts.host && opts.host !== "0.0.0.0" && opts.host !== "::" ? opts.host : "127.0.0.1";

  let closed: Promise<void> | null = null;
  return {
    url: `http://${host}:${port}/graphql`,
    wsUrl: `ws://${host}:${port}/graphql`,
    port,
    close: () =>
      (closed ??= (async () => {
        await pubsub.close(); // ends every subscription, so sockets can drain
        await apollo.stop(); // drains HTTP and WebSocket servers
        await Promise.allSettled(cleanup.map((f) => f()));
      })()),
  };
}
