"use client";
import {
  AUGMENTATION_ORDER,
  AUGMENTATIONS,
  RUN_KINDS,
  type AugmentationName,
  type AugmentationParam,
} from "@loffta/graphql/domain";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { SeriesChart } from "../components/SeriesChart";
import { Empty, ErrorBox, LiveDot, Loading, StatusBadge } from "../components/states";
import {
  ArchiveRunsDocument,
  CancelRunDocument,
  DeleteRunsDocument,
  RetryRunDocument,
  TagRunDocument,
  UnarchiveRunsDocument,
  UpdateRunDocument,
  MetricsAppendedDocument,
  MetricSeriesDocument,
  RunDetailDocument,
  RunEfficiencyDocument,
  RunUpdatedDocument,
  RunsDeletedDocument,
  SetRunNotesDocument,
  type RunDetailQuery,
} from "../generated/graphql";
import {
  fmtBytes,
  fmtDate,
  fmtDuration,
  fmtJson,
  fmtNumber,
  fmtRatio,
  getPath,
  fmtParam,
  kindLabel,
  layerLabel,
  leafPaths,
  metricSpec,
  runMetrics,
} from "../lib/format";
import { ApiError } from "../lib/client";
import { useMutation, useQuery, useSubscription } from "../lib/hooks";
import { useSession } from "../lib/session";
import { panelsOf } from "../lib/panels";
import { appendPoints, fromQuery, type SeriesMap } from "./liveSeries";
import { RunLogs } from "./RunLogs";
import { ArtifactList, ConfusionWithSamples, EvaluationDetails, useRunArtifacts } from "./RunEvaluation";

export const MAX_POINTS = 1000;
type RunData = NonNullable<RunDetailQuery["run"]>;

export function RunDetailView({ id }: { id: string }) {
  const q = useQuery(RunDetailDocument, { id });
  if (q.error) return <ErrorBox error={q.error} retry={() => void q.refetch()} />;
  if (!q.data) return <Loading what="Loading run" />;
  if (!q.data.run) return <ErrorBox error={new Error(`Run ${id} does not exist in your team.`)} />;
  return (
    <RunDetail
      run={q.data.run}
      setRun={(r) => q.setData((d) => (d ? { run: r(d.run as RunData) } : d))}
      refetch={q.refetch}
    />
  );
}

