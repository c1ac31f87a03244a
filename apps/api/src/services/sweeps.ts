/**
 * Sweeps (issue #17): one base config and values over config paths → one run per setting and
 * seed, launched in one transaction through the single launch path of ./runs.ts (checkLaunch +
 * insertLaunchedRun, what launchRun does), every config resolved by the catalogue's
 * resolveRunConfig first. Reads: a sweep (team-scoped), the team's sweeps, a sweep's runs, its
 * progress and its groups (the pure expansion and grouping: @loffta/graphql/domain sweep.ts).
 */
import type { Run, Sweep } from "@loffta/db";
import {
  canonicalJson,
  checkSweepSpec,
  expandSweep,
  getPath,
  groupSweepRuns,
  isMetricName,
  METRIC_NAMES,
  resolveRunConfig,
  RUN_KINDS,
  RunConfigError,
  setPath,
  type MetricName,
  type RunConfig,
  type SweepGroupOf,
  type SweepParameterSpec,
  type SweepSetting,
  type SweepSpec,
} from "@loffta/graphql/domain";
import type { Viewer } from "../auth";
import type { LaunchSweepInput } from "../generated/resolvers";
import { badField, badInput, isUuid, type FieldError } from "../errors";
import { LIMITS } from "../limits";
import { loadProject, teamScope, type TeamOf } from "./access";
import type { Db } from "./db";
import { checkLaunch, cleanTags, insertLaunchedRun, type LaunchSpec } from "./runs";

/** A sweep's group as the resolvers serve it (`SweepGroup`). */
export type SweepGroupRow = SweepGroupOf<Run>;

