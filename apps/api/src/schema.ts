/** The executable schema: the SDL of @loffta/graphql with this app's resolvers. */
import { makeExecutableSchema } from "@graphql-tools/schema";
import { typeDefs } from "@loffta/graphql/schema";
import type { GraphQLSchema } from "graphql";
import { resolvers } from "./resolvers";

export function buildSchema(): GraphQLSchema {
  return makeExecutableSchema({ typeDefs, resolvers, resolverValidationOptions: { requireResolversToMatchSchema: "error" } });
}
