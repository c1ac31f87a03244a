"use client";
import {
  isMetricName,
  METRIC_NAMES,
  METRICS,
  ALL_RUN_KINDS,
  RUN_KINDS,
  type MetricName,
} from "@loffta/graphql/domain";
import Link from "next/link";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Empty, ErrorBox, Loading, StatusBadge } from "../components/states";
import {
  ArchiveRunsDocument,
  DeleteRunsDocument,
  DeleteViewDocument,
  ProjectsDocument,
  RunUpdatedDocument,
  RunsDeletedDocument,
  RunsListDocument,
  SavedViewsDocument,
  SaveViewDocument,
  TagRunsDocument,
  UnarchiveRunsDocument,
  type RunFilter,
  type RunKind,
  type RunListItemFragment,
  type RunSort,
  type RunStatus,
  type RunsListQuery,
} from "../generated/graphql";
import {
  fmtAgo,
  fmtBytes,
  fmtJson,
  fmtNumber,
  getPath,
  kindLabel,
  leafPaths,
  runMetrics,
} from "../lib/format";
import { jsonCell, toCsv } from "../lib/csv";
import { combinedLive, useMutation, useQuery, useSubscription, type LiveStatus } from "../lib/hooks";
import { useSession } from "../lib/session";
import { useUrlState } from "../lib/url";

/** Lifecycle order of the generated RunStatus (a Record: a status added to the SDL must be placed here). */
const STATUS_ORDER: Record<RunStatus, number> = {
  QUEUED: 0,
  RUNNING: 1,
  SUCCEEDED: 2,
  FAILED: 3,
  CANCELLED: 4,
};
const STATUSES = (Object.keys(STATUS_ORDER) as RunStatus[]).sort((a, b) => STATUS_ORDER[a] - STATUS_ORDER[b]);
const DEFAULT_COLS = ["augmentations.noise.std", "augmentations.resizedCrop.enabled", "optimizer.lr"];

/** Most rows "Download CSV" fetches (page by page); it says so when the view has more. */
const CSV_MAX_ROWS = 5000;

/** `sort` parameter: created | name | ips | metric:<key> | config:<path> (all sorted by the API). */
function serverSort(sort: string, dir: "ASC" | "DESC"): RunSort {
  if (sort === "name") return { field: "NAME", direction: dir };
  if (sort.startsWith("config:") && sort.length > 7)
    return { field: "CONFIG", configPath: sort.slice(7), direction: dir };
  if (sort === "ips") return { field: "TRAIN_IMAGES_PER_SEC", direction: dir };
  if (sort.startsWith("metric:") && isMetricName(sort.slice(7)))
    return { field: "METRIC", metricKey: sort.slice(7), direction: dir };
  return { field: "CREATED_AT", direction: sort === "created" ? dir : "DESC" };
}

