/** All resolvers, merged per type. */
import type { Resolvers } from "../generated/resolvers";
import { DateTime, JSONScalar } from "./scalars";
import { authResolvers } from "./auth";
import { datasetResolvers } from "./datasets";
import { cacheResolvers } from "./caches";
import { runResolvers } from "./runs";
import { metricResolvers } from "./metrics";
import { logResolvers } from "./logs";
import { workerResolvers } from "./workers";
import { reportResolvers } from "./reports";

function merge(parts: Resolvers[]): Resolvers {
  const out: Record<string, Record<string, unknown>> = {};
  for (const part of parts) {
    for (const [type, fields] of Object.entries(part)) out[type] = { ...out[type], ...(fields as Record<string, unknown>) };
  }
  return out as Resolvers;
}

export const resolvers: Resolvers = {
  ...merge([authResolvers, datasetResolvers, cacheResolvers, runResolvers, metricResolvers, logResolvers, workerResolvers, reportResolvers]),
  DateTime,
  JSON: JSONScalar,
};
