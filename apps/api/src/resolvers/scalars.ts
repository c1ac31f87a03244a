/** Custom scalars: DateTime (ISO-8601 strings) and JSON (any value). */
import { GraphQLError, GraphQLScalarType, Kind, valueFromASTUntyped } from "graphql";

function toIso(value: unknown): string {
  const d = value instanceof Date ? value : new Date(String(value));
  if (Number.isNaN(d.getTime())) throw new GraphQLError(`DateTime cannot represent ${String(value)}`);
  return d.toISOString();
}

function parseIso(value: unknown): string {
  const d = typeof value === "string" && value.length <= 64 ? new Date(value) : null;
  // Years 1–9999: what Postgres' timestamp and every client round-trip (JS dates reach ±275760).
  if (!d || Number.isNaN(d.getTime()) || d.getUTCFullYear() < 1 || d.getUTCFullYear() > 9999) {
    throw new GraphQLError(`DateTime must be an ISO-8601 string of a year 1–9999, got ${JSON.stringify(value)?.slice(0, 80)}`, { extensions: { code: "BAD_USER_INPUT" } });
  }
  return d.toISOString();
}

export const DateTime = new GraphQLScalarType({
  name: "DateTime",
  serialize: toIso,
  parseValue: parseIso,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError("DateTime must be a string", { extensions: { code: "BAD_USER_INPUT" } });
    return parseIso(ast.value);
  },
});

export const JSONScalar = new GraphQLScalarType({
  name: "JSON",
  serialize: (v) => v,
  parseValue: (v) => v,
  parseLiteral: (ast, variables) => valueFromASTUntyped(ast, variables),
});
