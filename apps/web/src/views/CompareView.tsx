"use client";
import { METRIC_NAMES } from "@loffta/graphql/domain";
import Link from "next/link";
import { useMemo, useState } from "react";
import { BarsChart, SeriesChart } from "../components/SeriesChart";
import { Empty, ErrorBox, Loading, StatusBadge } from "../components/states";
import { CompareRunsDocument, MetricSeriesDocument, RunPickerDocument } from "../generated/graphql";
import { fmtBytes, fmtJson, fmtNumber, fmtRatio, kindLabel, metricSpec } from "../lib/format";
import { useQuery } from "../lib/hooks";
import { useUrlState } from "../lib/url";
import { seriesId } from "./liveSeries";

const MAX_POINTS = 1000;
const MAX_CHARTS = 8;

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

function Comparison({ ids, onRemove }: { ids: string[]; onRemove: (id: string) => void }) {
  const q = useQuery(CompareRunsDocument, { ids });
  const runs = q.data?.compareRuns.runs;
  const keys = useMemo(
    () =>
      Array.from(new Set((runs ?? []).flatMap((r) => r.metricKeys)))
        .sort()
        .slice(0, 20),
    [runs],
  );
  const series = useQuery(
    MetricSeriesDocument,
    { runIds: ids, keys, maxPoints: MAX_POINTS },
    { skip: !runs || keys.length === 0 },
  );

  if (q.error) return <ErrorBox error={q.error} retry={() => void q.refetch()} />;
  if (!q.data || !runs) return <Loading what="Comparing" />;
  const c = q.data.compareRuns;
  const names = runs.map((r) => r.name);
  // Only the catalogue's metrics (METRICS) are compared and ranked, by their direction: the
  // evaluation's size or split is not a metric.
  const metrics = c.metrics
    .flatMap((m) => {
      const spec = metricSpec(m.key);
      return spec ? [{ ...spec, values: m.values }] : [];
    })
    .sort((a, b) => METRIC_NAMES.indexOf(a.name) - METRIC_NAMES.indexOf(b.name));
  const byId = new Map((series.data?.metricSeries ?? []).map((s) => [seriesId(s.runId, s.key), s]));

  return (
    <>
      <section className="card">
        <table className="data compact" data-testid="compare-runs">
          <thead>
            <tr>
              <th>Run</th>
              <th>Kind</th>
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
      </section>

      <section className="card">
        <div className="card-head">
          <h2>Curves</h2>
          <span className="muted small">one chart per metric, runs overlaid · drag or scroll to zoom</span>
        </div>
        {keys.length === 0 ? (
          <Empty>None of these runs has logged metrics yet.</Empty>
        ) : series.error ? (
          <ErrorBox error={series.error} retry={() => void series.refetch()} />
        ) : !series.data ? (
          <Loading what="Loading curves" />
        ) : (
          <div className="grid-2">
            {keys.slice(0, MAX_CHARTS).map((k) => (
              <SeriesChart
                key={k}
                title={k}
                testId={`compare-chart-${k}`}
                height={280}
                series={runs.flatMap((r) => {
                  const s = byId.get(seriesId(r.id, k));
                  return s ? [{ name: r.name, steps: s.steps, values: s.values }] : [];
                })}
              />
            ))}
          </div>
        )}
        {keys.length > MAX_CHARTS && (
          <p className="muted small">
            Showing the first {MAX_CHARTS} of {keys.length} metric keys.
          </p>
        )}
      </section>

      <div className="grid-2">
        <section className="card">
          <h2>Final metrics</h2>
          {metrics.length === 0 ? (
            <Empty>No final metrics yet.</Empty>
          ) : (
            <div className="table-wrap">
              <table className="data compact" data-testid="compare-metrics">
                <thead>
                  <tr>
                    <th>Metric</th>
                    {names.map((n, i) => (
                      <th key={i} className="num">
                        {n}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {metrics.map((m) => {
                    const nums = m.values.filter((v): v is number => v != null);
                    const best =
                      nums.length > 1 ? (m.higherIsBetter ? Math.max(...nums) : Math.min(...nums)) : null;
                    return (
                      <tr key={m.name} data-metric={m.name}>
                        <th>
                          {m.label}{" "}
                          <span
                            className="muted small"
                            title={m.higherIsBetter ? "higher is better" : "lower is better"}
                          >
                            {m.higherIsBetter ? "↑" : "↓"}
                          </span>
                        </th>
                        {m.values.map((v, i) => (
                          <td
                            key={i}
                            className={`num${v != null && v === best ? " best" : ""}`}
                            data-best={v != null && v === best ? "true" : undefined}
                          >
                            {fmtNumber(v, 4)}
                          </td>
                        ))}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
        </section>
        <section className="card">
          <h2>Configuration differences</h2>
          {runs.length < 2 ? (
            <Empty>Add another run to see what differs.</Empty>
          ) : c.configDiff.length === 0 ? (
            <Empty>The configurations are identical.</Empty>
          ) : (
            <div className="table-wrap">
              <table className="data compact" data-testid="config-diff">
                <thead>
                  <tr>
                    <th>Config path</th>
                    {names.map((n, i) => (
                      <th key={i}>{n}</th>
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
      </div>

      <section className="card">
        <h2>Efficiency against fine-tuning</h2>
        <div className="table-wrap">
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
                  <td>{names[i]}</td>
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
        <div className="grid-2">
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
