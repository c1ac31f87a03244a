"use client";
import { METRIC_NAMES } from "@loffta/graphql/domain";
import Link from "next/link";
import { useEffect, useMemo, useState } from "react";
import { BarsChart, PALETTE, SeriesChart, type Series } from "../components/SeriesChart";
import { Empty, ErrorBox, Loading, StatusBadge } from "../components/states";
import {
  CompareRunsDocument,
  MetricSeriesDocument,
  RunPickerDocument,
  type CompareRunsQuery,
} from "../generated/graphql";
import { CostPlot } from "./CostPlot";
import { fmtBytes, fmtJson, fmtNumber, fmtRatio, kindLabel, metricSpec } from "../lib/format";
import { useQuery } from "../lib/hooks";
import { defaultCompareKeys, keyTitle, panelsOf } from "../lib/panels";
import { aggregateSeries, groupBySeed, meanStd } from "../lib/seeds";
import { useUrlState } from "../lib/url";
import { seriesId } from "./liveSeries";

const MAX_POINTS = 1000;
/** The API's limit of keys per metricSeries request. */
const MAX_KEYS = 20;

export function CompareView() {
  const { list, set, params } = useUrlState();
  const ids = list("ids").slice(0, 20);
  const setIds = (next: string[]) => set({ ids: next.join(",") || null });
  // Opened from a report's "compare" link (?report=<id>): a way back to it.
  const report = params.get("report");

  return (
    <>
      <div className="page-head">
        <div>
          {report && (
            <p className="crumbs">
              <Link href={`/reports/${encodeURIComponent(report)}`} data-testid="back-to-report">
                ← Back to the report
              </Link>
            </p>
          )}
          <h1>Compare runs</h1>
        </div>
        <p className="muted small">The run ids are in the address: share the link to share the comparison.</p>
      </div>
      <RunPicker ids={ids} onChange={setIds} />
      {ids.length === 0 ? (
        <Empty>Pick two or more runs above (or select them in the Runs table) to compare them.</Empty>
      ) : (
        <Comparison ids={ids} onRemove={(id) => setIds(ids.filter((x) => x !== id))} />
      )}
    </>
  );
}

function RunPicker({ ids, onChange }: { ids: string[]; onChange: (ids: string[]) => void }) {
  const [open, setOpen] = useState(false);
  const [search, setSearch] = useState("");
  const q = useQuery(RunPickerDocument, {}, { skip: !open });
  const rows = (q.data?.runs.edges ?? [])
    .map((e) => e.node)
    .filter((r) => !search || r.name.toLowerCase().includes(search.toLowerCase()));
  return (
    <section className="card picker">
      <div className="card-head">
        <h2>Runs ({ids.length})</h2>
        <button type="button" onClick={() => setOpen((o) => !o)} aria-expanded={open}>
          {open ? "Close picker" : "Add or remove runs"}
        </button>
      </div>
      {open &&
        (q.error ? (
          <ErrorBox error={q.error} retry={() => void q.refetch()} />
        ) : !q.data ? (
          <Loading what="Loading runs" />
        ) : (
          <>
            <input
              type="search"
              placeholder="filter by name"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
            />
            <ul className="pick-list">
              {rows.map((r) => (
                <li key={r.id}>
                  <label>
                    <input
                      type="checkbox"
                      checked={ids.includes(r.id)}
                      onChange={() =>
                        onChange(ids.includes(r.id) ? ids.filter((x) => x !== r.id) : [...ids, r.id])
                      }
                    />{" "}
                    {r.name}{" "}
                    <span className="muted small">
                      {kindLabel(r.kind)} · {r.status.toLowerCase()}
                    </span>
                  </label>
                </li>
              ))}
              {rows.length === 0 && <li className="muted">No runs.</li>}
            </ul>
          </>
        ))}
    </section>
  );
}

type CompareData = CompareRunsQuery["compareRuns"];
type CompareRun = CompareData["runs"][number];