function parseJsonish(v: string): unknown {
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

/** A bound of a range parameter (`key:min:max`): a finite number, or undefined when empty. */
function bound(v: string | undefined): number | undefined {
  if (v === undefined || v.trim() === "") return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
}

/** `key:min:max` (either bound empty) → { key, min, max }; null when malformed. */
function parseRange(v: string): { key: string; min?: number; max?: number } | null {
  const parts = v.split(":");
  if (parts.length !== 3 || !parts[0]) return null;
  const min = bound(parts[1]);
  const max = bound(parts[2]);
  return { key: parts[0], ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };
}

const rangeLabel = (r: { key: string; min?: number; max?: number }) =>
  `${r.min ?? ""}${r.min !== undefined ? " ≤ " : ""}${r.key}${r.max !== undefined ? ` ≤ ${r.max}` : ""}`;

/** Projects whose runs the table follows live (one runUpdated subscription each). */
const MAX_LIVE_PROJECTS = 20;
/** A run the table has not loaded was announced: reload the view after this quiet time. */
const NEW_RUN_RELOAD_MS = 1000;

/** runUpdated and runsDeleted of one project, handed to `onRun` / `onDeleted`; renders nothing. */
function LiveProject({
  projectId,
  onRun,
  onDeleted,
  onStatus,
}: {
  projectId: string;
  onRun: (run: RunListItemFragment) => void;
  onDeleted: (ids: string[]) => void;
  onStatus: (id: string, s: LiveStatus) => void;
}) {
  const updated = useSubscription(RunUpdatedDocument, { projectId }, (d) => onRun(d.runUpdated));
  const deleted = useSubscription(RunsDeletedDocument, { projectId }, (d) => onDeleted(d.runsDeleted.ids));
  const status = combinedLive([updated.status, deleted.status]);
  useEffect(() => onStatus(projectId, status), [projectId, status, onStatus]);
  return null;
}

export function RunsView() {
  const { params, set, list } = useUrlState();
  const kinds = list("kind").filter((k): k is RunKind => (ALL_RUN_KINDS as string[]).includes(k));
  const statuses = list("status").filter((s): s is RunStatus => (STATUSES as string[]).includes(s));
  const tag = params.get("tag") ?? "";
  const cacheId = params.get("cache") ?? "";
  const cfg = params.getAll("cfg");
  // `m=accuracy:0.8:` (metric ranges), `cr=optimizer.lr::0.01` (config ranges), `q=` (name search).
  const mRanges = params.getAll("m");
  const crRanges = params.getAll("cr");
  const nameQ = params.get("q") ?? "";
  const sort = params.get("sort") ?? "created";
  const dir = params.get("dir") === "asc" ? "ASC" : "DESC";
  const cols = params.has("cols") ? list("cols").filter((c) => c !== "-") : DEFAULT_COLS;
  const metricCols = list("metrics").filter(isMetricName);
  // `archived=1`: the archived runs (only them), else the runs that are not archived.
  const archived = params.get("archived") === "1";

  const filter: RunFilter = {
    ...(kinds.length ? { kinds } : {}),
    ...(statuses.length ? { statuses } : {}),
    ...(tag ? { tag } : {}),
    ...(cacheId ? { cacheId } : {}),
    ...(archived ? { archived: true } : {}),
    ...(cfg.length
      ? {
          config: cfg.flatMap((c) => {
            const i = c.indexOf("=");
            return i > 0 ? [{ path: c.slice(0, i), value: parseJsonish(c.slice(i + 1)) }] : [];
          }),
        }
      : {}),
    ...(mRanges.length
      ? {
          metrics: mRanges.flatMap((v) => {
            const r = parseRange(v);
            return r ? [{ key: r.key, min: r.min, max: r.max }] : [];
          }),
        }
      : {}),
    ...(crRanges.length
      ? {
          configRanges: crRanges.flatMap((v) => {
            const r = parseRange(v);
            return r ? [{ path: r.key, min: r.min, max: r.max }] : [];
          }),
        }
      : {}),
    ...(nameQ ? { nameContains: nameQ } : {}),
  };
  const q = useQuery(RunsListDocument, { filter, sort: serverSort(sort, dir) });
  const [extra, setExtra] = useState<RunsListQuery["runs"]["edges"]>([]);
  const [more, setMore] = useState<{ hasNextPage: boolean; endCursor: string | null } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [selected, setSelected] = useState<string[]>([]);
  // Saved views are the team's (savedViews / saveView / deleteView), not this browser's.
  const viewsQ = useQuery(SavedViewsDocument, {});
  const views = viewsQ.data?.savedViews ?? [];
  const saveViewM = useMutation(SaveViewDocument);
  const deleteViewM = useMutation(DeleteViewDocument);
  const [viewError, setViewError] = useState<string | null>(null);
  const [viewName, setViewName] = useState("");
  const [cfgDraft, setCfgDraft] = useState("");
  const [rangeDraft, setRangeDraft] = useState({ what: "metric", key: "accuracy", min: "", max: "" });
  const [csvState, setCsvState] = useState<string | null>(null);
  const { request } = useSession();
  const archiveRuns = useMutation(ArchiveRunsDocument);
  const unarchiveRuns = useMutation(UnarchiveRunsDocument);
  const deleteRuns = useMutation(DeleteRunsDocument);
  const tagRuns = useMutation(TagRunsDocument);
  const [bulkTag, setBulkTag] = useState("");
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [bulkError, setBulkError] = useState<string | null>(null);
  const [bulkDone, setBulkDone] = useState<string | null>(null);
  const bulkBusy = archiveRuns.loading || unarchiveRuns.loading || deleteRuns.loading || tagRuns.loading;

  /** Run a bulk action on the selected runs, then clear the selection and reload the list. */
  const bulk = async (what: string, act: (ids: string[]) => Promise<unknown>) => {
    setBulkError(null);
    setBulkDone(null);
    setConfirmDelete(false);
    try {
      await act(selected);
      setBulkDone(`${what} ${selected.length} run${selected.length === 1 ? "" : "s"}`);
      setSelected([]);
      await q.refetch();
    } catch (e) {
      setBulkError(e instanceof Error ? e.message : String(e));
    }
  };

  // Live rows: a loaded run that changes (status, results, tags, name) is patched in place from
  // runUpdated; a run the view has not loaded (just launched or retried, or renamed into a name
  // search) reloads the view, so the server's filters and sort decide where it goes.
  const [patches, setPatches] = useState<Record<string, RunListItemFragment>>({});
  // Runs deleted (by anyone) since the view was loaded: their rows leave the table.
  const [deletedIds, setDeletedIds] = useState<ReadonlySet<string>>(new Set());
  const onLiveDeleted = useCallback((ids: string[]) => setDeletedIds((d) => new Set([...d, ...ids])), []);
  const projectsQ = useQuery(ProjectsDocument, {});
  const liveProjects = (projectsQ.data?.projects ?? []).slice(0, MAX_LIVE_PROJECTS).map((p) => p.id);
  const [liveStatus, setLiveStatus] = useState<Record<string, LiveStatus>>({});
  const onLiveStatus = useCallback((id: string, s: LiveStatus) => setLiveStatus((m) => (m[id] === s ? m : { ...m, [id]: s })), []);
  const loadedIds = useRef(new Set<string>());
  const reloadTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const refetchRef = useRef(q.refetch);
  refetchRef.current = q.refetch;
  const onLiveRun = useCallback((run: RunListItemFragment) => {
    if (loadedIds.current.has(run.id)) {
      setPatches((p) => ({ ...p, [run.id]: run }));
      return;
    }
    clearTimeout(reloadTimer.current);
    reloadTimer.current = setTimeout(() => void refetchRef.current(), NEW_RUN_RELOAD_MS);
  }, []);
  useEffect(() => () => clearTimeout(reloadTimer.current), []);

  useEffect(() => {
    setExtra([]);
    setMore(null);
    setPatches({});
    setDeletedIds(new Set());
  }, [q.data]);

  const loaded = useMemo(() => [...(q.data?.runs.edges ?? []), ...extra].map((e) => e.node), [q.data, extra]);
  const rows: RunListItemFragment[] = useMemo(
    () => loaded.filter((r) => !deletedIds.has(r.id)).map((r) => patches[r.id] ?? r),
    [loaded, patches, deletedIds],
  );
  const shownTotal = (q.data?.runs.totalCount ?? 0) - (loaded.length - rows.length);
  loadedIds.current = new Set(rows.map((r) => r.id));
  const live = combinedLive(liveProjects.map((id) => liveStatus[id] ?? "connecting"));

  const configPaths = useMemo(
    () => Array.from(new Set(rows.flatMap((r) => leafPaths(r.config)))).sort(),
    [rows],
  );
  // The catalogue's metrics (METRICS) the loaded runs have, in its order.
  const metricKeys: MetricName[] = useMemo(() => {
    const present = new Set(rows.flatMap((r) => runMetrics(r.finalMetrics).map((m) => m.name)));
    return METRIC_NAMES.filter((n) => present.has(n));
  }, [rows]);
  const shownMetrics = metricCols.length ? metricCols : metricKeys.slice(0, 4);
  const pageInfo = more ?? q.data?.runs.pageInfo;

  const loadMore = async () => {
    if (!pageInfo?.endCursor) return;
    setLoadingMore(true);
    try {
      const d = await request(RunsListDocument, {
        filter,
        sort: serverSort(sort, dir),
        after: pageInfo.endCursor,
      });
      setExtra((e) => [...e, ...d.runs.edges]);
      setMore(d.runs.pageInfo);
    } finally {
      setLoadingMore(false);
    }
  };

  /** The current view (filters, sort, visible columns) as a CSV download, page by page up to CSV_MAX_ROWS. */
  const downloadCsv = async () => {
    setCsvState("Preparing CSV…");
    try {
      const nodes: RunListItemFragment[] = [];
      let after: string | null = null;
      let total = 0;
      for (;;) {
        const d: RunsListQuery = await request(RunsListDocument, {
          filter,
          sort: serverSort(sort, dir),
          after,
        });
        total = d.runs.totalCount;
        nodes.push(...d.runs.edges.map((e) => e.node));
        if (!d.runs.pageInfo.hasNextPage || nodes.length >= CSV_MAX_ROWS) break;
        after = d.runs.pageInfo.endCursor;
      }
      const out = nodes.slice(0, CSV_MAX_ROWS);
      const header = [
        "id",
        "name",
        "kind",
        "status",
        "cache",
        ...cols,
        ...shownMetrics,
        "trainImagesPerSec",
        "peakMemoryBytes",
        "createdAt",
      ];
      const body = out.map((r) => {
        const m = new Map(runMetrics(r.finalMetrics).map((x) => [x.name, x.value]));
        return [
          r.id,
          r.name,
          r.kind,
          r.status,
          r.cache ? `${r.cache.model.name} @${r.cache.resolution}` : null,
          ...cols.map((c) => jsonCell(getPath(r.config, c))),
          ...shownMetrics.map((k) => m.get(k) ?? null),
          r.trainImagesPerSec ?? null,
          r.peakMemoryBytes ?? null,
          r.createdAt,
        ];
      });
      const url = URL.createObjectURL(new Blob([toCsv(header, body)], { type: "text/csv;charset=utf-8" }));
      const a = document.createElement("a");
      a.href = url;
      a.download = "runs.csv";
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setCsvState(
        total > out.length
          ? `CSV cut at ${out.length} of ${total} runs (the limit is ${CSV_MAX_ROWS}).`
          : `CSV of ${out.length} run${out.length === 1 ? "" : "s"} downloaded.`,
      );
    } catch (e) {
      setCsvState(`CSV failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  const addRange = () => {
    const key = rangeDraft.key.trim();
    if (!key || (bound(rangeDraft.min) === undefined && bound(rangeDraft.max) === undefined)) return;
    const v = `${key}:${rangeDraft.min.trim()}:${rangeDraft.max.trim()}`;
    if (rangeDraft.what === "metric") set({ m: [...mRanges, v] });
    else set({ cr: [...crRanges, v] });
    setRangeDraft((d) => ({ ...d, min: "", max: "" }));
  };

  const toggleList = (k: string, cur: string[], v: string) =>
    set({ [k]: (cur.includes(v) ? cur.filter((x) => x !== v) : [...cur, v]).join(",") });
  const sortBy = (key: string) => set({ sort: key, dir: sort === key && dir === "DESC" ? "asc" : "desc" });
  const arrow = (key: string) => (sort === key ? (dir === "ASC" ? " ▲" : " ▼") : "");

  const viewAction = async (act: () => Promise<unknown>) => {
    setViewError(null);
    try {
      await act();
      await viewsQ.refetch();
    } catch (e) {
      setViewError(e instanceof Error ? e.message : String(e));
    }
  };
  const saveView = () => {
    const name = viewName.trim();
    if (!name) return;
    void viewAction(async () => {
      await saveViewM.mutate({ input: { name, query: params.toString() } });
      setViewName("");
    });
  };
  const deleteView = (id: string) => void viewAction(() => deleteViewM.mutate({ id }));

  return (
    <>
      {liveProjects.map((id) => (
        <LiveProject key={id} projectId={id} onRun={onLiveRun} onDeleted={onLiveDeleted} onStatus={onLiveStatus} />
      ))}
      <div className="page-head">
        <h1>Runs</h1>
        <div className="actions">
          {selected.length > 0 && (
            <Link
              className="button"
              href={`/compare?ids=${selected.join(",")}`}
              data-testid="compare-selected"
            >
              Compare {selected.length} selected
            </Link>
          )}
          <Link className="button primary" href="/launch">
            Launch run
          </Link>
        </div>
      </div>

      {selected.length > 0 && (
        <section className="card bulk-actions" aria-label="Bulk actions" data-testid="bulk-actions">
          <span className="label">{selected.length} selected</span>
          {archived ? (
            <button
              type="button"
              disabled={bulkBusy}
              data-testid="bulk-unarchive"
              onClick={() => void bulk("Unarchived", (ids) => unarchiveRuns.mutate({ ids }))}
            >
              Unarchive
            </button>
          ) : (
            <button
              type="button"
              disabled={bulkBusy}
              data-testid="bulk-archive"
              onClick={() => void bulk("Archived", (ids) => archiveRuns.mutate({ ids }))}
            >
              Archive
            </button>
          )}
          <form
            className="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              const t = bulkTag.trim();
              if (!t) return;
              void bulk(`Tagged “${t}” on`, (ids) => tagRuns.mutate({ ids, add: [t] })).then(() =>
                setBulkTag(""),
              );
            }}
          >
            <input
              name="bulkTag"
              value={bulkTag}
              onChange={(e) => setBulkTag(e.target.value)}
              placeholder="tag"
              size={12}
              aria-label="tag to add to the selected runs"
            />
            <button type="submit" disabled={bulkBusy || !bulkTag.trim()} data-testid="bulk-tag">
              Add tag
            </button>
          </form>
          {confirmDelete ? (
            <>
              <button
                type="button"
                className="danger"
                disabled={bulkBusy}
                data-testid="bulk-delete-confirm"
                onClick={() => void bulk("Deleted", (ids) => deleteRuns.mutate({ ids }))}
              >
                Delete {selected.length} run{selected.length === 1 ? "" : "s"} for good
              </button>
              <button type="button" className="link" onClick={() => setConfirmDelete(false)}>
                keep them
              </button>
            </>
          ) : (
            <button
              type="button"
              className="danger"
              disabled={bulkBusy}
              data-testid="bulk-delete"
              title="Deletes the runs with their metrics, logs, artifacts and jobs; queued or running runs must be cancelled first"
              onClick={() => setConfirmDelete(true)}
            >
              Delete…
            </button>
          )}
          <button type="button" className="link" onClick={() => setSelected([])}>
            clear selection
          </button>
        </section>
      )}
      {bulkError && (
        <p className="error-text" role="alert" data-testid="bulk-error">
          {bulkError}
        </p>
      )}
      {bulkDone && (
        <p className="muted small" role="status" data-testid="bulk-done">
          {bulkDone}.
        </p>
      )}

      <section className="card filters" aria-label="Filters">
        <div className="filter-group">
          <label className="chip" title="Show the archived runs instead of the others">
            <input
              type="checkbox"
              data-testid="show-archived"
              checked={archived}
              onChange={() => {
                setSelected([]);
                set({ archived: archived ? null : "1" });
              }}
            />{" "}
            archived runs
          </label>
        </div>
        <div className="filter-group">
          <span className="label">Kind</span>
          {ALL_RUN_KINDS.map((k) => (
            <label key={k} className="chip" title={RUN_KINDS[k].summary}>
              <input
                type="checkbox"
                checked={kinds.includes(k)}
                onChange={() => toggleList("kind", kinds, k)}
              />{" "}
              {kindLabel(k)}
            </label>
          ))}
        </div>
        <div className="filter-group">
          <span className="label">Status</span>
          {STATUSES.map((s) => (
            <label key={s} className="chip">
              <input
                type="checkbox"
                checked={statuses.includes(s)}
                onChange={() => toggleList("status", statuses, s)}
              />{" "}
              {s.toLowerCase()}
            </label>
          ))}
        </div>
        <div className="filter-group">
          <label>
            <span className="label">Tag</span>
            <input
              defaultValue={tag}
              key={tag}
              placeholder="any"
              onBlur={(e) => set({ tag: e.target.value.trim() || null })}
              onKeyDown={(e) => e.key === "Enter" && set({ tag: e.currentTarget.value.trim() || null })}
            />
          </label>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (cfgDraft.includes("=")) set({ cfg: [...cfg, cfgDraft.trim()] });
              setCfgDraft("");
            }}
          >
            <label>
              <span className="label">Config</span>
              <input
                value={cfgDraft}
                onChange={(e) => setCfgDraft(e.target.value)}
                placeholder="augmentations.noise.enabled=true"
                list="config-paths"
                size={32}
              />
            </label>
          </form>
          {cfg.map((c) => (
            <button
              key={c}
              type="button"
              className="chip removable"
              onClick={() => set({ cfg: cfg.filter((x) => x !== c) })}
              title="remove filter"
            >
              {c} ✕
            </button>
          ))}
          {cacheId && (
            <button type="button" className="chip removable" onClick={() => set({ cache: null })}>
              cache {cacheId.slice(0, 8)} ✕
            </button>
          )}
        </div>
        <div className="filter-group" data-testid="range-filters">
          <label>
            <span className="label">Name</span>
            <input
              name="nameContains"
              defaultValue={nameQ}
              key={nameQ}
              placeholder="contains…"
              onBlur={(e) => set({ q: e.target.value.trim() || null })}
              onKeyDown={(e) => e.key === "Enter" && set({ q: e.currentTarget.value.trim() || null })}
            />
          </label>
          <form
            className="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              addRange();
            }}
          >
            <span className="label">Range</span>
            <select
              name="rangeWhat"
              aria-label="range on"
              value={rangeDraft.what}
              onChange={(e) =>
                setRangeDraft((d) => ({
                  ...d,
                  what: e.target.value,
                  key: e.target.value === "metric" ? "accuracy" : "",
                }))
              }
            >
              <option value="metric">metric</option>
              <option value="config">config</option>
            </select>
            {rangeDraft.what === "metric" ? (
              <select
                name="rangeKey"
                aria-label="metric"
                value={rangeDraft.key}
                onChange={(e) => setRangeDraft((d) => ({ ...d, key: e.target.value }))}
              >
                {METRIC_NAMES.map((n) => (
                  <option key={n} value={n}>
                    {METRICS[n].label}
                  </option>
                ))}
              </select>
            ) : (
              <input
                name="rangeKey"
                aria-label="config path"
                value={rangeDraft.key}
                onChange={(e) => setRangeDraft((d) => ({ ...d, key: e.target.value }))}
                placeholder="optimizer.lr"
                list="config-leaf-paths"
                size={18}
              />
            )}
            <input
              name="rangeMin"
              aria-label="min"
              inputMode="decimal"
              value={rangeDraft.min}
              onChange={(e) => setRangeDraft((d) => ({ ...d, min: e.target.value }))}
              placeholder="min"
              size={6}
            />
            <input
              name="rangeMax"
              aria-label="max"
              inputMode="decimal"
              value={rangeDraft.max}
              onChange={(e) => setRangeDraft((d) => ({ ...d, max: e.target.value }))}
              placeholder="max"
              size={6}
            />
            <button type="submit" data-testid="add-range">
              Add
            </button>
          </form>
          {mRanges.map((v) => {
            const r = parseRange(v);
            return (
              <button
                key={`m-${v}`}
                type="button"
                className="chip removable"
                data-testid="metric-range-chip"
                onClick={() => set({ m: mRanges.filter((x) => x !== v) })}
                title="remove filter"
              >
                {r ? rangeLabel(r) : v} ✕
              </button>
            );
          })}
          {crRanges.map((v) => {
            const r = parseRange(v);
            return (
              <button
                key={`cr-${v}`}
                type="button"
                className="chip removable"
                data-testid="config-range-chip"
                onClick={() => set({ cr: crRanges.filter((x) => x !== v) })}
                title="remove filter"
              >
                {r ? rangeLabel(r) : v} ✕
              </button>
            );
          })}
          <datalist id="config-leaf-paths">
            {configPaths.map((p) => (
              <option key={p} value={p} />
            ))}
          </datalist>
        </div>
        <div className="filter-group">
          <label>
            <span className="label">Config columns</span>
            <select
              value=""
              onChange={(e) => {
                if (e.target.value && !cols.includes(e.target.value))
                  set({ cols: [...cols, e.target.value].join(",") });
              }}
            >
              <option value="">add column…</option>
              {configPaths.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span className="label">Metric columns</span>
            <select
              value=""
              onChange={(e) => {
                const v = e.target.value;
                if (isMetricName(v) && !shownMetrics.includes(v))
                  set({ metrics: [...shownMetrics, v].join(",") });
              }}
            >
              <option value="">add metric…</option>
              {metricKeys.map((p) => (
                <option key={p} value={p}>
                  {METRICS[p].label}
                </option>
              ))}
            </select>
          </label>
          <datalist id="config-paths">
            {configPaths.map((p) => (
              <option key={p} value={`${p}=`} />
            ))}
          </datalist>
        </div>
        <div className="filter-group saved-views">
          <span className="label">Saved views</span>
          {views.map((v) => (
            <span key={v.id} className="chip" data-testid="saved-view">
              <Link href={`/runs${v.query ? `?${v.query}` : ""}`}>{v.name}</Link>
              <button
                type="button"
                className="link"
                aria-label={`delete view ${v.name}`}
                onClick={() => deleteView(v.id)}
              >
                ✕
              </button>
            </span>
          ))}
          <input
            value={viewName}
            onChange={(e) => setViewName(e.target.value)}
            placeholder="name this view"
            size={14}
          />
          <button
            type="button"
            data-testid="save-view"
            onClick={saveView}
            disabled={!viewName.trim() || saveViewM.loading}
          >
            Save view
          </button>
          {viewError && (
            <span className="error-text small" role="alert">
              {viewError}
            </span>
          )}
          {params.toString() && (
            <Link href="/runs" className="small">
              reset
            </Link>
          )}
        </div>
      </section>

      {q.error ? (
        <ErrorBox error={q.error} retry={() => void q.refetch()} />
      ) : !q.data ? (
        <Loading what="Loading runs" />
      ) : rows.length === 0 ? (
        <Empty>
          No runs match. <Link href="/launch">Launch one</Link> or clear the filters.
        </Empty>
      ) : (
        <>
          <p className="muted small" data-testid="runs-count">
            {shownTotal} {archived ? "archived " : ""}runs{q.loading ? " · refreshing…" : ""}
            {" · "}
            <span data-testid="runs-live" title="rows update while runs progress (runUpdated)">
              {live === "live" ? "live" : live === "error" ? "not live (reload to retry)" : "connecting…"}
            </span>{" "}
            <button type="button" data-testid="download-csv" onClick={() => void downloadCsv()}>
              Download CSV
            </button>{" "}
            {csvState && <span data-testid="csv-state">{csvState}</span>}
          </p>
          <div className="table-wrap">
            <table className="data runs-table" data-testid="runs-table">
              <thead>
                <tr>
                  <th aria-label="select" />
                  <th>
                    <button type="button" className="sort" onClick={() => sortBy("name")}>
                      Name{arrow("name")}
                    </button>
                  </th>
                  <th>Kind</th>
                  <th>Status</th>
                  <th>Cache</th>
                  {cols.map((c) => (
                    <th key={c} className="num">
                      <button type="button" className="sort" onClick={() => sortBy(`config:${c}`)} title={c}>
                        {c.split(".").slice(-2).join(".")}
                        {arrow(`config:${c}`)}
                      </button>
                      <button
                        type="button"
                        className="link remove-col"
                        aria-label={`hide ${c}`}
                        onClick={() => set({ cols: cols.filter((x) => x !== c).join(",") || "-" })}
                      >
                        ✕
                      </button>
                    </th>
                  ))}
                  {shownMetrics.map((m) => (
                    <th key={m} className="num" data-metric={m}>
                      <button
                        type="button"
                        className="sort"
                        data-sort={`metric:${m}`}
                        onClick={() => sortBy(`metric:${m}`)}
                        title={METRICS[m].higherIsBetter ? "higher is better" : "lower is better"}
                      >
                        {METRICS[m].label}
                        {arrow(`metric:${m}`)}
                      </button>
                    </th>
                  ))}
                  <th className="num">
                    <button type="button" className="sort" onClick={() => sortBy("ips")}>
                      img/s{arrow("ips")}
                    </button>
                  </th>
                  <th className="num">Peak mem</th>
                  <th>
                    <button type="button" className="sort" onClick={() => sortBy("created")}>
                      Launched{arrow("created")}
                    </button>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => {
                  const m = new Map(runMetrics(r.finalMetrics).map((x) => [x.name, x.value]));
                  return (
                    <tr key={r.id} data-run-id={r.id}>
                      <td>
                        <input
                          type="checkbox"
                          aria-label={`select ${r.name}`}
                          checked={selected.includes(r.id)}
                          onChange={() =>
                            setSelected((s) =>
                              s.includes(r.id) ? s.filter((x) => x !== r.id) : [...s, r.id],
                            )
                          }
                        />
                      </td>
                      <td>
                        <Link href={`/runs/${r.id}`}>{r.name}</Link>
                        {r.tags.map((t) => (
                          <span key={t} className="tag">
                            {t}
                          </span>
                        ))}
                      </td>
                      <td>{kindLabel(r.kind)}</td>
                      <td>
                        <StatusBadge status={r.status} />
                      </td>
                      <td className="small">
                        {r.cache
                          ? `${r.cache.model.name} @${r.cache.resolution}${r.cache.pooling > 1 ? ` pool ${r.cache.pooling}` : ""}`
                          : "—"}
                      </td>
                      {cols.map((c) => (
                        <td key={c} className="num">
                          {fmtJson(getPath(r.config, c))}
                        </td>
                      ))}
                      {shownMetrics.map((k) => (
                        <td key={k} className="num">
                          {fmtNumber(m.get(k), 4)}
                        </td>
                      ))}
                      <td className="num">{fmtNumber(r.trainImagesPerSec)}</td>
                      <td className="num">{fmtBytes(r.peakMemoryBytes)}</td>
                      <td className="small" title={r.createdAt}>
                        {fmtAgo(r.createdAt)}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {pageInfo?.hasNextPage && (
            <button type="button" onClick={() => void loadMore()} disabled={loadingMore}>
              {loadingMore ? "Loading…" : "Load more"}
            </button>
          )}
        </>
      )}
    </>
  );
}