function RunDetail({
  run,
  setRun,
  refetch,
}: {
  run: RunData;
  setRun: (f: (r: RunData) => RunData) => void;
  refetch: () => Promise<void>;
}) {
  const active = run.status === "QUEUED" || run.status === "RUNNING";
  const eff = useQuery(RunEfficiencyDocument, { ids: [run.id] }, { skip: false });
  const artifactsQ = useRunArtifacts(run.id, run.status);
  const evaluation = artifactsQ.data?.run?.evaluation;
  const e = eff.data?.compareRuns.efficiency[0];
  const refetchEff = eff.refetch;

  // Status, results and tags live (runUpdated of the project, filtered to this run).
  const runLive = useSubscription(RunUpdatedDocument, { projectId: run.project.id }, (d) => {
    if (d.runUpdated.id !== run.id) return;
    setRun((r) => ({ ...r, ...d.runUpdated, cache: r.cache, project: r.project }));
    if (d.runUpdated.status !== "QUEUED" && d.runUpdated.status !== "RUNNING") void refetchEff();
  });

  // Deleted by another client while this page is open (runsDeleted): say so instead of showing
  // a run that no longer exists as if it did.
  const [deletedElsewhere, setDeletedElsewhere] = useState(false);
  useSubscription(RunsDeletedDocument, { projectId: run.project.id }, (d) => {
    if (d.runsDeleted.ids.includes(run.id)) setDeletedElsewhere(true);
  });

  const cancel = useMutation(CancelRunDocument);
  const m = runMetrics(run.finalMetrics);

  return (
    <>
      {deletedElsewhere && (
        <div className="state error" role="alert" data-testid="run-deleted">
          <strong>This run was deleted</strong>
          <span>
            Someone deleted it (with its metrics, logs and artifacts) while this page was open; what is shown is what was last
            loaded. <Link href="/runs">Back to the runs</Link>
          </span>
        </div>
      )}
      <div className="page-head">
        <div>
          <p className="crumbs">
            <Link href="/runs">Runs</Link> / {run.project.name}
          </p>
          <h1 data-testid="run-name">{run.name}</h1>
          <p className="meta">
            <StatusBadge status={run.status} />{" "}
            <span data-testid="run-status" hidden>
              {run.status}
            </span>
            <span title={RUN_KINDS[run.kind].summary}>{kindLabel(run.kind)}</span>
            <span>
              seed <span data-testid="run-seed">{run.seed}</span>
            </span>
            {(run.device || run.backend) && (
              <span data-testid="run-trained-on" title="where it trained (Provenance below)">
                on {[run.device, run.backend].filter(Boolean).join(" · ")}
              </span>
            )}
            {run.author && <span>by {run.author.name}</span>}
            <span title={run.createdAt}>launched {fmtDate(run.createdAt)}</span>
            {run.tags.map((t) => (
              <Link key={t} className="tag" href={`/runs?tag=${encodeURIComponent(t)}`}>
                {t}
              </Link>
            ))}
            <LiveDot status={runLive.status} />
          </p>
        </div>
        <div className="actions">
          <Link
            className="button"
            href={`/compare?ids=${[run.id, run.baselineRun?.id].filter(Boolean).join(",")}`}
          >
            Compare
          </Link>
          <Link className="button" href={`/launch?from=${run.id}`}>
            Clone &amp; launch
          </Link>
          {active && (
            <button
              type="button"
              className="danger"
              disabled={cancel.loading}
              onClick={() => {
                if (window.confirm(`Cancel run ${run.name}?`))
                  void cancel.mutate({ id: run.id }).then(() => refetch());
              }}
            >
              Cancel run
            </button>
          )}
        </div>
      </div>
      <RunLifecycle run={run} setRun={setRun} />
      {cancel.error && <ErrorBox error={cancel.error} />}
      {run.error && (
        <div className="state error" role="alert">
          <strong>Failed</strong>
          <pre>{run.error}</pre>
        </div>
      )}

      <section className="stats" aria-label="Efficiency">
        <Stat
          label="Train throughput"
          value={run.trainImagesPerSec == null ? "—" : `${fmtNumber(run.trainImagesPerSec)} img/s`}
        />
        <Stat label="Peak memory" value={fmtBytes(run.peakMemoryBytes)} />
        <Stat label="Wall time" value={fmtDuration(run.wallTimeSec)} />
        <Stat
          label="Speed-up vs fine-tuning"
          value={fmtRatio(e?.speedup)}
          hint={e?.baselineRun ? `vs ${e.baselineRun.name}` : "no baseline run"}
          testId="speedup"
        />
        <Stat
          label="Memory saving"
          value={fmtRatio(e?.memorySaving)}
          hint={e?.baselineRun ? `baseline ${fmtBytes(e.baselineRun.peakMemoryBytes)}` : undefined}
        />
        {m.slice(0, 3).map((x) => (
          <Stat key={x.name} label={x.label} value={fmtNumber(x.value, 4)} />
        ))}
      </section>
      {e?.baselineRun && (
        <p className="muted small">
          Baseline: <Link href={`/runs/${e.baselineRun.id}`}>{e.baselineRun.name}</Link> (
          {fmtNumber(e.baselineRun.trainImagesPerSec)} img/s, {fmtBytes(e.baselineRun.peakMemoryBytes)})
        </p>
      )}

      {artifactsQ.data?.run?.sweep && (
        <p className="small" data-testid="run-sweep">
          Part of sweep <Link href={`/sweeps/${artifactsQ.data.run.sweep.id}`}>{artifactsQ.data.run.sweep.name}</Link>
        </p>
      )}
      {run.cache?.stale && (
        <div className="card warn" data-testid="run-stale-cache">
          Trained on a <Link href={`/caches/${run.cache.id}`}>stale feature cache</Link>: {run.cache.staleReason}.
        </div>
      )}

      <LiveCurves run={run} />

      <RunLogs runId={run.id} active={active} />

      <div className="grid-2">
        <section className="card">
          <h2>Final metrics</h2>
          {m.length === 0 ? (
            <Empty>{active ? "Set when the run finishes." : "No final metrics."}</Empty>
          ) : (
            <table className="data compact" data-testid="final-metrics">
              <tbody>
                {m.map((x) => (
                  <tr key={x.name} data-metric={x.name}>
                    <th>
                      {x.label}{" "}
                      <span
                        className="muted small"
                        title={x.higherIsBetter ? "higher is better" : "lower is better"}
                      >
                        {x.higherIsBetter ? "↑" : "↓"}
                      </span>
                    </th>
                    <td className="num">{fmtNumber(x.value, 5)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {(run.evalSplit != null || run.evalCount != null) && (
            <p className="muted small" data-testid="eval-info">
              Evaluated on the <strong data-testid="eval-split">{run.evalSplit ?? "?"}</strong> split
              {run.evalCount != null && (
                <>
                  {" "}
                  · <span data-testid="eval-count">{run.evalCount.toLocaleString("en-US")}</span> images
                </>
              )}
            </p>
          )}
          {run.confusionMatrix && run.confusionMatrix.length > 0 && (
            <ConfusionWithSamples runId={run.id} matrix={run.confusionMatrix} classNames={run.cache?.dataset.classNames ?? []} ev={evaluation} />
          )}
        </section>
        <EffectiveConfig run={run} />
      </div>

      {evaluation && <EvaluationDetails runId={run.id} ev={evaluation} />}

      <div className="grid-2">
        <Notes run={run} onSaved={(notes) => setRun((r) => ({ ...r, notes }))} />
        <section className="card">
          <h2>Provenance &amp; artifacts</h2>
          <Provenance run={run} />
          <dl className="kv">
            <dt>Feature cache</dt>
            <dd>
              {run.cache ? (
                <Link href={`/caches/${run.cache.id}`}>
                  {run.cache.dataset.name} · {run.cache.model.name} @{run.cache.resolution}
                  {run.cache.pooling > 1 ? ` pool ${run.cache.pooling}` : ""}
                </Link>
              ) : (
                "— (baseline runs read images)"
              )}
            </dd>
            {run.cache && (
              <>
                <dt>Layer</dt>
                <dd>{layerLabel(run.cache.layer, run.cache.model.family, run.cache.model.depth)}</dd>
                <dt>Token grid</dt>
                <dd>{run.cache.gridH ? `${run.cache.gridH}×${run.cache.gridW}×${run.cache.dim}` : "—"}</dd>
                <dt>Normalisation</dt>
                <dd className="mono small">
                  {run.cache.mean && run.cache.std
                    ? `mean ${fmtJson(run.cache.mean)} · std ${fmtJson(run.cache.std)}`
                    : "— (set at extraction)"}
                </dd>
                <dt>Weights SHA-256</dt>
                <dd className="mono">{run.cache.weightsSha256 ?? "—"}</dd>
                <dt>Cache storage</dt>
                <dd className="mono">{run.cache.storageUri ?? "—"}</dd>
                <dt>Manifest SHA-256</dt>
                <dd className="mono">{run.cache.manifestSha256 ?? "—"}</dd>
              </>
            )}
            <dt>Started</dt>
            <dd>{fmtDate(run.startedAt)}</dd>
            <dt>Ended</dt>
            <dd>{fmtDate(run.endedAt)}</dd>
            <dt>Run id</dt>
            <dd className="mono">{run.id}</dd>
          </dl>
          <h3>Reports</h3>
          {(artifactsQ.data?.run?.reports.length ?? 0) === 0 ? (
            <p className="muted small">In no report yet.</p>
          ) : (
            <ul className="small" data-testid="run-reports">
              {artifactsQ.data?.run?.reports.map((r) => (
                <li key={r.id}>
                  <Link href={`/reports/${r.id}`}>{r.name}</Link>
                </li>
              ))}
            </ul>
          )}
          <h3>Files</h3>
          {artifactsQ.error ? <ErrorBox error={artifactsQ.error} /> : <ArtifactList artifacts={artifactsQ.data?.run?.artifacts ?? []} />}
        </section>
      </div>
    </>
  );
}

/**
 * Where the run trained: the worker that held its job when it completed (`Run.trainedBy`) and
 * what that worker reported with the result (`Run.host`, `Run.backend`, `Run.device`, and the
 * versions it trained with: Loffta and its git commit, Node, tfjs-core, tfjs-node, TensorFlow),
 * and the API token that launched it (`Run.launchedBy`). Null until
 * a worker completes it (and for runs completed before workers reported it): shown as "—".
 */
function Provenance({ run }: { run: RunData }) {
  const w = run.trainedBy;
  const active = run.status === "QUEUED" || run.status === "RUNNING";
  const none = active ? "— (set when a worker completes it)" : "—";
  return (
    <>
      <h3>Trained on</h3>
      <dl className="kv" data-testid="provenance">
        <dt>Worker</dt>
        <dd data-testid="trained-by">{w ? w.name : none}</dd>
        <dt>Host</dt>
        <dd className="mono" data-testid="trained-host">
          {run.host ?? none}
        </dd>
        <dt>Backend</dt>
        <dd className="mono" data-testid="trained-backend">
          {run.backend ?? none}
        </dd>
        <dt>Device</dt>
        <dd className="mono" data-testid="trained-device">
          {run.device ?? none}
        </dd>
        <dt>Launched by</dt>
        <dd data-testid="trained-launched-by">{run.launchedBy ?? "—"}</dd>
        <dt>Loffta</dt>
        <dd className="mono" data-testid="trained-loffta">
          {run.lofftaVersion ?? none}
          {run.gitCommit ? <span title={run.gitCommit}> · {run.gitCommit.slice(0, 12)}</span> : null}
        </dd>
        <dt>Versions</dt>
        <dd className="mono" data-testid="trained-versions">
          {run.nodeVersion
            ? [
                `Node ${run.nodeVersion}`,
                run.tfjsVersion && `tfjs-core ${run.tfjsVersion}`,
                run.tfjsNodeVersion && `tfjs-node ${run.tfjsNodeVersion}`,
                run.tensorflowVersion && `TensorFlow ${run.tensorflowVersion}`,
              ]
                .filter(Boolean)
                .join(" · ")
            : none}
        </dd>
      </dl>
      <h3>Inputs</h3>
    </>
  );
}

function Stat({
  label,
  value,
  hint,
  testId,
}: {
  label: string;
  value: string;
  hint?: string;
  testId?: string;
}) {
  return (
    <div className="stat" data-testid={testId}>
      <span className="label">{label}</span>
      <span className="value">{value}</span>
      {hint && <span className="hint">{hint}</span>}
    </div>
  );
}

/** Loss and metric curves: downsampled history + live points from metricsAppended. */
function LiveCurves({ run }: { run: RunData }) {
  const { request } = useSession();
  const [series, setSeries] = useState<SeriesMap>({});
  const [error, setError] = useState<Error | null>(null);
  const [loaded, setLoaded] = useState(false);
  const keysRef = useRef<string[]>(run.metricKeys);
  keysRef.current = Array.from(new Set([...run.metricKeys, ...Object.values(series).map((s) => s.key)]));
  const reloadTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const load = useCallback(async () => {
    const keys = keysRef.current.slice(0, 20);
    if (keys.length === 0) {
      setLoaded(true);
      return;
    }
    try {
      const d = await request(MetricSeriesDocument, { runIds: [run.id], keys, maxPoints: MAX_POINTS });
      // Keep live points newer than the answer (they may have arrived while it was in flight).
      setSeries((prev) => {
        let next = fromQuery(d.metricSeries);
        for (const s of Object.values(prev)) {
          const fresh = next[`${s.runId}\u0000${s.key}`];
          const last = fresh?.steps[fresh.steps.length - 1] ?? -Infinity;
          const newer = s.steps.flatMap((step, i) =>
            step > last ? [{ key: s.key, step, value: s.values[i] }] : [],
          );
          if (newer.length) next = appendPoints(next, run.id, newer);
        }
        return next;
      });
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e : new Error(String(e)));
    } finally {
      setLoaded(true);
    }
  }, [request, run.id]);

  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => () => void (reloadTimer.current && clearTimeout(reloadTimer.current)), []);

  const live = useSubscription(MetricsAppendedDocument, { runId: run.id }, (d) => {
    setSeries((prev) => {
      const next = appendPoints(prev, run.id, d.metricsAppended.points);
      // Too many raw points in the browser: ask the server for a fresh downsampled series.
      if (Object.values(next).some((s) => s.steps.length > 3 * MAX_POINTS) && !reloadTimer.current) {
        reloadTimer.current = setTimeout(() => {
          reloadTimer.current = null;
          void load();
        }, 2000);
      }
      return next;
    });
  });
  // Once the subscription is up, reload once: closes the gap between the first load and it.
  const wasLive = useRef(false);
  useEffect(() => {
    if (live.status === "live" && !wasLive.current) {
      wasLive.current = true;
      void load();
    }
    if (live.status !== "live") wasLive.current = false;
  }, [live.status, load]);

  // One chart per quantity (lib/panels.ts): losses together, each catalogue metric (train and
  // val overlaid), the learning rate, throughput and epoch on their own axes.
  const { all, panels, xRange } = useMemo(() => {
    const all = Object.values(series).sort((a, b) => a.key.localeCompare(b.key));
    const byKey = new Map(all.map((s) => [s.key, s]));
    // Every chart spans the same steps, so the charts line up one above the other (system
    // metrics, whose steps are seconds, keep their own range: lib/panels.ts `ownX`).
    const stepped = all.filter((s) => !s.key.startsWith("system/"));
    const firsts = stepped.flatMap((s) => (s.steps.length ? [s.steps[0]] : []));
    const lasts = stepped.flatMap((s) => (s.steps.length ? [s.steps[s.steps.length - 1]] : []));
    return {
      all,
      xRange: firsts.length ? { min: Math.min(...firsts), max: Math.max(...lasts) } : undefined,
      panels: panelsOf(all.map((s) => s.key)).map((p) => ({
        ...p,
        series: p.keys.map((k) => {
          const s = byKey.get(k)!;
          return { name: s.key, steps: s.steps, values: s.values };
        }),
      })),
    };
  }, [series]);
  const downsampled = all.some((s) => s.downsampled);

  return (
    <section className="card" aria-label="Curves" data-testid="curves" data-live={live.status}>
      <div className="card-head">
        <h2>Curves</h2>
        <span className="muted small">
          {all.length ? `${all.reduce((n, s) => n + s.totalPoints, 0).toLocaleString()} points logged` : ""}
          {downsampled ? ` · downsampled to ≤${MAX_POINTS} per series (min/max buckets)` : ""}
        </span>
        <LiveDot status={live.status} />
      </div>
      {error ? (
        <ErrorBox error={error} retry={() => void load()} />
      ) : !loaded ? (
        <Loading what="Loading curves" />
      ) : all.length === 0 ? (
        <Empty>No metrics logged yet: curves appear here live as the worker logs them.</Empty>
      ) : (
        <div className="chart-grid" data-testid="curve-panels" data-panel-count={panels.length}>
          {panels.map((p) => (
            <SeriesChart
              key={p.id}
              title={p.title}
              series={p.series}
              height={240}
              xRange={p.ownX ? undefined : xRange}
              testId={`chart-${p.id}`}
            />
          ))}
        </div>
      )}
    </section>
  );
}

/**
 * The effective configuration (`Run.config`: what the worker applies, the kind's policy of
 * RUN_KINDS resolved by the API) and the seed, then every setting.
 */
function EffectiveConfig({ run }: { run: RunData }) {
  const c = run.config;
  const spec = RUN_KINDS[run.kind];
  if (spec.external)
    return (
      <section className="card" data-testid="effective-config">
        <div className="card-head">
          <h2>Configuration</h2>
          <span className="muted small">as logged by the wandb client (free-form; W&amp;B bookkeeping under _wandb)</span>
        </div>
        <ConfigTable config={c} />
      </section>
    );
  const at = (p: string) => fmtJson(getPath(c, p));
  const batch = Number(getPath(c, "batchSize"));
  const micro = Number(getPath(c, "microBatch"));
  const accumulation = batch > 0 && micro > 0 ? Math.ceil(batch / micro) : 1;
  return (
    <section className="card" data-testid="effective-config">
      <div className="card-head">
        <h2>Configuration</h2>
        <span className="muted small">
          effective: what the worker applies for a {kindLabel(run.kind)} run
        </span>
      </div>
      <dl className="kv">
        <dt>Seed</dt>
        <dd data-testid="config-seed">{at("seed")}</dd>
        <dt>Classifier</dt>
        <dd>
          {at("classifier.preset")}
          {spec.fixedPreset ? " (fixed for this kind)" : ""}
          {getPath(c, "classifier.useCachedCls") === true ? " · cached CLS token" : ""}
        </dd>
        <dt>Budget</dt>
        <dd data-testid="config-budget">
          {at("epochs")} epochs · batch {at("batchSize")} · micro-batch {at("microBatch")}
          {spec.maxMicroBatch !== undefined ? ` (≤ ${spec.maxMicroBatch} for this kind)` : ""}
          {accumulation > 1 ? ` · ${accumulation} micro-batches per step` : ""}
        </dd>
        <dt>Optimiser</dt>
        <dd data-testid="config-optimiser">
          {at("optimizer.name")} · lr {at("optimizer.lr")} · weight decay {at("optimizer.weightDecay")} ·
          betas {at("optimizer.betas")}
        </dd>
        <dt>Schedule</dt>
        <dd data-testid="config-schedule">{scheduleText(c)}</dd>
        <dt>Regularisation</dt>
        <dd>
          label smoothing {at("labelSmoothing")} · grad clip{" "}
          {getPath(c, "gradClip") === 0 ? "off" : `at norm ${at("gradClip")}`}
        </dd>
        <dt>Evaluation</dt>
        <dd>
          every {getPath(c, "evalEvery") === 1 ? "epoch" : `${at("evalEvery")} epochs`} · early stopping{" "}
          {getPath(c, "earlyStopping.enabled") === true
            ? `on ${metricSpec(String(getPath(c, "earlyStopping.metric")))?.label ?? at("earlyStopping.metric")}, patience ${at("earlyStopping.patience")} evaluations`
            : "off"}
        </dd>
      </dl>
      <AugmentationSummary kind={run.kind} config={c} />
      <details>
        <summary>Every setting</summary>
        <ConfigTable config={c} />
      </details>
    </section>
  );
}

/** The learning-rate schedule of a config: warm-up (epochs or steps), then cosine decay or constant. */
function scheduleText(c: unknown): string {
  const we = getPath(c, "schedule.warmupEpochs");
  const ws = getPath(c, "schedule.warmupSteps");
  const warm =
    typeof ws === "number"
      ? ws > 0
        ? `linear warm-up ${fmtJson(ws)} steps`
        : "no warm-up"
      : typeof we === "number" && we > 0
        ? `linear warm-up ${fmtJson(we)} epoch${we === 1 ? "" : "s"}`
        : "no warm-up";
  const decay =
    getPath(c, "schedule.cosine") === true
      ? `cosine decay to ${fmtJson(getPath(c, "schedule.minLr"))}`
      : "then constant lr";
  return `${warm}, ${decay}`;
}

/** What the run augments: tensor augmentations (LOFF-TA), image augmentations (image baselines) or none. */
function AugmentationSummary({ kind, config }: { kind: RunData["kind"]; config: unknown }) {
  const policy = RUN_KINDS[kind].augmentation;
  if (policy === "none")
    return (
      <p className="muted small" data-testid="run-augmentations" data-policy="none">
        No augmentations: {kindLabel(kind)} trains on the cached features as they are.
      </p>
    );
  const section = policy === "tensor" ? "augmentations" : "imageAugmentations";
  const raw = getPath(config, section);
  const entries =
    raw && typeof raw === "object" && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const known = AUGMENTATION_ORDER.filter((n) => n in entries);
  const names: string[] = [...known, ...Object.keys(entries).filter((k) => !(known as string[]).includes(k))];
  return (
    <>
      <h3>{policy === "tensor" ? "Tensor augmentations" : "Image augmentations"}</h3>
      <table className="data compact" data-testid="run-augmentations" data-policy={policy}>
        <tbody>
          {names.map((n) => {
            const a = entries[n] as Record<string, unknown> | undefined;
            const spec = n in AUGMENTATIONS ? AUGMENTATIONS[n as AugmentationName] : undefined;
            const params: { key: string; param?: AugmentationParam }[] = [
              ...("p" in (a ?? {}) ? [{ key: "p" }] : []),
              ...(spec?.params ?? []).filter((p) => a && p.key in a).map((p) => ({ key: p.key, param: p })),
            ];
            const on = a?.enabled === true;
            return (
              <tr
                key={n}
                data-aug={n}
                data-enabled={on ? "true" : "false"}
                className={on ? undefined : "muted"}
              >
                <th title={policy === "tensor" ? spec?.summary : undefined}>{spec?.label ?? n}</th>
                <td>{on ? "on" : "off"}</td>
                <td className="small">
                  {on
                    ? params
                        .map((p) => `${p.param?.label ?? p.key} ${fmtParam(p.param, a?.[p.key])}`)
                        .join(" · ")
                    : ""}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}

function ConfigTable({ config }: { config: unknown }) {
  const paths = leafPaths(config);
  if (paths.length === 0) return <Empty>No configuration.</Empty>;
  return (
    <div className="config-scroll">
      <table className="data compact config" data-testid="config-table">
        <tbody>
          {paths.map((p) => (
            <tr key={p}>
              <th className="mono">{p}</th>
              <td className="mono">{fmtJson(getPath(config, p))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Notes({ run, onSaved }: { run: RunData; onSaved: (notes: string | null) => void }) {
  const [draft, setDraft] = useState(run.notes ?? "");
  const save = useMutation(SetRunNotesDocument);
  const dirty = draft !== (run.notes ?? "");
  return (
    <section className="card">
      <h2>Notes &amp; log</h2>
      <textarea
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        rows={6}
        placeholder="What did this run try? What did you learn?"
        aria-label="Notes"
      />
      <div className="row">
        <button
          type="button"
          disabled={!dirty || save.loading}
          onClick={() =>
            void save.mutate({ id: run.id, notes: draft || null }).then((d) => onSaved(d.setRunNotes.notes))
          }
        >
          {save.loading ? "Saving…" : "Save notes"}
        </button>
        {save.error && <span className="error-text">{save.error.message}</span>}
      </div>
      <h3>Log</h3>
      <ul className="log small">
        <li>{fmtDate(run.createdAt)} · launched</li>
        {run.startedAt && <li>{fmtDate(run.startedAt)} · started by a worker</li>}
        {run.endedAt && (
          <li>
            {fmtDate(run.endedAt)} · {run.status.toLowerCase()}
            {run.error ? `: ${run.error}` : ""}
          </li>
        )}
      </ul>
    </section>
  );
}

/** An action's error as one line: its field errors when the API gave some, else its message. */
function errorLine(e: unknown): string {
  if (e instanceof ApiError && e.fields.length) return e.fields.map((f) => `${f.path}: ${f.message}`).join("; ");
  return e instanceof Error ? e.message : String(e);
}

/** Rename, tags, archive / unarchive, retry and delete of one run (issue #17). */
function RunLifecycle({ run, setRun }: { run: RunData; setRun: (f: (r: RunData) => RunData) => void }) {
  const router = useRouter();
  const [name, setName] = useState(run.name);
  const [tag, setTag] = useState("");
  const [confirmDelete, setConfirmDelete] = useState(false);
  const rename = useMutation(UpdateRunDocument);
  const tagRun = useMutation(TagRunDocument);
  const archive = useMutation(ArchiveRunsDocument);
  const unarchive = useMutation(UnarchiveRunsDocument);
  const retry = useMutation(RetryRunDocument);
  const remove = useMutation(DeleteRunsDocument);
  useEffect(() => setName(run.name), [run.name]);
  // The last action's error (cleared when the next one starts).
  const [error, setError] = useState<string | null>(null);
  /** Start an action: clear the last error, then apply its answer or show its error. */
  const perform = <T,>(start: () => Promise<T>, done: (d: T) => void) => {
    setError(null);
    start().then(done, (e: unknown) => setError(errorLine(e)));
  };
  const setTags = (add: string[], drop: string[]) =>
    perform(
      () => tagRun.mutate({ id: run.id, add, remove: drop }),
      (d) => setRun((r) => ({ ...r, tags: d.tagRun.tags })),
    );
  const retryable = run.status === "FAILED" || run.status === "CANCELLED";
  const live = run.status === "QUEUED" || run.status === "RUNNING";

  return (
    <section className="card run-lifecycle" aria-label="Run actions" data-testid="run-lifecycle">
      <div className="run-actions">
        <form
          className="inline-form"
          data-testid="rename-form"
          onSubmit={(e) => {
            e.preventDefault();
            perform(
              () => rename.mutate({ id: run.id, input: { name } }),
              (d) => setRun((r) => ({ ...r, name: d.updateRun.name })),
            );
          }}
        >
          <input
            name="runName"
            aria-label="run name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            size={28}
          />
          <button type="submit" disabled={rename.loading || name === run.name}>
            {rename.loading ? "Renaming…" : "Rename"}
          </button>
        </form>
        {run.archivedAt ? (
          <>
            <span className="tag" data-testid="run-archived" title={run.archivedAt}>
              archived {fmtDate(run.archivedAt)}
            </span>
            <button
              type="button"
              disabled={unarchive.loading}
              data-testid="run-unarchive"
              onClick={() =>
                perform(
                  () => unarchive.mutate({ ids: [run.id] }),
                  () => setRun((r) => ({ ...r, archivedAt: null })),
                )
              }
            >
              Unarchive
            </button>
          </>
        ) : (
          <button
            type="button"
            disabled={archive.loading}
            data-testid="run-archive"
            title="Hide it from the Runs list (shown with “archived runs”)"
            onClick={() =>
              perform(
                () => archive.mutate({ ids: [run.id] }),
                (d) => setRun((r) => ({ ...r, archivedAt: d.archiveRuns[0]?.archivedAt ?? null })),
              )
            }
          >
            Archive
          </button>
        )}
        {retryable && (
          <button
            type="button"
            className="primary"
            disabled={retry.loading}
            data-testid="run-retry"
            title="Launch a new run with the same config; this one is kept"
            onClick={() =>
              perform(
                () => retry.mutate({ id: run.id }),
                (d) => router.push(`/runs/${d.retryRun.id}`),
              )
            }
          >
            {retry.loading ? "Retrying…" : "Retry"}
          </button>
        )}
        {confirmDelete ? (
          <>
            <button
              type="button"
              className="danger"
              disabled={remove.loading}
              data-testid="run-delete-confirm"
              onClick={() =>
                perform(
                  () => remove.mutate({ ids: [run.id] }),
                  () => router.push("/runs"),
                )
              }
            >
              Delete for good
            </button>
            <button type="button" className="link" onClick={() => setConfirmDelete(false)}>
              keep it
            </button>
          </>
        ) : (
          <button
            type="button"
            className="danger"
            data-testid="run-delete"
            title={
              live
                ? "Cancel the run first: a queued or running run is not deleted"
                : "Delete the run with its metrics, logs, artifacts and jobs"
            }
            onClick={() => setConfirmDelete(true)}
          >
            Delete…
          </button>
        )}
      </div>
      <div className="run-actions" data-testid="tag-editor">
        <span className="label">Tags</span>
        {run.tags.map((t) => (
          <span key={t} className="chip" data-tag={t}>
            {t}{" "}
            <button
              type="button"
              className="link"
              aria-label={`remove tag ${t}`}
              disabled={tagRun.loading}
              onClick={() => setTags([], [t])}
            >
              ✕
            </button>
          </span>
        ))}
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            const t = tag.trim();
            if (!t) return;
            setTags([t], []);
            setTag("");
          }}
        >
          <input
            name="newTag"
            aria-label="new tag"
            value={tag}
            onChange={(e) => setTag(e.target.value)}
            placeholder="add tag"
            size={14}
          />
          <button type="submit" disabled={tagRun.loading || !tag.trim()}>
            Add tag
          </button>
        </form>
      </div>
      {error && (
        <p className="error-text" role="alert" data-testid="run-action-error">
          {error}
        </p>
      )}
    </section>
  );
}
