/**
 * Prometheus metrics of one API server: `GET /metrics` in the text exposition format
 * (docs/api.md, "Metrics (Prometheus)"). Each server owns its Registry (several servers may run
 * in one process: tests), so nothing goes to prom-client's global default registry.
 *
 *  - per scrape, for the team of the scraping token (ADMIN scope): `loffta_jobs{kind,status}`
 *    (every JobType × JobStatus pair, zeros included: one GROUP BY) and `loffta_workers_online`
 *    (services/queue.ts' online rule), read from Postgres by collect() callbacks;
 *  - this server, since it started: `loffta_metric_points_ingested_total` (points stored by
 *    storePoints: logMetrics, logMetricColumns, the wandb ingest), `loffta_subscriptions_open`
 *    (GraphQL subscriptions on its WebSockets), `loffta_http_request_duration_seconds{route,code,operation}`
 *    (route and status classes only: no raw path reaches a label) and prom-client's process metrics.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import type { NextFunction, Request, Response } from "express";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { JobStatus, JobType } from "@loffta/db";
import { httpViewer } from "./http-auth";
import type { Context } from "./context";
import type { RateLimiter } from "./limits";
import type { Db } from "./services/db";
import { countJobs, countOnlineWorkers } from "./services/queue";
import { WANDB_BASE_PATH } from "./wandb/routes";

/** The path of the scrape endpoint. */
export const METRICS_PATH = "/metrics";

/** The `route` label: the first segment of the path, one of these, else `other`. */
const ROUTE_CLASSES: Record<string, string> = {
  "/graphql": "graphql",
  "/uploads": "uploads",
  [WANDB_BASE_PATH]: "wandb",
  "/healthz": "healthz",
  [METRICS_PATH]: "metrics",
};

/** The `route` label of a request URL (path and query). */
export function routeClass(url: string): string {
  const m = /^\/[^/?#]*/.exec(url);
  return (m && ROUTE_CLASSES[m[0]]) ?? "other";
}

/** The `code` label: `2xx` … `5xx`, or `aborted` when the client left before the answer was sent. */
export function codeClass(status: number, finished: boolean): string {
  return finished ? `${Math.floor(status / 100)}xx` : "aborted";
}

/** Seconds; uploads and large series reads may take many. */
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

type HttpLabels = "route" | "code" | "operation";

/** The HTTP response of an Apollo context (graphqlResponse). */
const RESPONSE = Symbol("loffta.httpResponse");

export class ApiMetrics {
  /** This server's registry: its own series and the process metrics. */
  readonly registry = new Registry();
  private readonly http: Histogram<HttpLabels>;
  private readonly points: Counter;
  private subscriptions: () => number = () => 0;

  constructor(private readonly db: Db) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    this.http = new Histogram({
      name: "loffta_http_request_duration_seconds",
      help: "HTTP requests by route class (graphql, uploads, wandb, healthz, metrics, other), status class and GraphQL operation type (query, mutation, subscription; none outside /graphql or before the operation is known).",
      labelNames: ["route", "code", "operation"],
      buckets: DURATION_BUCKETS,
      registers,
    });
    this.points = new Counter({
      name: "loffta_metric_points_ingested_total",
      help: "Metric points stored by this server (logMetrics, logMetricColumns, the wandb ingest); duplicates skipped are not counted.",
      registers,
    });
    const open = () => this.subscriptions();
    new Gauge({
      name: "loffta_subscriptions_open",
      help: "GraphQL subscriptions active on this server's WebSockets.",
      registers,
      collect() {
        this.set(open());
      },
    });
  }

  /** storePoints' observer (Services.onPointsStored). */
  readonly pointsStored = (count: number): void => {
    if (count > 0) this.points.inc(count);
  };

  /** Where `loffta_subscriptions_open` is read from (the WebSocket server, started after the services). */
  countSubscriptions(count: () => number): void {
    this.subscriptions = count;
  }

  /**
   * Empty the registry when the server closes: prom-client's GC observer and event-loop monitor
   * (collectDefaultMetrics) cannot be stopped and keep the registry, but no longer this server.
   */
  close(): void {
    this.registry.clear();
    this.subscriptions = () => 0;
  }

  /** Express middleware, first in the chain: times every request into the histogram. */
  readonly timeRequests = (req: Request, res: Response, next: NextFunction): void => {
    const end = this.http.startTimer();
    res.once("close", () => {
      const operation = typeof res.locals.graphqlOperation === "string" ? res.locals.graphqlOperation : "none";
      end({ route: routeClass(req.originalUrl), code: codeClass(res.statusCode, res.writableFinished), operation });
    });
    next();
  };

  /**
   * The Apollo context of an HTTP request, carrying its response (for the `operation` label) under
   * a symbol: Apollo hands plugins a shallow copy of the context, which keeps own properties.
   */
  graphqlResponse(res: Response, context: Context): Context {
    return Object.assign(context, { [RESPONSE]: res });
  }

  /** Apollo plugin: the operation type, once known, onto the request's response. */
  readonly apolloPlugin: ApolloServerPlugin<Context> = {
    requestDidStart: async ({ contextValue }) => ({
      didResolveOperation: async ({ operation }) => {
        const res = (contextValue as { [RESPONSE]?: Response })[RESPONSE];
        if (res && operation) res.locals.graphqlOperation = operation.operation;
      },
    }),
  };

  /**
   * `GET /metrics`: a bearer token with scope ADMIN (401 without a valid token, 429 over the
   * token's rate limit, 403 without ADMIN; errors GraphQL-shaped JSON as for uploads).
   */
  handler(o: { limiter: RateLimiter; log: (msg: string) => void }) {
    return async (req: Request, res: Response): Promise<void> => {
      const fail = (status: number, code: string, message: string) => void res.status(status).json({ errors: [{ message, extensions: { code } }] });
      try {
        const viewer = await httpViewer(this.db, o.limiter, req, res, "ADMIN", "/metrics");
        if (!viewer) return;
        const body = await this.scrape(viewer.teamId);
        res.setHeader("Content-Type", this.registry.contentType);
        res.setHeader("Cache-Control", "no-store");
        res.send(body);
      } catch (e) {
        o.log(`metrics scrape failed: ${(e as Error).message}`);
        if (!res.headersSent) fail(503, "SERVICE_UNAVAILABLE", "the metrics could not be read (is the database up?)");
      }
    };
  }

  /** This server's series and the team's, in the text format. */
  async scrape(teamId: string): Promise<string> {
    return Registry.merge([this.registry, this.teamRegistry(teamId)]).metrics();
  }

  /**
   * A registry for one scrape, of the series read per team: built per scrape (cheap), so that
   * concurrent scrapes by tokens of different teams never share a gauge's values.
   */
  private teamRegistry(teamId: string): Registry {
    const db = this.db;
    const registers = [new Registry()];
    new Gauge({
      name: "loffta_jobs",
      help: "Jobs of the scraping token's team per kind (JobType) and status (JobStatus), now.",
      labelNames: ["kind", "status"],
      registers,
      async collect() {
        const counts = new Map((await countJobs(db, teamId)).map((r) => [`${r.type}/${r.status}`, r.n]));
        for (const kind of Object.values(JobType))
          for (const status of Object.values(JobStatus)) this.set({ kind, status }, counts.get(`${kind}/${status}`) ?? 0);
      },
    });
    new Gauge({
      name: "loffta_workers_online",
      help: "Workers of the scraping token's team online now (heartbeat recent: Worker.online's rule).",
      registers,
      async collect() {
        this.set(await countOnlineWorkers(db, teamId));
      },
    });
    return registers[0];
  }
}
