import type { Resolvers } from "../generated/resolvers";
import { requireViewer } from "../auth";
import { findUser, getTeam } from "../services/tokens";

export const authResolvers: Resolvers = {
  Query: {
    me: (_p, _a, ctx) => requireViewer(ctx),
  },
  Viewer: {
    team: (v, _a, ctx) => getTeam(ctx, v.teamId),
    user: (v, _a, ctx) => findUser(ctx, v.userId),
    scopes: (v) => v.scopes,
    tokenName: (v) => v.tokenName,
    tokenPrefix: (v) => v.tokenPrefix,
  },
};
