import type { Resolvers } from "../generated/resolvers";
import { requireScope, requireViewer } from "../auth";
import { addTeamMember, createToken, findUser, getTeam, listMembers, listTokens, removeTeamMember, revokeToken, tokenDeadReason } from "../services/tokens";

export const authResolvers: Resolvers = {
  Query: {
    me: (_p, _a, ctx) => requireViewer(ctx),
    team: (_p, _a, ctx) => getTeam(ctx, requireViewer(ctx).teamId),
    tokens: (_p, _a, ctx) => listTokens(ctx, requireViewer(ctx)),
  },
  Mutation: {
    createToken: (_p, { input }, ctx) => createToken(ctx, requireViewer(ctx), input),
    revokeToken: (_p, { id }, ctx) => revokeToken(ctx, requireViewer(ctx), id),
    addTeamMember: (_p, { input }, ctx) => addTeamMember(ctx, requireScope(ctx, "ADMIN"), input),
    removeTeamMember: (_p, { id }, ctx) => removeTeamMember(ctx, requireScope(ctx, "ADMIN"), id),
  },
  Viewer: {
    team: (v, _a, ctx) => getTeam(ctx, v.teamId),
    user: (v, _a, ctx) => findUser(ctx, v.userId),
    scopes: (v) => v.scopes,
    tokenName: (v) => v.tokenName,
    tokenPrefix: (v) => v.tokenPrefix,
    tokenExpiresAt: (v) => v.expiresAt,
  },
  Team: {
    members: (t, _a, ctx) => listMembers(ctx, t.id),
  },
  ApiToken: {
    user: (t) => t.user,
    active: (t) => tokenDeadReason(t) === null,
    current: (t, _a, ctx) => t.id === ctx.viewer?.tokenId,
  },
};
