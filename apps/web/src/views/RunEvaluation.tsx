"use client";
/**
 * The run page's evaluation sample by sample and its artifacts (graphql/artifacts.graphql): the
 * confusion matrix (the worker's `Run.confusionMatrix`; with a predictions artifact its cells open
 * the samples that fell in them, as thumbnails), ROC and precision–recall curves, the most
 * confidently wrong samples, and the artifact files to download. Images and files are fetched
 * with the session's token (the API's file routes) and shown from object URLs.
 */
import { useEffect, useMemo, useState } from "react";
import { EChart, type ChartOption } from "../components/EChart";
import { Empty, ErrorBox } from "../components/states";
import { RunArtifactsDocument, RunCellSamplesDocument, type RunArtifactsQuery, type EvalSampleFieldsFragment } from "../generated/graphql";
import { fmtBytes, fmtNumber } from "../lib/format";
import { useQuery } from "../lib/hooks";
import { useSession } from "../lib/session";

type ArtifactsRun = NonNullable<RunArtifactsQuery["run"]>;
type Evaluation = NonNullable<ArtifactsRun["evaluation"]>;
type Artifact = ArtifactsRun["artifacts"][number];

/** The run's artifacts and evaluation, fetched again when the run's status changes (a run that just finished). */
export function useRunArtifacts(runId: string, status: string) {
  const q = useQuery(RunArtifactsDocument, { id: runId });
  const { refetch } = q;
  useEffect(() => {
    void refetch();
  }, [status, refetch]);
  return q;
}