export interface SweepPage {
  nodes: Sweep[];
  pageInfo: { hasNextPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number;
}

/** Most field errors one refused launch lists. */
const MAX_ISSUES = 50;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The parameters as stored (and served): nulls dropped, flags as booleans. */
function storedParameters(ps: readonly SweepParameterSpec[]): SweepParameterSpec[] {
  return ps.map((p) =>
    p.values != null ? { path: p.path, values: [...p.values], log: false, integer: false } : { path: p.path, min: p.min, max: p.max, log: !!p.log, integer: !!p.integer },
  );
}

/**
 * Where a config issue of one setting belongs: the swept parameter it is about (its value's index
 * for values, the parameter for a range), else the base config (`input.config.<path>`).
 */
function issueField(spec: SweepSpec, setting: SweepSetting, issuePath: string, message: string): FieldError {
  const i = spec.parameters.findIndex((p) => p.path === issuePath || issuePath.startsWith(`${p.path}.`) || (issuePath !== "" && p.path.startsWith(`${issuePath}.`)));
  if (i < 0) return { path: issuePath ? `input.config.${issuePath}` : "input.config", message };
  const p = spec.parameters[i];
  const value = setting[p.path];
  if (p.values) {
    const j = p.values.findIndex((v) => canonicalJson(v) === canonicalJson(value));
    return { path: `input.parameters.${i}.values.${j}`, message: `${canonicalJson(value)}: ${message}` };
  }
  return { path: `input.parameters.${i}`, message: `drawn value ${canonicalJson(value)}: ${message}` };
}

function refuse(fields: FieldError[]): never {
  const shown = fields.slice(0, MAX_ISSUES);
  throw badInput(`invalid sweep: ${shown.map((f) => `${f.path}: ${f.message}`).join("; ")}${fields.length > shown.length ? ` (and ${fields.length - shown.length} more)` : ""}`, shown);
}

/** One run of a sweep, ready to store. */
interface PlannedRun {
  setting: number;
  seed: number;
  config: RunConfig;
}

/**
 * Launch a sweep: every check first (name, kind, the sweep's shape and cost bound, every
 * setting's config resolved for every seed, the metric, the cache and the baseline), then the
 * sweep and all its runs with their TRAIN jobs in one transaction. BAD_USER_INPUT lists every
 * bad field (`input.parameters.0.path`, `input.parameters.1.values.2`, `input.config.epochs`,
 * `input.count`, `input.seeds.1`, …); nothing is created then.
 */
export async function launchSweep(db: Db, viewer: Viewer, input: LaunchSweepInput): Promise<{ sweep: Sweep; runs: Run[] }> {
  const project = await loadProject(db, viewer, input.projectId);
  const name = input.name.trim();
  if (!name || name.length > 180) throw badField("input.name", "must be 1–180 characters");
  if (RUN_KINDS[input.kind].external) throw badField("input.kind", `${RUN_KINDS[input.kind].label} runs are created by the wandb client, not launched`);
  if (!isObject(input.config)) throw badField("input.config", "must be a JSON object (the base run configuration)");
  const base = input.config;
  const rawSeed = base.seed;
  if (rawSeed !== undefined && input.seeds != null) throw badField("input.config.seed", "give the run seeds in `seeds`, not in the base config");
  const seeds = input.seeds ?? [typeof rawSeed === "number" ? rawSeed : 0];
  const spec: SweepSpec = {
    method: input.method,
    parameters: input.parameters.map((p) => ({ path: p.path, values: p.values, min: p.min, max: p.max, log: p.log, integer: p.integer })),
    count: input.count,
    seed: input.seed,
    seeds,
  };
  const shape = checkSweepSpec(spec);
  if (shape.length) refuse(shape.map((i) => ({ path: `input.${i.path}`, message: i.message })));
  const tags = cleanTags(input.tags, "input.tags");
  if (input.notes && input.notes.length > 20_000) throw badField("input.notes", "at most 20,000 characters");

  // Every setting × seed resolved exactly as launchRun resolves one config.
  const settings = expandSweep(spec);
  const paths = spec.parameters.map((p) => p.path);
  const fields = new Map<string, FieldError>();
  const planned: PlannedRun[] = [];
  const effective: SweepSetting[] = [];
  for (const [k, setting] of settings.entries()) {
    const config = Object.entries(setting).reduce<unknown>((c, [path, value]) => setPath(c, path, value), base);
    for (const seed of seeds) {
      try {
        const resolved = resolveRunConfig(input.kind, config, seed);
        planned.push({ setting: k, seed, config: resolved });
        if (seed === seeds[0]) effective.push(Object.fromEntries(paths.map((p) => [p, getPath(resolved, p)])));
      } catch (e) {
        if (!(e instanceof RunConfigError)) throw e;
        for (const issue of e.issues) {
          const f = issueField(spec, setting, issue.path, issue.message);
          if (!fields.has(f.path)) fields.set(f.path, f);
        }
      }
    }
  }
  if (fields.size) refuse([...fields.values()]);
  const metric = input.metric ?? planned[0].config.earlyStopping.metric;
  if (!isMetricName(metric)) throw badField("input.metric", `must be a metric: ${METRIC_NAMES.join(", ")}`);
  const checked = await checkLaunch(db, viewer, { kind: input.kind, cacheId: input.cacheId, baselineRunId: input.baselineRunId });

  const width = String(settings.length).length;
  const result = await db.prisma.$transaction(
    async (tx) => {
      const sweep = await tx.sweep.create({
        data: {
          projectId: project.id,
          name,
          kind: input.kind,
          method: input.method,
          baseConfig: {},
          parameters: [],
          settings: [],
          count: input.method === "RANDOM" ? spec.count : null,
          samplingSeed: input.method === "RANDOM" ? (spec.seed ?? 0) : null,
          seeds: [...seeds],
          metric,
          authorId: viewer.userId,
        },
      });
      // JSON text parameters store the numbers exactly (Prisma's JS engine rounds floats in Json values).
      await tx.$executeRaw`UPDATE "Sweep" SET "baseConfig" = ${JSON.stringify(base)}::jsonb, parameters = ${JSON.stringify(storedParameters(spec.parameters))}::jsonb,
        settings = ${JSON.stringify(effective)}::jsonb WHERE id = ${sweep.id}::uuid`;
      const ids: string[] = [];
      for (const p of planned) {
        const run: LaunchSpec = {
          projectId: project.id,
          name: `${name}-${String(p.setting + 1).padStart(width, "0")}-s${p.seed}`,
          kind: input.kind,
          config: p.config,
          cacheId: checked.cacheId,
          baselineRunId: checked.baselineRunId,
          tags,
          notes: input.notes,
        };
        ids.push((await insertLaunchedRun(tx, viewer, run, checked)).id);
      }
      await tx.run.updateMany({ where: { id: { in: ids } }, data: { sweepId: sweep.id } });
      return { sweepId: sweep.id, ids };
    },
    // Up to 256 runs × 4 statements in one transaction: more than Prisma's default 5 s on a busy server.
    { timeout: 120_000, maxWait: 20_000 },
  );
  const sweep = await db.prisma.sweep.findUniqueOrThrow({ where: { id: result.sweepId } });
  const runs = await db.prisma.run.findMany({ where: { id: { in: result.ids } } });
  const byId = new Map(runs.map((r) => [r.id, r]));
  return { sweep, runs: result.ids.flatMap((id) => byId.get(id) ?? []) };
}

/** A sweep of the viewer's team, or null. */
export async function findSweep(db: Db, viewer: TeamOf, id: string): Promise<Sweep | null> {
  if (!isUuid(id)) return null;
  return db.prisma.sweep.findFirst({ where: { id, project: teamScope.project(viewer) } });
}

/** The team's sweeps (of one project: NOT_FOUND for a project not in the team), newest first. */
export async function listSweeps(db: Db, viewer: TeamOf, args: { projectId?: string | null; first?: number | null; after?: string | null }): Promise<SweepPage> {
  const first = args.first ?? 20;
  if (!Number.isInteger(first) || first < 1 || first > LIMITS.maxPageSize) throw badField("first", `must be between 1 and ${LIMITS.maxPageSize}`);
  const where = { project: teamScope.project(viewer), ...(args.projectId ? { projectId: (await loadProject(db, viewer, args.projectId)).id } : {}) };
  let cursor = {};
  if (args.after) {
    const after = await findSweep(db, viewer, args.after);
    if (!after) throw badField("after", "not the id of a sweep of the team (pass pageInfo.endCursor)");
    cursor = { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] };
  }
  const [rows, totalCount] = await Promise.all([
    db.prisma.sweep.findMany({ where: { ...where, ...cursor }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: first + 1 }),
    db.prisma.sweep.count({ where }),
  ]);
  const nodes = rows.slice(0, first);
  return { nodes, pageInfo: { hasNextPage: rows.length > first, startCursor: nodes[0]?.id ?? null, endCursor: nodes.at(-1)?.id ?? null }, totalCount };
}

