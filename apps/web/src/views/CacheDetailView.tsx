"use client";
/**
 * One feature cache: what it cost to build, the runs that reused it, the forward passes they did
 * not run and the break-even against fine-tuning / Frozen+linear (`FeatureCache.economics`), its
 * staleness (the dataset scanned again: `rescanDataset`), skipped images, and its lineage —
 * dataset → this cache → runs.
 */
import Link from "next/link";
import { useState } from "react";
import { Empty, ErrorBox, Loading, StatusBadge } from "../components/states";
import { CacheDetailDocument, RescanDatasetDocument, type CacheDetailQuery } from "../generated/graphql";
import { fmtBytes, fmtDate, fmtDuration, fmtNumber, kindLabel, layerLabel } from "../lib/format";
import { useMutation, useQuery } from "../lib/hooks";


/** A signed duration: hours once it is an hour or more, else fmtDuration. */
const signed = (s: number) => `${s < 0 ? "−" : ""}${Math.abs(s) >= 3600 ? `${fmtNumber(Math.abs(s) / 3600, 3)} device-hours` : fmtDuration(Math.abs(s))}`;

function BreakEvenSentence({ e }: { e: NonNullable<CacheDetailQuery["featureCache"]>["economics"] }) {
  const b = e.breakEven[0];
  const against = kindLabel(b.reference.kind);
  const perRun = b.savedPerRunSeconds ?? 0;
  return (
    <p className="small" data-testid="break-even-sentence">
      {b.breakEvenRuns != null
        ? `After ${b.breakEvenRuns} run${b.breakEvenRuns === 1 ? "" : "s"} the cache had paid for its build; its ${e.readingRuns} run(s) saved ${signed(b.savedSeconds)} of device time against ${against}, build included.`
        : perRun > 0
          ? `Not paid off yet: each run saves ${signed(perRun)} against ${against}; about ${Math.ceil((e.buildSeconds ?? 0) / perRun)} runs repay the ${signed(e.buildSeconds ?? 0)} build.`
          : `Its runs took longer than ${against} would have on the same images (${signed(-perRun)} a run): on this model and machine the cache does not pay off against it.`}
    </p>
  );
}

