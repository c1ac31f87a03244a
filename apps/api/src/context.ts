/** Per-request (or per-WebSocket) context handed to every resolver. */
import type { Pool } from "pg";
import type { PrismaClient } from "@loffta/db";
import type { Viewer } from "./auth";
import type { PubSub } from "./pubsub";

/** Process-wide services, shared by all requests. */
export interface Services {
  prisma: PrismaClient;
  /** Raw pg pool for the hot paths (metric ingest, job claims, series queries). */
  pool: Pool;
  pubsub: PubSub;
}

export interface Context extends Services {
  viewer: Viewer | null;
  /** Why `viewer` is null, for the UNAUTHENTICATED message. */
  authError?: string;
}
