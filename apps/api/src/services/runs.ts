/** The `runs` listing: team-scoped filters, sort by any column or final metric, keyset cursors. */
import type { Pool } from "pg";
import type { PrismaClient, Run } from "@loffta/db";
import type { RunFilter, RunSort } from "../generated/resolvers";
import { badField, badInput, isUuid } from "../errors";
import { LIMITS } from "../limits";

export interface RunPage {
  edges: { cursor: string; node: Run }[];
  pageInfo: { hasNextPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number;
}

interface Cursor {
  /** The sort value as Postgres text (null for runs without it). */
  v: string | null;
  id: string;
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString("base64url");
}

export function decodeCursor(s: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(s, "base64url").toString("utf8")) as Cursor;
    if (typeof c.id === "string" && isUuid(c.id) && (c.v === null || typeof c.v === "string")) return c;
  } catch {
    /* fall through */
  }
  throw badField("after", "not a cursor returned by this API");
}

/** Dotted config path → Postgres text[] path; only plain key segments are allowed. */
export function configPath(p: string): string[] {
  const parts = p.split(".");
  if (!p || parts.some((s) => !/^[A-Za-z0-9_-]+$/.test(s))) throw badField("filter.config.path", `"${p}" is not a dotted path of keys`);
  return parts;
}

/**
 * Build the WHERE clause and sort expression. Null sort values (runs without the metric or
 * throughput) sort last in both directions: they compare as ±Infinity via COALESCE.
 */
function sortSpec(sort: RunSort, params: unknown[]): { expr: string; cast: string } {
  const nullLast = sort.direction === "DESC" ? "'-Infinity'" : "'Infinity'";
  switch (sort.field) {
    case "NAME":
      return { expr: `r.name`, cast: "text" };
    case "TRAIN_IMAGES_PER_SEC":
      return { expr: `COALESCE(r."trainImagesPerSec", ${nullLast}::float8)`, cast: "float8" };
    case "METRIC": {
      if (!sort.metricKey) throw badField("sort.metricKey", "required when sorting by METRIC");
      params.push(sort.metricKey);
      const k = `$${params.length}`;
      return {
        expr: `COALESCE(CASE WHEN jsonb_typeof(r."finalMetrics" -> ${k}::text) = 'number' THEN (r."finalMetrics" ->> ${k}::text)::float8 END, ${nullLast}::float8)`,
        cast: "float8",
      };
    }
    default:
      return { expr: `r."createdAt"`, cast: "timestamp" };
  }
}

export async function listRuns(
  pool: Pool,
  prisma: PrismaClient,
  teamId: string,
  args: { filter?: RunFilter | null; sort?: RunSort | null; first?: number | null; after?: string | null },
): Promise<RunPage> {
  const first = args.first ?? 20;
  if (first < 1 || first > LIMITS.maxPageSize) throw badField("first", `must be between 1 and ${LIMITS.maxPageSize}`);
  const sort: RunSort = args.sort ?? { field: "CREATED_AT", direction: "DESC" };
  const f = args.filter ?? {};
  const params: unknown[] = [teamId];
  const where: string[] = [`p."teamId" = $1`];
  const add = (sql: (n: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  if (f.projectId) {
    if (!isUuid(f.projectId)) throw badField("filter.projectId", "not an id");
    add((n) => `r."projectId" = ${n}::uuid`, f.projectId);
  }
  if (f.kinds?.length) add((n) => `r.kind = ANY(${n}::"RunKind"[])`, f.kinds);
  if (f.statuses?.length) add((n) => `r.status = ANY(${n}::"RunStatus"[])`, f.statuses);
  if (f.tag) add((n) => `r.tags @> ARRAY[${n}::text]`, f.tag);
  if (f.cacheId) {
    if (!isUuid(f.cacheId)) throw badField("filter.cacheId", "not an id");
    add((n) => `r."cacheId" = ${n}::uuid`, f.cacheId);
  }
  for (const [i, c] of (f.config ?? []).entries()) {
    let path: string[];
    try {
      path = configPath(c.path);
    } catch {
      throw badInput(`filter.config.${i}.path: "${c.path}" is not a dotted path of keys`, [{ path: `filter.config.${i}.path`, message: "not a dotted path" }]);
    }
    params.push(path);
    const pn = `$${params.length}`;
    add((n) => `r.config #> ${pn}::text[] = ${n}::jsonb`, JSON.stringify(c.value));
  }
  const whereSql = where.join(" AND ");
  const countParams = [...params];
  const { expr, cast } = sortSpec(sort, params);
  const dir = sort.direction === "ASC" ? "ASC" : "DESC";
  const cmp = dir === "ASC" ? ">" : "<";
  let cursorSql = "";
  if (args.after) {
    const c = decodeCursor(args.after);
    params.push(c.v, c.id);
    cursorSql = ` AND (${expr}, r.id) ${cmp} ($${params.length - 1}::${cast}, $${params.length}::uuid)`;
  }
  params.push(first + 1);
  const sql = `SELECT r.id, (${expr})::text AS sort_value FROM "Run" r JOIN "Project" p ON p.id = r."projectId"
               WHERE ${whereSql}${cursorSql} ORDER BY ${expr} ${dir}, r.id ${dir} LIMIT $${params.length}`;
  const [page, count] = await Promise.all([
    pool.query<{ id: string; sort_value: string | null }>(sql, params),
    pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Run" r JOIN "Project" p ON p.id = r."projectId" WHERE ${whereSql}`, countParams),
  ]);
  const rows = page.rows.slice(0, first);
  const runs = await prisma.run.findMany({ where: { id: { in: rows.map((r) => r.id) } } });
  const byId = new Map(runs.map((r) => [r.id, r]));
  const edges = rows.flatMap((r) => {
    const node = byId.get(r.id);
    return node ? [{ cursor: encodeCursor({ v: r.sort_value, id: r.id }), node }] : [];
  });
  return {
    edges,
    pageInfo: { hasNextPage: page.rows.length > first, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: count.rows[0].n,
  };
}
