/** Per-request (or per-WebSocket) context handed to every resolver. */
import type { Viewer } from "./auth";
import type { PubSub } from "./pubsub";
import type { Db } from "./services/db";
import type { PointsObserver } from "./services/metrics";

/**
 * Process-wide services, shared by all requests. Resolvers hand the context to the services
 * (it is a `Db`) and never query `prisma` or `pool` themselves.
 */
export interface Services extends Db {
  pubsub: PubSub;
  /** Told the number of points each storePoints call stored (./prometheus.ts). */
  onPointsStored?: PointsObserver;
}

export interface Context extends Services {
  viewer: Viewer | null;
  /** Why `viewer` is null, for the UNAUTHENTICATED message. */
  authError?: string;
}