/** GET a file route of the API with the session's token; the body as a Blob. */
async function fetchFile(apiUrl: string, token: string | null | undefined, path: string): Promise<Blob> {
  const res = await fetch(`${apiUrl.replace(/\/+$/, "")}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { errors?: { message: string }[] } | null;
    throw new Error(body?.errors?.[0]?.message ?? `HTTP ${res.status}`);
  }
  return res.blob();
}

/** One sample's image (the API reads it from the run's dataset). */
function SampleImage({ runId, index, alt }: { runId: string; index: number; alt: string }) {
  const { apiUrl, token } = useSession();
  const [src, setSrc] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let url: string | null = null;
    let live = true;
    fetchFile(apiUrl, token, `/runs/${runId}/samples/${index}/image`).then(
      (b) => {
        if (!live) return;
        url = URL.createObjectURL(b);
        setSrc(url);
      },
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [apiUrl, token, runId, index]);
  if (error) return <span className="thumb missing" title={error}>?</span>;
  return src ? <img className="thumb" src={src} alt={alt} data-testid="sample-image" /> : <span className="thumb loading" />;
}

function SampleTile({ runId, s, labelNames, imagesAvailable }: { runId: string; s: EvalSampleFieldsFragment; labelNames: string[]; imagesAvailable: boolean }) {
  const name = (c: number) => labelNames[c] ?? String(c);
  return (
    <figure className="sample" data-testid="sample" data-index={s.index} data-label={s.label} data-predicted={s.predicted}>
      {imagesAvailable ? <SampleImage runId={runId} index={s.index} alt={s.path ?? `sample ${s.index}`} /> : <span className="thumb missing">—</span>}
      <figcaption className="small">
        <span className={s.label === s.predicted ? "" : "bad"}>
          {name(s.label)} → {name(s.predicted)}
        </span>{" "}
        <span className="muted">{fmtNumber(s.confidence, 3)}</span>
        {s.path && (
          <span className="muted mono path" title={s.path}>
            {s.path}
          </span>
        )}
      </figcaption>
    </figure>
  );
}

/** `Run.confusionMatrix`: cm[true][predicted], classes in the dataset's `classNames` order; cells clickable when `onSelect`. */
export function ConfusionMatrix({
  matrix: rows,
  classNames,
  selected,
  onSelect,
}: {
  matrix: number[][];
  classNames: string[];
  selected?: [number, number] | null;
  onSelect?: (cell: [number, number]) => void;
}) {
  const max = Math.max(1, ...rows.flat());
  const name = (i: number) => classNames[i] ?? String(i);
  return (
    <>
      <h3>Confusion matrix</h3>
      {onSelect && <p className="muted small">Click a cell to see its images.</p>}
      <div className="table-wrap">
        <table className="confusion" data-testid="confusion-matrix">
          <thead>
            <tr>
              <th className="small">true ↓ / predicted →</th>
              {rows[0]?.map((_, j) => (
                <th key={j} className="small" data-class={j}>
                  {name(j)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i} data-true={i}>
                <th className="small">{name(i)}</th>
                {r.map((v, j) => (
                  <td
                    key={j}
                    data-pred={j}
                    title={`true ${name(i)}, predicted ${name(j)}: ${v}`}
                    className={[onSelect && v > 0 ? "clickable" : "", selected?.[0] === i && selected[1] === j ? "selected" : ""].join(" ").trim() || undefined}
                    onClick={onSelect && v > 0 ? () => onSelect([i, j]) : undefined}
                    style={{
                      background: `rgba(${i === j ? "37, 99, 235" : "220, 38, 38"}, ${(v / max) * 0.85})`,
                      color: v / max > 0.5 ? "#fff" : undefined,
                    }}
                  >
                    {v}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

const CELL_PAGE = 48;

/** The samples of one confusion-matrix cell, most confident first, a page at a time. */
function CellSamples({ runId, cell, ev, onClose }: { runId: string; cell: [number, number]; ev: Evaluation; onClose: () => void }) {
  const [offset, setOffset] = useState(0);
  useEffect(() => setOffset(0), [cell]);
  const q = useQuery(RunCellSamplesDocument, { id: runId, filter: { trueLabel: cell[0], predictedLabel: cell[1] }, first: CELL_PAGE, offset });
  const page = q.data?.run?.evaluation?.samples;
  const name = (c: number) => ev.labelNames[c] ?? String(c);
  return (
    <div className="cell-samples" data-testid="cell-samples" data-true={cell[0]} data-pred={cell[1]} data-total={page?.total ?? ""}>
      <h3>
        True {name(cell[0])}, predicted {name(cell[1])}
        {page && <span className="muted small"> · {page.total} images</span>}{" "}
        <button type="button" className="link small" onClick={onClose}>
          close
        </button>
      </h3>
      {q.error && <ErrorBox error={q.error} />}
      {!ev.imagesAvailable && <p className="muted small">Images unavailable: the run&apos;s dataset no longer matches what it was evaluated on.</p>}
      <div className="samples">
        {page?.samples.map((s) => <SampleTile key={s.row} runId={runId} s={s} labelNames={ev.labelNames} imagesAvailable={ev.imagesAvailable} />)}
      </div>
      {page && page.total > CELL_PAGE && (
        <p className="small">
          <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - CELL_PAGE))}>
            ← previous
          </button>{" "}
          {offset + 1}–{Math.min(page.total, offset + CELL_PAGE)} of {page.total}{" "}
          <button type="button" disabled={offset + CELL_PAGE >= page.total} onClick={() => setOffset(offset + CELL_PAGE)}>
            next →
          </button>
        </p>
      )}
    </div>
  );
}

/** The confusion matrix of the final-metrics card: clickable when the run has a predictions artifact. */
export function ConfusionWithSamples({ runId, matrix, classNames, ev }: { runId: string; matrix: number[][]; classNames: string[]; ev: Evaluation | null | undefined }) {
  const [cell, setCell] = useState<[number, number] | null>(null);
  return (
    <>
      <ConfusionMatrix matrix={matrix} classNames={classNames} selected={cell} onSelect={ev ? setCell : undefined} />
      {ev && cell && <CellSamples runId={runId} cell={cell} ev={ev} onClose={() => setCell(null)} />}
    </>
  );
}

function curveOption(curves: Evaluation["pr"], kind: "ROC" | "PR"): ChartOption {
  return {
    animation: false,
    // Many classes: the legend scrolls above the plot, clear of the axis name.
    grid: { left: 48, right: 16, top: curves.length > 2 ? 64 : 36, bottom: 40 },
    legend: { top: 0, type: "scroll" },
    tooltip: { trigger: "item" },
    xAxis: { type: "value", min: 0, max: 1, name: kind === "ROC" ? "false-positive rate" : "recall", nameLocation: "middle", nameGap: 24 },
    yAxis: { type: "value", min: 0, max: 1, name: kind === "ROC" ? "true-positive rate" : "precision" },
    series: [
      ...curves.map((c) => ({
        type: "line" as const,
        name: `${c.className} (${kind === "ROC" ? "AUC" : "AP"} ${c.area == null ? "—" : c.area.toFixed(3)})`,
        showSymbol: false,
        step: kind === "PR" ? ("end" as const) : undefined,
        data: c.points.map((p) => [p.x, p.y]),
      })),
      ...(kind === "ROC" ? [{ type: "line" as const, name: "chance", showSymbol: false, lineStyle: { type: "dashed" as const, opacity: 0.4 }, data: [[0, 0], [1, 1]] }] : []),
    ],
  };
}

/** ROC / PR curves and the most confidently wrong samples. */
export function EvaluationDetails({ runId, ev }: { runId: string; ev: Evaluation }) {
  const [kind, setKind] = useState<"ROC" | "PR">("ROC");
  const curves = kind === "ROC" ? ev.roc : ev.pr;
  const option = useMemo(() => curveOption(curves, kind), [curves, kind]);
  return (
    <section className="card" data-testid="evaluation">
      <h2>
        Evaluation sample by sample{" "}
        <span className="muted small">
          {ev.count.toLocaleString("en-US")} images of the {ev.split} split
        </span>
      </h2>
      <div className="grid-2">
        <div>
          <h3>
            <button type="button" className={kind === "ROC" ? "tab active" : "tab"} onClick={() => setKind("ROC")} data-testid="curve-roc">
              ROC
            </button>{" "}
            <button type="button" className={kind === "PR" ? "tab active" : "tab"} onClick={() => setKind("PR")} data-testid="curve-pr">
              Precision–recall
            </button>
            <span className="muted small"> {ev.labelNames.length === 2 ? `positive class ${ev.labelNames[1]}` : "one class against the rest"}</span>
          </h3>
          <EChart
            option={option}
            height={280}
            ariaLabel={`${kind} curves`}
            dataAttrs={{ testid: "curves", kind, areas: curves.map((c) => (c.area == null ? "" : c.area.toFixed(6))).join(",") }}
          />
        </div>
        <div>
          <h3>
            Most confidently wrong <span className="muted small">{ev.wrong.total} misclassified</span>
          </h3>
          {ev.wrong.total === 0 ? (
            <Empty>Every evaluated image is classified correctly.</Empty>
          ) : (
            <div className="samples" data-testid="most-wrong">
              {ev.wrong.samples.map((s) => <SampleTile key={s.row} runId={runId} s={s} labelNames={ev.labelNames} imagesAvailable={ev.imagesAvailable} />)}
            </div>
          )}
        </div>
      </div>
    </section>
  );
}

/** The run's files, each downloaded with the session's token. */
export function ArtifactList({ artifacts }: { artifacts: Artifact[] }) {
  const { apiUrl, token } = useSession();
  const [error, setError] = useState<string | null>(null);
  const download = async (a: Artifact) => {
    setError(null);
    try {
      const url = URL.createObjectURL(await fetchFile(apiUrl, token, a.downloadPath));
      const link = document.createElement("a");
      link.href = url;
      link.download = a.name;
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      setError(`${a.name}: ${(e as Error).message}`);
    }
  };
  if (!artifacts.length) return <Empty>No artifacts (kept when a worker trains the run on a platform with an object store).</Empty>;
  return (
    <>
      <table className="data compact" data-testid="artifacts">
        <thead>
          <tr>
            <th>File</th>
            <th>Kind</th>
            <th className="num">Size</th>
            <th>SHA-256</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {artifacts.map((a) => (
            <tr key={a.id} data-name={a.name}>
              <td className="mono">{a.name}</td>
              <td className="small">{a.kind.toLowerCase()}</td>
              <td className="num">{fmtBytes(a.bytes)}</td>
              <td className="mono small" title={a.sha256}>
                {a.sha256.slice(0, 12)}…
              </td>
              <td>
                <button type="button" className="small" onClick={() => void download(a)} data-testid="download-artifact">
                  Download
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {error && <p className="error small">{error}</p>}
    </>
  );
}
