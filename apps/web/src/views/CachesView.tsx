"use client";
import { CACHE_READING_KINDS, MODEL_FAMILIES } from "@loffta/graphql/domain";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { Empty, ErrorBox, LiveDot, Loading, ProgressBar, StatusBadge } from "../components/states";
import {
  CacheFormOptionsDocument,
  FeatureCacheProgressDocument,
  FeatureCachesDocument,
  RequestFeatureCacheDocument,
  type FeatureCachesQuery,
} from "../generated/graphql";
import { fmtAgo, fmtBytes, fmtJson, fmtNumber, kindLabel, layerLabel } from "../lib/format";
import { useMutation, useQuery, useSubscription } from "../lib/hooks";
import { useUrlState } from "../lib/url";

type Cache = FeatureCachesQuery["featureCaches"][number];

export function CachesView() {
  const q = useQuery(FeatureCachesDocument, {});
  const { params } = useUrlState();
  const focus = params.get("focus");
  const [showForm, setShowForm] = useState(false);

  return (
    <>
      <div className="page-head">
        <h1>Feature caches</h1>
        <div className="actions">
          <button type="button" className="primary" onClick={() => setShowForm((s) => !s)}>
            {showForm ? "Close" : "Request a cache"}
          </button>
        </div>
      </div>
      <p className="muted">
        Patch tokens of a dataset through a frozen foundation model, extracted once and reused by every{" "}
        {CACHE_READING_KINDS.map(kindLabel).join(" / ")} run. Progress of extracting caches updates live.
      </p>
      {showForm && <RequestCacheForm onDone={() => void q.refetch()} />}
      {q.error ? (
        <ErrorBox error={q.error} retry={() => void q.refetch()} />
      ) : !q.data ? (
        <Loading what="Loading caches" />
      ) : q.data.featureCaches.length === 0 ? (
        <Empty>
          No feature caches yet. Request one to extract a dataset&apos;s tokens through a foundation model.
        </Empty>
      ) : (
        <div className="table-wrap">
          <table className="data" data-testid="caches-table">
            <thead>
              <tr>
                <th>Dataset · model</th>
                <th className="num">Resolution</th>
                <th>Status</th>
                <th className="progress-col">Progress</th>
                <th className="num">Grid</th>
                <th className="num">Size</th>
                <th className="num">Skipped</th>
                <th className="num">img/s</th>
                <th className="num">Runs</th>
                <th>Requested</th>
              </tr>
            </thead>
            <tbody>
              {q.data.featureCaches.map((c) => (
                <CacheRow
                  key={c.id}
                  cache={c}
                  focused={focus === c.id}
                  onChange={(next) =>
                    q.setData(
                      (d) =>
                        d && {
                          featureCaches: d.featureCaches.map((x) => (x.id === c.id ? { ...x, ...next } : x)),
                        },
                    )
                  }
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function CacheRow({
  cache: c,
  focused,
  onChange,
}: {
  cache: Cache;
  focused: boolean;
  onChange: (c: Partial<Cache>) => void;
}) {
  const active = c.status === "PENDING" || c.status === "EXTRACTING";
  const live = useSubscription(
    FeatureCacheProgressDocument,
    { id: c.id },
    (d) => onChange(d.featureCacheProgress),
    { skip: !active },
  );
  return (
    <tr data-cache-id={c.id} className={focused ? "focused" : undefined}>
      <td>
        <Link href={`/caches/${c.id}`} data-testid="cache-link">
          <strong>{c.dataset.name}</strong> · {c.model.name}
        </Link>
        {c.stale && (
          <span className="badge warn" title={c.staleReason ?? undefined} data-testid="cache-stale-badge">
            stale
          </span>
        )}
        <div className="muted small">
          {layerLabel(c.layer, c.model.family, c.model.depth)} · {c.dtype}
          {c.splitCounts.length > 0 &&
            ` · ${c.splitCounts.map((x) => `${x.split} ${x.count.toLocaleString("en-US")}`).join(" · ")}`}
        </div>
        {c.mean && c.std && (
          <div
            className="muted small mono"
            title={c.weightsSha256 ? `weights SHA-256 ${c.weightsSha256}` : undefined}
          >
            mean {fmtJson(c.mean)} · std {fmtJson(c.std)}
          </div>
        )}
      </td>
      <td className="num">
        {c.resolution}²{c.pooling > 1 ? ` · pool ${c.pooling}×${c.pooling}` : ""}
      </td>
      <td>
        <StatusBadge status={c.status} />
        {active && <LiveDot status={live.status} />}
        {c.error && <div className="error-text small">{c.error}</div>}
      </td>
      <td className="progress-col">
        {c.status === "READY" ? (
          <ProgressBar value={1} label={`${c.progressTotal.toLocaleString()} images`} />
        ) : c.status === "FAILED" ? (
          <span className="muted small">
            {c.progressDone.toLocaleString()} / {c.progressTotal.toLocaleString()}
          </span>
        ) : (
          <ProgressBar
            value={c.progress}
            label={
              c.progressTotal
                ? `${c.progressDone.toLocaleString()} / ${c.progressTotal.toLocaleString()}`
                : c.status === "PENDING"
                  ? "waiting for a worker"
                  : undefined
            }
          />
        )}
      </td>
      <td className="num">{c.gridH ? `${c.gridH}×${c.gridW}×${c.dim}` : "—"}</td>
      <td className="num">
        {fmtBytes(c.bytes)}
        {c.shardCount > 0 && <div className="muted small">{c.shardCount} shards</div>}
      </td>
      <td className="num">{c.skippedCount}</td>
      <td className="num">{fmtNumber(c.imagesPerSec)}</td>
      <td className="num">{c.runCount > 0 ? <Link href={`/runs?cache=${c.id}`}>{c.runCount}</Link> : 0}</td>
      <td className="small" title={c.createdAt}>
        {fmtAgo(c.createdAt)}
      </td>
    </tr>
  );
}

function RequestCacheForm({ onDone }: { onDone: () => void }) {
  const opts = useQuery(CacheFormOptionsDocument, {});
  const req = useMutation(RequestFeatureCacheDocument);
  const [datasetId, setDatasetId] = useState("");
  const [modelId, setModelId] = useState("");
  const [resolution, setResolution] = useState("224");
  const [pooling, setPooling] = useState("1");
  // Empty: the last block (the API's default); else a 1-based block number.
  const [layer, setLayer] = useState("");
  const [done, setDone] = useState<string | null>(null);
  if (opts.error) return <ErrorBox error={opts.error} />;
  if (!opts.data) return <Loading />;
  const ds = datasetId || opts.data.datasets[0]?.id || "";
  const md = modelId || opts.data.foundationModels[0]?.id || "";
  const model = opts.data.foundationModels.find((m) => m.id === md);
  // Families whose feature layer is named in the model's options take no block number.
  const namedLayer = model ? MODEL_FAMILIES[model.family].layers === "named" : false;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await req
      .mutate({
        input: {
          datasetId: ds,
          modelId: md,
          resolution: Number(resolution),
          pooling: Number(pooling),
          ...(namedLayer || layer.trim() === "" ? {} : { layer: Number(layer) }),
        },
      })
      .catch(() => null);
    if (r) {
      setDone(
        `Cache ${r.requestFeatureCache.id.slice(0, 8)} is ${r.requestFeatureCache.status.toLowerCase()}.`,
      );
      onDone();
    }
  };
  if (!opts.data.datasets.length || !opts.data.foundationModels.length)
    return (
      <Empty>
        A cache needs a <Link href="/datasets">dataset</Link> and a{" "}
        <Link href="/models">foundation model</Link>: register them through the API first.
      </Empty>
    );
  // noValidate: the API checks the request and says what is wrong (resolution a multiple of the
  // patch size, block within the depth); the inputs' min/max/step are hints.
  return (
    <form className="card inline-form" onSubmit={submit} noValidate>
      <label className="field">
        <span className="label">Dataset</span>
        <select value={ds} onChange={(e) => setDatasetId(e.target.value)}>
          {opts.data.datasets.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name} ({d.status.toLowerCase()})
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="label">Model</span>
        <select value={md} onChange={(e) => setModelId(e.target.value)}>
          {opts.data.foundationModels.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="label">Resolution{model ? ` (multiple of ${model.patchSize})` : ""}</span>
        <input
          type="number"
          value={resolution}
          onChange={(e) => setResolution(e.target.value)}
          min={model?.patchSize ?? 16}
          max={4096}
          step={model?.patchSize ?? 1}
        />
      </label>
      <label className="field">
        <span className="label">Pooling k×k</span>
        <input type="number" value={pooling} onChange={(e) => setPooling(e.target.value)} min={1} max={16} />
      </label>
      <label className="field">
        <span className="label">
          {namedLayer
            ? "Layer (named in the model's options)"
            : `Block (1–${model?.depth ?? "depth"}; empty = last)`}
        </span>
        <input
          type="number"
          name="layer"
          value={namedLayer ? "" : layer}
          onChange={(e) => setLayer(e.target.value)}
          min={1}
          max={model?.depth}
          step={1}
          placeholder={namedLayer ? "—" : "last"}
          disabled={namedLayer}
        />
      </label>
      <button type="submit" className="primary" disabled={req.loading}>
        {req.loading ? "Requesting…" : "Request"}
      </button>
      {req.error && (
        <span className="error-text" data-testid="request-outcome">
          {req.error.message}
        </span>
      )}
      {done && (
        <span className="muted" data-testid="request-outcome">
          {done}
        </span>
      )}
    </form>
  );
}
