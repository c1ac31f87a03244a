import type { Resolvers } from "../generated/resolvers";
import { requireViewer } from "../auth";
import { notFound } from "../errors";

export const authResolvers: Resolvers = {
  Query: {
    me: (_p, _a, ctx) => requireViewer(ctx),
  },
  Viewer: {
    team: async (v, _a, ctx) => {
      const t = await ctx.prisma.team.findUnique({ where: { id: v.teamId } });
      if (!t) throw notFound("team", v.teamId);
      return t;
    },
    user: (v, _a, ctx) => (v.userId ? ctx.prisma.user.findUnique({ where: { id: v.userId } }) : null),
    scopes: (v) => v.scopes,
    tokenName: (v) => v.tokenName,
    tokenPrefix: (v) => v.tokenPrefix,
  },
};
