"use client";
/**
 * One sweep (launchSweep): its progress (runs by status, a progress bar), a parallel-coordinates
 * chart (one axis per swept path, then the seed, then the sweep's metric: one line per finished
 * run, coloured by the metric) and the table grouped by setting (mean ± sample std over the seeds,
 * as the API computes it: `Sweep.groups`), with a link to every run. Live: a `runUpdated` event of
 * one of its runs reloads the sweep; while runs are unfinished it is also reloaded every 5 s.
 */
import { isMetricName, METRICS, sweepValueLabel, type MetricName } from "@loffta/graphql/domain";
import Link from "next/link";
import { CostPlot } from "./CostPlot";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { EChart, type ParallelChartOption } from "../components/EChart";
import { Empty, ErrorBox, LiveDot, Loading, ProgressBar, StatusBadge } from "../components/states";
import {
  SweepDetailDocument,
  SweepRunUpdatedDocument,
  SweepsListDocument,
  type SweepDetailQuery,
  type SweepsListQuery,
} from "../generated/graphql";
import { fmtDate, fmtNumber, kindLabel } from "../lib/format";
import { useQuery, useSubscription } from "../lib/hooks";

type SweepData = NonNullable<SweepDetailQuery["sweep"]>;
type Group = SweepData["groups"][number];
type Summary = Group["metric"];

/** `0.85 ± 0.0707` (no std with one value: `0.7 (n=1)`). */
export function fmtMeanStd(s: Summary | undefined): string {
  if (!s || s.mean == null) return "—";
  return s.std == null
    ? `${fmtNumber(s.mean, 4)} (n=${s.n})`
    : `${fmtNumber(s.mean, 4)} ± ${fmtNumber(s.std, 3)}`;
}

/** The last two segments of a config path (`augmentations.noise.std` → `noise.std`), for axis names. */
const shortPath = (p: string) => p.split(".").slice(-2).join(".");

const metricLabel = (m: string) =>
  isMetricName(m) ? `${METRICS[m].label} ${METRICS[m].higherIsBetter ? "↑" : "↓"}` : m;

/**
 * The parallel-coordinates chart of a sweep: an axis per swept path (numeric when every value is a
 * number, log when the parameter was drawn log-uniformly, else categories), the seed, and the
 * metric; one line per SUCCEEDED run that reports the metric.
 */
export function parallelOption(sweep: SweepData): {
  option: ParallelChartOption;
  lines: number;
  axes: string[];
} {
  const paths = sweep.parameters.map((p) => p.path);
  const groups = sweep.groups;
  const axes: NonNullable<ParallelChartOption["parallelAxis"]> = [];
  const encoders: ((v: unknown) => number)[] = [];
  paths.forEach((path, dim) => {
    const values = groups.map((g) => g.values[dim]?.value);
    const numeric = values.length > 0 && values.every((v) => typeof v === "number" && Number.isFinite(v));
    const param = sweep.parameters[dim];
    if (numeric) {
      const log = !!param.log && values.every((v) => (v as number) > 0);
      axes.push({ dim, name: shortPath(path), type: log ? "log" : "value", scale: true });
      encoders.push((v) => v as number);
    } else {
      // Categories by index (a number on a category axis is its index; a label such as "1" is not safe).
      const labels = [...new Set(values.map(sweepValueLabel))];
      axes.push({ dim, name: shortPath(path), type: "category", data: labels });
      encoders.push((v) => labels.indexOf(sweepValueLabel(v)));
    }
  });
  axes.push({ dim: paths.length, name: "seed", type: "category", data: sweep.seeds.map((s) => `s${s}`) });
  const metricDim = paths.length + 1;
  axes.push({ dim: metricDim, name: metricLabel(sweep.metric), type: "value", scale: true });
  const data: number[][] = [];
  for (const g of groups)
    for (const r of g.runs) {
      const fm = r.finalMetrics as Record<string, unknown> | null;
      const m = fm?.[sweep.metric];
      if (r.status !== "SUCCEEDED" || typeof m !== "number" || !Number.isFinite(m)) continue;
      data.push([
        ...g.values.map((v, i) => encoders[i](v.value)),
        Math.max(0, sweep.seeds.indexOf(r.seed)),
        m,
      ]);
    }
  const metricValues = data.map((d) => d[metricDim]);
  const lo = metricValues.length ? Math.min(...metricValues) : 0;
  const hi = metricValues.length ? Math.max(...metricValues) : 1;
  const higher = isMetricName(sweep.metric) ? METRICS[sweep.metric as MetricName].higherIsBetter : true;
  const option: ParallelChartOption = {
    // Drawn at once: no growing clip (a reload on every run event would replay it).
    animation: false,
    parallel: {
      left: 70,
      right: 120,
      top: 48,
      bottom: 36,
      parallelAxisDefault: { nameLocation: "end", nameGap: 18, nameTextStyle: { fontSize: 12 } },
    },
    parallelAxis: axes,
    visualMap: {
      type: "continuous" as const,
      dimension: metricDim,
      min: lo,
      max: hi === lo ? lo + 1e-9 : hi,
      right: 8,
      top: "middle",
      itemHeight: 140,
      calculable: false,
      precision: 3,
      text: [higher ? "best" : "worst", higher ? "worst" : "best"],
      inRange: { color: higher ? ["#9db8d9", "#2f6db5", "#e07b24"] : ["#e07b24", "#2f6db5", "#9db8d9"] },
    },
    series: [
      {
        type: "parallel",
        data,
        lineStyle: { width: 2, opacity: 0.75 },
        emphasis: { lineStyle: { width: 4, opacity: 1 } },
      },
    ],
  };
  return { option, lines: data.length, axes: axes.map((a) => String(a.name)) };
}