/** A run's sweep (the run is already scoped), or null. */
export function getSweep(db: Db, id: string | null): Promise<Sweep | null> | null {
  return id ? db.prisma.sweep.findUnique({ where: { id } }) : null;
}

/** One read of a sweep's runs per request (its runs, progress and groups share it). */
const runsRead = new WeakMap<Sweep, Promise<Run[]>>();

export function sweepRuns(db: Db, sweep: Sweep): Promise<Run[]> {
  let p = runsRead.get(sweep);
  if (!p) {
    p = db.prisma.run.findMany({ where: { sweepId: sweep.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    runsRead.set(sweep, p);
  }
  return p;
}

/** The swept parameters as stored. */
export function sweepParameters(sweep: Sweep): SweepParameterSpec[] {
  return Array.isArray(sweep.parameters) ? (sweep.parameters as unknown as SweepParameterSpec[]) : [];
}

function sweepSettings(sweep: Sweep): SweepSetting[] {
  return Array.isArray(sweep.settings) ? (sweep.settings as unknown as SweepSetting[]) : [];
}

/** A sweep's groups: one per setting, its runs by seed, mean ± std of their final metrics. */
export async function sweepGroups(db: Db, sweep: Sweep): Promise<SweepGroupRow[]> {
  const metric: MetricName = isMetricName(sweep.metric) ? sweep.metric : "accuracy";
  return groupSweepRuns(
    sweepParameters(sweep).map((p) => p.path),
    sweepSettings(sweep),
    sweep.seeds,
    await sweepRuns(db, sweep),
    metric,
  );
}

/** Number of settings of a sweep. */
export function sweepSettingCount(sweep: Sweep): number {
  return sweepSettings(sweep).length;
}
