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
import { useEffect, useMemo, useState } from "react";
import { Empty, ErrorBox, Loading, StatusBadge } from "../components/states";
import {
  ArchiveRunsDocument,
  DeleteRunsDocument,
  RunsListDocument,
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
import { useMutation, useQuery } from "../lib/hooks";
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
const VIEWS_KEY = "loffta.savedViews";
const DEFAULT_COLS = ["augmentations.noise.std", "augmentations.resizedCrop.enabled", "optimizer.lr"];

interface SavedView {
  name: string;
  query: string;
}

/** `sort` parameter: created | name | ips | metric:<key> | config:<path> (config sorts the loaded rows). */
function serverSort(sort: string, dir: "ASC" | "DESC"): RunSort {
  if (sort === "name") return { field: "NAME", direction: dir };
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

function compareValues(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === undefined || a === null) return 1;
  if (b === undefined || b === null) return -1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  return JSON.stringify(a).localeCompare(JSON.stringify(b));
}

export function RunsView() {
  const { params, set, list } = useUrlState();
  const kinds = list("kind").filter((k): k is RunKind => (ALL_RUN_KINDS as string[]).includes(k));
  const statuses = list("status").filter((s): s is RunStatus => (STATUSES as string[]).includes(s));
  const tag = params.get("tag") ?? "";
  const cacheId = params.get("cache") ?? "";
  const cfg = params.getAll("cfg");
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
  };
  const q = useQuery(RunsListDocument, { filter, sort: serverSort(sort, dir) });
  const [extra, setExtra] = useState<RunsListQuery["runs"]["edges"]>([]);
  const [more, setMore] = useState<{ hasNextPage: boolean; endCursor: string | null } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [selected, setSelected] = useState<string[]>([]);
  const [views, setViews] = useState<SavedView[]>([]);
  const [viewName, setViewName] = useState("");
  const [cfgDraft, setCfgDraft] = useState("");
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

  useEffect(() => {
    setExtra([]);
    setMore(null);
  }, [q.data]);
  useEffect(() => {
    try {
      setViews(JSON.parse(localStorage.getItem(VIEWS_KEY) ?? "[]") as SavedView[]);
    } catch {
      setViews([]);
    }
  }, []);

  const rows: RunListItemFragment[] = useMemo(() => {
    const all = [...(q.data?.runs.edges ?? []), ...extra].map((e) => e.node);
    if (sort.startsWith("config:")) {
      const path = sort.slice(7);
      all.sort(
        (a, b) => compareValues(getPath(a.config, path), getPath(b.config, path)) * (dir === "ASC" ? 1 : -1),
      );
    }
    return all;
  }, [q.data, extra, sort, dir]);

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

  const toggleList = (k: string, cur: string[], v: string) =>
    set({ [k]: (cur.includes(v) ? cur.filter((x) => x !== v) : [...cur, v]).join(",") });
  const sortBy = (key: string) => set({ sort: key, dir: sort === key && dir === "DESC" ? "asc" : "desc" });
  const arrow = (key: string) => (sort === key ? (dir === "ASC" ? " ▲" : " ▼") : "");

  const saveView = () => {
    const name = viewName.trim();
    if (!name) return;
    const next = [...views.filter((v) => v.name !== name), { name, query: params.toString() }];
    setViews(next);
    localStorage.setItem(VIEWS_KEY, JSON.stringify(next));
    setViewName("");
  };
  const deleteView = (name: string) => {
    const next = views.filter((v) => v.name !== name);
    setViews(next);
    localStorage.setItem(VIEWS_KEY, JSON.stringify(next));
  };

  return (
    <>
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
            <span key={v.name} className="chip">
              <Link href={`/runs${v.query ? `?${v.query}` : ""}`}>{v.name}</Link>
              <button
                type="button"
                className="link"
                aria-label={`delete view ${v.name}`}
                onClick={() => deleteView(v.name)}
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
          <button type="button" onClick={saveView} disabled={!viewName.trim()}>
            Save view
          </button>
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
            {q.data.runs.totalCount} {archived ? "archived " : ""}runs{q.loading ? " · refreshing…" : ""}
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