export function SweepView({ id }: { id: string }) {
  // Polled while runs are unfinished (a fallback for missed events).
  const [pollMs, setPollMs] = useState<number | undefined>(5000);
  const q = useQuery(SweepDetailDocument, { id }, { pollMs });
  const sweep = q.data?.sweep;
  const done = sweep?.progress.done ?? false;
  useEffect(() => setPollMs(done ? undefined : 5000), [done]);
  const runIds = useMemo(() => new Set(sweep?.groups.flatMap((g) => g.runs.map((r) => r.id)) ?? []), [sweep]);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const refetch = q.refetch;
  const onRun = useCallback(
    (d: { runUpdated: { id: string } }) => {
      if (!runIds.has(d.runUpdated.id) || timer.current) return;
      timer.current = setTimeout(() => {
        timer.current = null;
        void refetch();
      }, 300);
    },
    [runIds, refetch],
  );
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  const live = useSubscription(SweepRunUpdatedDocument, { projectId: sweep?.project.id ?? "" }, onRun, {
    skip: !sweep || done,
  });
  const chart = useMemo(() => (sweep ? parallelOption(sweep) : null), [sweep]);

  if (q.error && !sweep) return <ErrorBox error={q.error} retry={() => void q.refetch()} />;
  if (!q.data) return <Loading what="Loading the sweep" />;
  if (!sweep) return <Empty>No sweep {id} in your team.</Empty>;
  const p = sweep.progress;
  const metric = sweep.metric;
  const second = metric === "accuracy" ? null : "accuracy";
  const higher = isMetricName(metric) ? METRICS[metric].higherIsBetter : true;
  const means = sweep.groups.map((g) => g.metric.mean).filter((m): m is number => m != null);
  const best = means.length ? (higher ? Math.max(...means) : Math.min(...means)) : null;
  const succeededIds = sweep.groups.flatMap((g) =>
    g.runs.filter((r) => r.status === "SUCCEEDED").map((r) => r.id),
  );
  const summaryOf = (g: Group, key: string) => g.metrics.find((m) => m.key === key);

  return (
    <>
      <div className="page-head">
        <div>
          <p className="crumbs">
            <Link href="/sweeps">Sweeps</Link> / {sweep.project.name}
          </p>
          <h1 data-testid="sweep-name">{sweep.name}</h1>
          <p className="meta">
            <span>{kindLabel(sweep.kind)}</span>
            <span className="chip" data-testid="sweep-method">
              {sweep.method.toLowerCase()}
            </span>
            <span>
              {sweep.settingCount} setting{sweep.settingCount === 1 ? "" : "s"} × {sweep.seeds.length} seed
              {sweep.seeds.length === 1 ? "" : "s"}
            </span>
            <span>judged by {metricLabel(metric)}</span>
            <span>
              launched {fmtDate(sweep.createdAt)}
              {sweep.author ? ` by ${sweep.author.name}` : ""}
            </span>
            {!done && <LiveDot status={live.status} />}
          </p>
        </div>
        <div className="actions">
          {succeededIds.length > 1 && succeededIds.length <= 20 && (
            <Link className="button" href={`/compare?ids=${succeededIds.join(",")}&group=seeds`}>
              Compare its runs
            </Link>
          )}
        </div>
      </div>

      <section
        className="card"
        data-testid="sweep-progress"
        data-total={p.total}
        data-finished={p.finished}
        data-done={String(p.done)}
      >
        <div className="stats">
          {(
            [
              ["Runs", p.total],
              ["Queued", p.queued],
              ["Running", p.running],
              ["Succeeded", p.succeeded],
              ["Failed", p.failed],
              ["Cancelled", p.cancelled],
            ] as const
          ).map(([label, n]) => (
            <div className="stat" key={label} data-stat={label.toLowerCase()}>
              <span className="label">{label}</span>
              <span className="value">{n}</span>
            </div>
          ))}
        </div>
        <ProgressBar
          value={p.total ? p.finished / p.total : 0}
          label={`${p.finished} / ${p.total} finished`}
        />
      </section>

      <section className="card">
        <h2>Settings → {metricLabel(metric)}</h2>
        <p className="muted small">
          One line per finished run: the swept values, its seed, and its final {metricLabel(metric)} (colour).
        </p>
        {chart && chart.lines > 0 ? (
          <EChart
            option={chart.option}
            height={360}
            ariaLabel={`parallel coordinates: ${chart.axes.join(", ")}`}
            dataAttrs={{ testid: "sweep-parallel", "line-count": chart.lines, axes: chart.axes.join("|") }}
          />
        ) : (
          <p className="chart-empty muted" data-testid="sweep-parallel-empty">
            No run has finished yet: the chart draws each run once it reports its {metricLabel(metric)}.
          </p>
        )}
      </section>

      <section className="card">
        <h2>By setting</h2>
        <p className="muted small">
          Mean ± sample standard deviation over the seeds of each setting&apos;s succeeded runs.
        </p>
        <div className="table-wrap">
          <table className="data" data-testid="sweep-groups">
            <thead>
              <tr>
                <th className="num">#</th>
                {sweep.parameters.map((prm) => (
                  <th key={prm.path} data-path={prm.path} title={prm.path}>
                    {prm.path}
                  </th>
                ))}
                <th className="num">Runs</th>
                <th>Seeds</th>
                <th className="num" data-metric={metric}>
                  {metricLabel(metric)}
                </th>
                {second && (
                  <th className="num" data-metric={second}>
                    {metricLabel(second)}
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {sweep.groups.map((g) => {
                const isBest = best != null && g.metric.mean === best;
                return (
                  <tr
                    key={g.index}
                    data-group-index={g.index}
                    data-metric-mean={g.metric.mean ?? ""}
                    data-metric-std={g.metric.std ?? ""}
                    data-best={isBest ? "true" : undefined}
                  >
                    <td className="num">{g.index + 1}</td>
                    {g.values.map((v) => (
                      <td key={v.path} className="mono small">
                        {sweepValueLabel(v.value)}
                      </td>
                    ))}
                    <td className="num">
                      {g.finishedCount} / {g.runCount}
                    </td>
                    <td>
                      {g.runs.map((r) => (
                        <span key={r.id} className="chip" title={`${r.name}: ${r.status.toLowerCase()}`}>
                          <Link href={`/runs/${r.id}`} data-run-id={r.id}>
                            s{r.seed}
                          </Link>{" "}
                          <StatusBadge status={r.status} />
                        </span>
                      ))}
                    </td>
                    <td className="num" data-cell="metric">
                      {isBest ? <strong>{fmtMeanStd(g.metric)}</strong> : fmtMeanStd(g.metric)}
                    </td>
                    {second && (
                      <td className="num" data-cell="second">
                        {fmtMeanStd(summaryOf(g, second))}
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>

      <CostPlot
        points={sweep.cost.map((c) => ({
          id: c.run.id,
          name: c.run.name,
          kind: c.run.kind,
          totalSeconds: c.totalSeconds ?? null,
          memoryGbSeconds: c.memoryGbSeconds ?? null,
          cacheShareSeconds: c.cacheShareSeconds,
          metrics: c.run.finalMetrics as Record<string, number> | null,
        }))}
      />

      <section className="card">
        <h2>What was swept</h2>
        <dl className="kv" data-testid="sweep-parameters">
          {sweep.parameters.map((prm) => (
            <div key={prm.path} style={{ display: "contents" }}>
              <dt className="mono">{prm.path}</dt>
              <dd>
                {prm.values
                  ? prm.values.map(sweepValueLabel).join(", ")
                  : `${prm.integer ? "integers" : "values"} from ${fmtNumber(prm.min)} to ${fmtNumber(prm.max)}${prm.log ? " (log-uniform)" : " (uniform)"}`}
              </dd>
            </div>
          ))}
          <dt>seeds</dt>
          <dd>{sweep.seeds.join(", ")}</dd>
          {sweep.method === "RANDOM" && (
            <>
              <dt>draws</dt>
              <dd>
                {sweep.count} settings from draw seed {sweep.samplingSeed}
              </dd>
            </>
          )}
        </dl>
        <details>
          <summary>Base configuration</summary>
          <pre className="mono small">{JSON.stringify(sweep.baseConfig, null, 2)}</pre>
        </details>
      </section>
    </>
  );
}

/** The team's sweeps, newest first (50 a page, _Load more_). */
export function SweepsView() {
  const [after, setAfter] = useState<string | null>(null);
  const [pages, setPages] = useState<SweepsListQuery["sweeps"]["nodes"][]>([]);
  const q = useQuery(SweepsListDocument, { after });
  useEffect(() => {
    const nodes = q.data?.sweeps.nodes;
    if (nodes) setPages((prev) => (after === null ? [nodes] : [...prev, nodes]));
  }, [q.data, after]);
  const rows = pages.flat();
  return (
    <>
      <div className="page-head">
        <h1>Sweeps</h1>
        <div className="actions">
          <Link className="button" href="/launch?mode=sweep">
            Launch a sweep
          </Link>
        </div>
      </div>
      <p className="muted">
        Sets of runs launched together: a base configuration with values over config paths (a grid, or seeded
        random draws), each setting once per seed.
      </p>
      {q.error && !rows.length ? (
        <ErrorBox error={q.error} retry={() => void q.refetch()} />
      ) : !q.data && !rows.length ? (
        <Loading what="Loading sweeps" />
      ) : rows.length === 0 ? (
        <Empty>
          No sweep yet: <Link href="/launch?mode=sweep">launch one</Link> (or <code>launchSweep</code> through
          the API).
        </Empty>
      ) : (
        <div className="table-wrap">
          <table className="data" data-testid="sweeps-table">
            <thead>
              <tr>
                <th>Sweep</th>
                <th>Project</th>
                <th>Kind</th>
                <th>Swept</th>
                <th className="num">Settings × seeds</th>
                <th className="progress-col">Progress</th>
                <th>Metric</th>
                <th>Launched</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((s) => (
                <tr key={s.id} data-sweep-id={s.id}>
                  <td>
                    <Link href={`/sweeps/${s.id}`}>{s.name}</Link>{" "}
                    <span className="chip">{s.method.toLowerCase()}</span>
                  </td>
                  <td>{s.project.name}</td>
                  <td>{kindLabel(s.kind)}</td>
                  <td className="mono small">{s.parameters.map((p) => p.path).join(", ")}</td>
                  <td className="num">
                    {s.settingCount} × {s.seeds.length}
                  </td>
                  <td className="progress-col">
                    <ProgressBar
                      value={s.progress.total ? s.progress.finished / s.progress.total : 0}
                      label={`${s.progress.finished} / ${s.progress.total}${s.progress.failed ? ` (${s.progress.failed} failed)` : ""}`}
                    />
                  </td>
                  <td>{metricLabel(s.metric)}</td>
                  <td className="small">{fmtDate(s.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {q.data?.sweeps.pageInfo.hasNextPage && (
        <button
          type="button"
          onClick={() => setAfter(q.data?.sweeps.pageInfo.endCursor ?? null)}
          disabled={q.loading}
        >
          Load more
        </button>
      )}
    </>
  );
}