export function CacheDetailView({ id }: { id: string }) {
  const q = useQuery(CacheDetailDocument, { id });
  const rescan = useMutation(RescanDatasetDocument);
  const [outcome, setOutcome] = useState<string | null>(null);
  if (q.error) return <ErrorBox error={q.error} retry={() => void q.refetch()} />;
  if (!q.data) return <Loading what="Loading cache" />;
  const c = q.data.featureCache;
  if (!c) return <ErrorBox error={new Error(`Feature cache ${id} does not exist in your team.`)} />;
  const runs = q.data.runs.edges.map((e) => e.node);
  const check = async () => {
    setOutcome(null);
    try {
      const r = await rescan.mutate({ id: c.dataset.id });
      setOutcome(
        r.rescanDataset.staleCaches.length
          ? `The dataset changed: ${r.rescanDataset.staleCaches.length} cache(s) marked stale.`
          : r.rescanDataset.changed
            ? "The dataset changed; this cache was already stale or not extracted from it."
            : "The dataset is unchanged.",
      );
      await q.refetch();
    } catch (e) {
      setOutcome((e as Error).message);
    }
  };
  return (
    <>
      <p className="muted small">
        <Link href="/caches">Feature caches</Link> / {c.dataset.name} · {c.model.name}
      </p>
      <div className="page-head">
        <h1>
          {c.dataset.name} · {c.model.name} @{c.resolution}
          {c.pooling > 1 ? ` pool ${c.pooling}` : ""}
        </h1>
        <div className="actions">
          <button type="button" onClick={() => void check()} disabled={rescan.loading} data-testid="rescan-dataset">
            Check the dataset for changes
          </button>
        </div>
      </div>
      <p>
        <StatusBadge status={c.status} /> {layerLabel(c.layer, c.model.family, c.model.depth)} · {c.gridH ? `${c.gridH}×${c.gridW}×${c.dim} ${c.dtype}` : "—"}
      </p>
      {outcome && (
        <p className="small" data-testid="rescan-outcome">
          {outcome}
        </p>
      )}
      {c.stale && (
        <div className="card warn" data-testid="cache-stale">
          <strong>Stale since {fmtDate(c.staleAt)}:</strong> {c.staleReason}. A new request for this dataset, model and settings builds a new cache; runs
          on this one keep it.
        </div>
      )}
      <div className="grid-2">
        <section className="card" data-testid="cache-cost">
          <h2>Build cost</h2>
          <dl className="kv">
            <dt>Extraction time</dt>
            <dd data-testid="build-seconds">{fmtDuration(c.extractSeconds)}</dd>
            <dt>Throughput</dt>
            <dd>{fmtNumber(c.imagesPerSec)} images/s</dd>
            <dt>Forward passes</dt>
            <dd data-testid="forward-passes">{c.forwardPasses.toLocaleString("en-US")}</dd>
            <dt>Size</dt>
            <dd>
              {fmtBytes(c.bytes)} in {c.shardCount} shards
            </dd>
            <dt>Peak memory</dt>
            <dd>{fmtBytes(c.extractPeakMemoryBytes)}</dd>
            <dt>Device</dt>
            <dd>{c.extractDevice ?? "—"}</dd>
            <dt>Dataset content</dt>
            <dd className="mono small">{c.datasetContentHash ? `${c.datasetContentHash.slice(0, 16)}…` : "—"}</dd>
          </dl>
        </section>
        <section className="card" data-testid="cache-reuse">
          <h2>Reuse</h2>
          <dl className="kv">
            <dt>Runs on the tokens</dt>
            <dd data-testid="reading-runs">{c.economics.readingRuns}</dd>
            <dt>Forward passes avoided</dt>
            <dd data-testid="passes-avoided">{c.economics.forwardPassesAvoided.toLocaleString("en-US")}</dd>
            <dt>Their training time</dt>
            <dd>{fmtDuration(c.economics.trainingSeconds)}</dd>
          </dl>
          {c.economics.breakEven.length === 0 ? (
            <Empty>No reference yet: a fine-tuning or Frozen+linear run on this cache (or a calibration of the model) gives one.</Empty>
          ) : (
            <table className="data compact" data-testid="break-even">
              <thead>
                <tr>
                  <th>Against</th>
                  <th className="num">img/s</th>
                  <th className="num">Would have taken</th>
                  <th className="num">Saved (build included)</th>
                  <th className="num">Break-even</th>
                </tr>
              </thead>
              <tbody>
                {c.economics.breakEven.map((b) => (
                  <tr key={`${b.reference.kind}-${b.reference.source}`} data-kind={b.reference.kind} data-saved={b.savedSeconds} data-break-even={b.breakEvenRuns ?? ""}>
                    <td>
                      {kindLabel(b.reference.kind)}{" "}
                      <span className="muted small">
                        {b.reference.source === "RUN" && b.reference.run ? <Link href={`/runs/${b.reference.run.id}`}>{b.reference.run.name}</Link> : "calibration"}
                      </span>
                    </td>
                    <td className="num">{fmtNumber(b.reference.imagesPerSec)}</td>
                    <td className="num">{fmtDuration(b.referenceSeconds)}</td>
                    <td className={`num ${b.savedSeconds < 0 ? "bad" : ""}`}>{signed(b.savedSeconds)}</td>
                    <td className="num">{b.breakEvenRuns == null ? "not yet" : `after ${b.breakEvenRuns} run${b.breakEvenRuns === 1 ? "" : "s"}`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {c.economics.breakEven[0] && <BreakEvenSentence e={c.economics} />}
        </section>
      </div>
      <section className="card" data-testid="cache-lineage">
        <h2>Lineage</h2>
        <p>
          Dataset <Link href="/datasets">{c.dataset.name}</Link> <span className="mono small muted">{c.dataset.rootUri}</span> → this cache →{" "}
          {q.data.runs.totalCount} run(s)
        </p>
        {runs.length === 0 ? (
          <Empty>No run names this cache yet.</Empty>
        ) : (
          <table className="data compact" data-testid="cache-runs">
            <thead>
              <tr>
                <th>Run</th>
                <th>Kind</th>
                <th>Status</th>
                <th className="num">Images read</th>
                <th className="num">Training time</th>
              </tr>
            </thead>
            <tbody>
              {runs.map((r) => (
                <tr key={r.id} data-run-id={r.id}>
                  <td>
                    <Link href={`/runs/${r.id}`}>{r.name}</Link>
                  </td>
                  <td>{kindLabel(r.kind)}</td>
                  <td>
                    <StatusBadge status={r.status} />
                  </td>
                  <td className="num">{r.imagesSeen?.toLocaleString("en-US") ?? "—"}</td>
                  <td className="num">{fmtDuration(r.wallTimeSec)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="card">
        <h2>Skipped images ({c.skippedCount})</h2>
        {c.skipped.length === 0 ? (
          <Empty>None: every image was decoded.</Empty>
        ) : (
          <table className="data compact" data-testid="skipped-images">
            <tbody>
              {c.skipped.map((s) => (
                <tr key={s.path}>
                  <td className="mono small">{s.path}</td>
                  <td className="small">{s.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
