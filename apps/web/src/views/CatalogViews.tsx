"use client";
import { DATASET_LAYOUTS, MODEL_FAMILIES } from "@loffta/graphql/domain";
import Link from "next/link";
import { Empty, ErrorBox, Loading, StatusBadge } from "../components/states";
import { DatasetsDocument, FoundationModelsDocument } from "../generated/graphql";
import { fmtAgo, fmtJson, fmtNumber } from "../lib/format";
import { useQuery } from "../lib/hooks";

export function DatasetsView() {
  const q = useQuery(DatasetsDocument, {});
  return (
    <>
      <div className="page-head">
        <h1>Datasets</h1>
      </div>
      <p className="muted">
        Labelled image folders or CSV manifests on storage the workers can read. Register them through the API
        (registerDataset).
      </p>
      {q.error ? (
        <ErrorBox error={q.error} retry={() => void q.refetch()} />
      ) : !q.data ? (
        <Loading what="Loading datasets" />
      ) : q.data.datasets.length === 0 ? (
        <Empty>No datasets registered yet.</Empty>
      ) : (
        <div className="table-wrap">
          <table className="data" data-testid="datasets-table">
            <thead>
              <tr>
                <th>Name</th>
                <th>Status</th>
                <th>Layout</th>
                <th className="num">Classes</th>
                <th>Splits</th>
                <th className="num">Images</th>
                <th className="num">Caches</th>
                <th>Registered</th>
              </tr>
            </thead>
            <tbody>
              {q.data.datasets.map((d) => (
                <tr key={d.id}>
                  <td>
                    <strong>{d.name}</strong>
                    <div className="muted small mono">{d.rootUri}</div>
                    {d.error && <div className="error-text small">{d.error}</div>}
                  </td>
                  <td>
                    <StatusBadge status={d.status} />
                  </td>
                  <td className="small" title={DATASET_LAYOUTS[d.layout].summary}>
                    {DATASET_LAYOUTS[d.layout].label}
                  </td>
                  <td className="num" title={d.classNames.join(", ")}>
                    {d.classNames.length}
                  </td>
                  <td className="small">
                    {d.splitCounts.map((s) => `${s.split} ${s.count.toLocaleString()}`).join(" · ") || "—"}
                  </td>
                  <td className="num">{d.imageCount.toLocaleString()}</td>
                  <td className="num">
                    {d.caches.length === 0
                      ? 0
                      : d.caches.map((c) => (
                          <div key={c.id} className="small">
                            <Link href={`/caches/${c.id}`} data-testid="dataset-cache-link">
                              {c.model.name} @{c.resolution}
                            </Link>
                            {c.stale ? " (stale)" : ""}
                          </div>
                        ))}
                  </td>
                  <td className="small">{fmtAgo(d.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

export function ModelsView() {
  const q = useQuery(FoundationModelsDocument, {});
  return (
    <>
      <div className="page-head">
        <h1>Foundation models</h1>
      </div>
      <p className="muted">
        Frozen models whose patch tokens are cached. Register them through the API (registerFoundationModel).
      </p>
      {q.error ? (
        <ErrorBox error={q.error} retry={() => void q.refetch()} />
      ) : !q.data ? (
        <Loading what="Loading models" />
      ) : q.data.foundationModels.length === 0 ? (
        <Empty>No foundation models registered yet.</Empty>
      ) : (
        <div className="table-wrap">
          <table className="data" data-testid="models-table">
            <thead>
              <tr>
                <th>Name</th>
                <th>Family</th>
                <th className="num">Patch</th>
                <th className="num">Width D</th>
                <th className="num">Depth × heads</th>
                <th className="num">Image size</th>
                <th>Normalisation</th>
                <th className="num">Parameters</th>
                <th className="num">Caches</th>
              </tr>
            </thead>
            <tbody>
              {q.data.foundationModels.map((m) => (
                <tr key={m.id}>
                  <td>
                    <strong>{m.name}</strong>
                    <div className="muted small mono">{m.weightsUri}</div>
                  </td>
                  <td>{MODEL_FAMILIES[m.family].label}</td>
                  <td className="num">{m.patchSize}</td>
                  <td className="num">{m.embedDim}</td>
                  <td className="num">
                    {m.depth} × {m.heads}
                  </td>
                  <td className="num">{m.defaultImageSize}²</td>
                  <td className="small mono">
                    {m.mean && m.std ? (
                      `mean ${fmtJson(m.mean)} · std ${fmtJson(m.std)}`
                    ) : (
                      <span className="muted">model / family default</span>
                    )}
                  </td>
                  <td className="num">{m.parameterCount ? `${fmtNumber(m.parameterCount / 1e6)} M` : "—"}</td>
                  <td className="num">{m.caches.length}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
