/** All resolvers, merged per type. */
import type { Resolvers } from "../generated/resolvers";
import type { Context } from "../context";
import { requireWriter } from "../auth";
import { DateTime, JSONScalar } from "./scalars";
import { authResolvers } from "./auth";
import { datasetResolvers } from "./datasets";
import { cacheResolvers } from "./caches";
import { runResolvers } from "./runs";
import { metricResolvers } from "./metrics";
import { logResolvers } from "./logs";
import { workerResolvers } from "./workers";
import { reportResolvers } from "./reports";
import { artifactResolvers } from "./artifacts";
import { sweepResolvers } from "./sweeps";

function merge(parts: Resolvers[]): Resolvers {
  const out: Record<string, Record<string, unknown>> = {};
  for (const part of parts) {
    for (const [type, fields] of Object.entries(part)) out[type] = { ...out[type], ...(fields as Record<string, unknown>) };
  }
  return out as Resolvers;
}

type FieldResolver = (parent: unknown, args: unknown, ctx: Context, info: unknown) => unknown;

/**
 * Every mutation first checks that the caller may write (`requireWriter`: UNAUTHENTICATED without
 * a token, FORBIDDEN for a READ token), on HTTP and WebSocket alike, before its own scope check.
 */
function writersOnly(mutations: Record<string, unknown>): Record<string, FieldResolver> {
  return Object.fromEntries(
    Object.entries(mutations).map(([name, fn]) => {
      if (typeof fn !== "function") throw new Error(`Mutation.${name}: the resolver must be a function (writersOnly wraps it)`);
      const resolve = fn as FieldResolver;
      return [
        name,
        (parent: unknown, args: unknown, ctx: Context, info: unknown) => {
          requireWriter(ctx);
          return resolve(parent, args, ctx, info);
        },
      ];
    }),
  );
}

const merged = merge([authResolvers, datasetResolvers, cacheResolvers, runResolvers, metricResolvers, logResolvers, workerResolvers, reportResolvers, artifactResolvers, sweepResolvers]);

export const resolvers: Resolvers = {
  ...merged,
  Mutation: writersOnly(merged.Mutation as Record<string, unknown>) as Resolvers["Mutation"],
  DateTime,
  JSON: JSONScalar,
};