/** A row of the final-metrics table and a line of the charts: one run, or the seeds of one setting. */
interface Row {
  id: string;
  name: string;
  runs: CompareRun[];
  /** True for a group of ≥ 2 runs differing only in seed. */
  grouped: boolean;
}

function Comparison({ ids, onRemove }: { ids: string[]; onRemove: (id: string) => void }) {
  const { set, params } = useUrlState();
  const q = useQuery(CompareRunsDocument, { ids });
  const runs = q.data?.compareRuns.runs;
  // Every key any of the runs logged, in chart order (lib/panels.ts: losses, the catalogue's
  // metrics, the rest, lr, throughput, epoch).
  const available = useMemo(
    () => panelsOf(Array.from(new Set((runs ?? []).flatMap((r) => r.metricKeys)))).flatMap((p) => p.keys),
    [runs],
  );
  // The charted keys are in the URL (?keys=a,b; "none" for none); without it, the default
  // (defaultCompareKeys). A change shows at once, before the router has replaced the URL.
  const urlKeys = params.get("keys");
  const [pendingKeys, setPendingKeys] = useState<{ v: string | null } | null>(null);
  useEffect(() => setPendingKeys(null), [urlKeys]);
  const keysParam = pendingKeys ? pendingKeys.v : urlKeys;
  const picked = useMemo(() => {
    const wanted = keysParam != null ? keysParam.split(",").filter(Boolean) : defaultCompareKeys(available);
    const has = new Set(wanted);
    return available.filter((k) => has.has(k)).slice(0, MAX_KEYS);
  }, [keysParam, available]);
  const setKeysParam = (v: string | null) => {
    setPendingKeys({ v });
    set({ keys: v });
  };
  const setPicked = (next: string[]) =>
    setKeysParam(next.length === 0 ? "none" : available.filter((k) => next.includes(k)).join(","));
  // Seed grouping (?group=seeds), the same way.
  const urlGroup = params.get("group") === "seeds";
  const [pendingGroup, setPendingGroup] = useState<boolean | null>(null);
  useEffect(() => setPendingGroup(null), [urlGroup]);
  const grouping = pendingGroup ?? urlGroup;
  const setGrouping = (on: boolean) => {
    setPendingGroup(on);
    set({ group: on ? "seeds" : null });
  };

  const series = useQuery(
    MetricSeriesDocument,
    { runIds: ids, keys: picked, maxPoints: MAX_POINTS },
    { skip: !runs || picked.length === 0 },
  );

  // Seeds of one setting (lib/seeds.ts): same kind, cache and effective config apart from `seed`.
  const groups = useMemo(() => groupBySeed(runs ?? []), [runs]);
  const seedGroups = groups.filter((g) => g.runs.length > 1);
  const rows = useMemo<Row[]>(
    () =>
      grouping
        ? groups.map((g) =>
            g.runs.length > 1
              ? {
                  id: `group:${g.runs[0].id}`,
                  name: `${g.name} (${g.runs.length} seeds)`,
                  runs: g.runs,
                  grouped: true,
                }
              : { id: g.runs[0].id, name: g.runs[0].name, runs: g.runs, grouped: false },
          )
        : (runs ?? []).map((r) => ({ id: r.id, name: r.name, runs: [r], grouped: false })),
    [grouping, groups, runs],
  );

  // One colour per row (run or seed group) in every chart, and one legend above them all;
  // clicking a legend entry hides that row in every chart.
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const colors = useMemo(() => new Map(rows.map((r, i) => [r.id, PALETTE[i % PALETTE.length]])), [rows]);
  const charts = useMemo(() => {
    const byId = new Map((series.data?.metricSeries ?? []).map((s) => [seriesId(s.runId, s.key), s]));
    return picked.map((k) => ({
      key: k,
      series: rows.flatMap((row): Series[] => {
        if (hidden.has(row.id)) return [];
        const color = colors.get(row.id);
        const members = row.runs.flatMap((r) => {
          const s = byId.get(seriesId(r.id, k));
          return s && s.steps.length ? [s] : [];
        });
        if (members.length === 0) return [];
        if (!row.grouped)
          return [{ name: row.name, color, steps: members[0].steps, values: members[0].values }];
        const a = aggregateSeries(members);
        if (!a) return [];
        return [
          {
            name: `${row.name} mean`,
            color,
            steps: a.steps,
            values: a.mean,
            band: { lo: a.min, hi: a.max, std: a.std, n: a.n },
          },
        ];
      }),
    }));
  }, [series.data, picked, rows, hidden, colors]);

  if (q.error) return <ErrorBox error={q.error} retry={() => void q.refetch()} />;
  if (!q.data || !runs) return <Loading what="Comparing" />;
  const c = q.data.compareRuns;
  const names = runs.map((r) => r.name);

  return (
    <>
      <section className="card">
        <div className="table-wrap">
          <table className="data compact" data-testid="compare-runs">
            <thead>
              <tr>
                <th>Run</th>
                <th>Kind</th>
                <th className="num">Seed</th>
                <th>Status</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {runs.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link href={`/runs/${r.id}`}>{r.name}</Link>
                  </td>
                  <td>{kindLabel(r.kind)}</td>
                  <td className="num">{r.seed}</td>
                  <td>
                    <StatusBadge status={r.status} />
                  </td>
                  <td>
                    <button type="button" className="link" onClick={() => onRemove(r.id)}>
                      remove
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section className="card" data-testid="compare-curves">
        <div className="card-head">
          <h2>Curves</h2>
          <span className="muted small">
            one chart per metric key, runs overlaid · drag or scroll to zoom
            {grouping && seedGroups.length > 0 ? " · seeds of a setting: mean line, min–max band" : ""}
          </span>
          <label
            className="check inline"
            title="Runs that differ only in seed (same kind, cache and config) as one mean line with a min–max band"
          >
            <input
              type="checkbox"
              data-testid="group-seeds"
              checked={grouping}
              onChange={(e) => setGrouping(e.target.checked)}
            />{" "}
            Group seeds
            <span className="muted small">
              {seedGroups.length
                ? ` (${seedGroups.length} setting${seedGroups.length === 1 ? "" : "s"} with ${seedGroups.map((g) => g.runs.length).join(", ")} seeds)`
                : " (no runs differ only in seed)"}
            </span>
          </label>
        </div>
        {available.length === 0 ? (
          <Empty>None of these runs has logged metrics yet.</Empty>
        ) : (
          <>
            <KeyPicker
              available={available}
              picked={picked}
              onChange={setPicked}
              onDefault={() => setKeysParam(null)}
            />
            {picked.length === 0 ? (
              <Empty>Pick the metric keys to chart above.</Empty>
            ) : series.error ? (
              <ErrorBox error={series.error} retry={() => void series.refetch()} />
            ) : !series.data ? (
              <Loading what="Loading curves" />
            ) : (
              <>
                <ul className="series-legend" data-testid="compare-legend">
                  {rows.map((r) => (
                    <li key={r.id}>
                      <button
                        type="button"
                        aria-pressed={!hidden.has(r.id)}
                        className={hidden.has(r.id) ? "off" : undefined}
                        title={hidden.has(r.id) ? "show in every chart" : "hide in every chart"}
                        onClick={() =>
                          setHidden((h) => {
                            const next = new Set(h);
                            if (!next.delete(r.id)) next.add(r.id);
                            return next;
                          })
                        }
                      >
                        <span
                          className={`swatch${r.grouped ? " band" : ""}`}
                          style={{ background: colors.get(r.id) }}
                        />
                        {r.name}
                        {r.grouped && <span className="muted small"> mean · min–max band</span>}
                      </button>
                    </li>
                  ))}
                </ul>
                <div className="chart-grid">
                  {charts.map((ch) => (
                    <SeriesChart
                      key={ch.key}
                      title={keyTitle(ch.key)}
                      testId={`compare-chart-${ch.key}`}
                      height={260}
                      legend={false}
                      series={ch.series}
                    />
                  ))}
                </div>
              </>
            )}
          </>
        )}
      </section>

      <FinalMetrics data={c} rows={rows} />

      <section className="card">
        <h2>Configuration differences</h2>
        {runs.length < 2 ? (
          <Empty>Add another run to see what differs.</Empty>
        ) : c.configDiff.length === 0 ? (
          <Empty>The configurations are identical.</Empty>
        ) : (
          <div className="table-wrap sticky-first" data-testid="config-diff-wrap">
            <table className="data compact" data-testid="config-diff">
              <thead>
                <tr>
                  <th>Config path</th>
                  {names.map((n, i) => (
                    <th key={i} className="wrap">
                      {n}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {c.configDiff.map((d) => (
                  <tr key={d.path}>
                    <th className="mono">{d.path}</th>
                    {d.values.map((v, i) => (
                      <td key={i} className="mono">
                        {fmtJson(v)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <CostPlot
        points={c.cost.map((x, i) => ({
          id: x.run.id,
          name: names[i],
          kind: c.runs[i].kind,
          totalSeconds: x.totalSeconds ?? null,
          memoryGbSeconds: x.memoryGbSeconds ?? null,
          cacheShareSeconds: x.cacheShareSeconds,
          metrics: x.run.finalMetrics as Record<string, number> | null,
        }))}
      />

      <section className="card">
        <h2>Efficiency against fine-tuning</h2>
        <div className="table-wrap sticky-first">
          <table className="data compact" data-testid="compare-efficiency">
            <thead>
              <tr>
                <th>Run</th>
                <th className="num">img/s</th>
                <th className="num">Peak memory</th>
                <th>Baseline</th>
                <th className="num">Speed-up</th>
                <th className="num">Memory saving</th>
              </tr>
            </thead>
            <tbody>
              {c.efficiency.map((e, i) => (
                <tr key={e.run.id}>
                  <th className="wrap">{names[i]}</th>
                  <td className="num">{fmtNumber(e.trainImagesPerSec)}</td>
                  <td className="num">{fmtBytes(e.peakMemoryBytes)}</td>
                  <td>
                    {e.baselineRun ? (
                      <Link href={`/runs/${e.baselineRun.id}`}>{e.baselineRun.name}</Link>
                    ) : (
                      "—"
                    )}
                  </td>
                  <td className="num">{fmtRatio(e.speedup)}</td>
                  <td className="num">{fmtRatio(e.memorySaving)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="grid-2 bars">
          <BarsChart
            title="Speed-up vs fine-tuning (×)"
            labels={names}
            values={c.efficiency.map((e) => e.speedup)}
            unit="×"
            testId="bars-speedup"
          />
          <BarsChart
            title="Memory saving vs fine-tuning (×)"
            labels={names}
            values={c.efficiency.map((e) => e.memorySaving)}
            unit="×"
            testId="bars-memory"
          />
        </div>
      </section>
    </>
  );
}

/** Which metric keys to chart: every key the runs logged, with the default one click away. */
function KeyPicker({
  available,
  picked,
  onChange,
  onDefault,
}: {
  available: string[];
  picked: string[];
  onChange: (keys: string[]) => void;
  onDefault: () => void;
}) {
  const on = new Set(picked);
  return (
    <fieldset className="key-picker" data-testid="metric-picker">
      <legend className="small muted">
        Metric keys charted ({picked.length} of {available.length}
        {available.length > MAX_KEYS ? `, at most ${MAX_KEYS}` : ""})
      </legend>
      <div className="key-list">
        {available.map((k) => (
          <label key={k} className={`chip${on.has(k) ? " on" : ""}`}>
            <input
              type="checkbox"
              data-key={k}
              checked={on.has(k)}
              disabled={!on.has(k) && picked.length >= MAX_KEYS}
              onChange={() => onChange(on.has(k) ? picked.filter((x) => x !== k) : [...picked, k])}
            />
            <span className="mono">{k}</span>
          </label>
        ))}
      </div>
      <div className="row">
        <button type="button" className="link" onClick={onDefault} data-testid="keys-default">
          default (val/ metrics + train/loss)
        </button>
        <button type="button" className="link" onClick={() => onChange(available.slice(0, MAX_KEYS))}>
          all
        </button>
        <button type="button" className="link" onClick={() => onChange([])}>
          none
        </button>
      </div>
    </fieldset>
  );
}

/**
 * Final metrics, one row per run (or per seed group: mean ± std over its runs), one column per
 * catalogue metric (`METRICS`, by label): as many runs as you like stay readable (rows grow
 * down; the columns are the at most six metrics). The best value per column (by the metric's
 * `higherIsBetter`; for groups, the best mean) is highlighted.
 */
function FinalMetrics({ data, rows }: { data: CompareData; rows: Row[] }) {
  const index = new Map(data.runs.map((r, i) => [r.id, i]));
  // Only the catalogue's metrics (METRICS) are compared and ranked, by their direction: the
  // evaluation's size or split is not a metric.
  const metrics = data.metrics
    .flatMap((m) => {
      const spec = metricSpec(m.key);
      return spec ? [{ ...spec, values: m.values }] : [];
    })
    .sort((a, b) => METRIC_NAMES.indexOf(a.name) - METRIC_NAMES.indexOf(b.name));
  const cells = rows.map((row) =>
    metrics.map((m) =>
      meanStd(
        row.runs.flatMap((r) => {
          const v = m.values[index.get(r.id) ?? -1];
          return v == null ? [] : [v];
        }),
      ),
    ),
  );
  const best = metrics.map((m, j) => {
    const xs = cells.flatMap((cs) => (cs[j] ? [cs[j].mean] : []));
    return xs.length > 1 ? (m.higherIsBetter ? Math.max(...xs) : Math.min(...xs)) : null;
  });
  const anyGroup = rows.some((r) => r.grouped);
  return (
    <section className="card">
      <div className="card-head">
        <h2>Final metrics</h2>
        {anyGroup && <span className="muted small">seed groups: mean ± sample std over their runs</span>}
      </div>
      {metrics.length === 0 ? (
        <Empty>No final metrics yet.</Empty>
      ) : (
        <div className="table-wrap sticky-first" data-testid="compare-metrics-wrap">
          <table className="data compact" data-testid="compare-metrics">
            <thead>
              <tr>
                <th>{anyGroup ? "Run / setting" : "Run"}</th>
                <th>Kind</th>
                {anyGroup && <th className="num">Seeds</th>}
                {metrics.map((m) => (
                  <th key={m.name} className="num" data-metric={m.name}>
                    {m.label}{" "}
                    <span title={m.higherIsBetter ? "higher is better" : "lower is better"}>
                      {m.higherIsBetter ? "↑" : "↓"}
                    </span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => (
                <tr key={row.id} data-row={row.id} data-grouped={row.grouped ? "true" : undefined}>
                  <th className="wrap">
                    {row.grouped ? row.name : <Link href={`/runs/${row.runs[0].id}`}>{row.name}</Link>}
                  </th>
                  <td>{kindLabel(row.runs[0].kind)}</td>
                  {anyGroup && (
                    <td className="num">
                      {row.runs.map((r, k) => (
                        <span key={r.id}>
                          {k > 0 && ", "}
                          <Link href={`/runs/${r.id}`} title={r.name}>
                            {r.seed}
                          </Link>
                        </span>
                      ))}
                    </td>
                  )}
                  {cells[i].map((ms, j) => {
                    const isBest = ms != null && best[j] != null && ms.mean === best[j];
                    return (
                      <td
                        key={metrics[j].name}
                        data-metric={metrics[j].name}
                        className={`num${isBest ? " best" : ""}`}
                        data-best={isBest ? "true" : undefined}
                      >
                        {ms == null
                          ? "—"
                          : row.grouped
                            ? `${fmtNumber(ms.mean, 4)} ± ${fmtNumber(ms.std, 2)}`
                            : fmtNumber(ms.mean, 4)}
                        {row.grouped && ms != null && ms.n < row.runs.length ? (
                          <span className="muted small"> (n={ms.n})</span>
                        ) : null}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
