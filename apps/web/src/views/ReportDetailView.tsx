"use client";
/**
 * One reproduction report: results per kind × labels per class, the plots (PNG from the API),
 * links to every run and to comparisons of them, the report markdown (rendered or as source) and
 * a download of report.md.
 */
import Link from "next/link";
import { useEffect, useMemo, useState } from "react";
import { Markdown } from "../components/Markdown";
import { Empty, ErrorBox, Loading, StatusBadge } from "../components/states";
import { ReportDetailDocument, type ReportDetailQuery } from "../generated/graphql";
import {
  fmtBytes,
  fmtDate,
  fmtJson,
  fmtNumber,
  fmtRatio,
  kindLabel,
  metricSpec,
  runMetrics,
} from "../lib/format";
import { useQuery } from "../lib/hooks";

type Report = NonNullable<ReportDetailQuery["report"]>;

/** Compare takes at most this many runs (the API's compareRuns limit). */
export const MAX_COMPARE = 20;

/** Compare of a report's runs, seeds of one setting grouped (a report's rows are means over seeds). */
export const compareHref = (ids: string[], reportId: string): string =>
  `/compare?ids=${ids.join(",")}&report=${reportId}&group=seeds`;

/** "0.755 ± 0.012", as report.md writes it. */
export const fmtMeanStd = (m: number | null | undefined, s: number | null | undefined): string =>
  m == null ? "—" : `${m.toFixed(3)} ± ${(s ?? 0).toFixed(3)}`;

export function ReportDetailView({ id }: { id: string }) {
  const q = useQuery(ReportDetailDocument, { id });
  if (q.error) return <ErrorBox error={q.error} retry={() => void q.refetch()} />;
  if (!q.data) return <Loading what="Loading report" />;
  if (!q.data.report) return <ErrorBox error={new Error(`Report ${id} does not exist in your team.`)} />;
  return <ReportDetail report={q.data.report} />;
}

const SETTING_LABELS: [string, string][] = [
  ["dataset", "Dataset"],
  ["model", "Foundation model"],
  ["resolution", "Resolution"],
  ["epochs", "Epochs"],
  ["batchSize", "Batch size"],
  ["seeds", "Seeds"],
];

function ReportDetail({ report: r }: { report: Report }) {
  const runsById = useMemo(() => new Map(r.runs.map((x) => [x.id, x])), [r.runs]);
  const images = useMemo(() => Object.fromEntries(r.plots.map((p) => [p.name, p.dataUrl])), [r.plots]);
  const links = useMemo(() => Object.fromEntries(r.runIds.map((x) => [x, `/runs/${x}`])), [r.runIds]);
  const settings = (r.settings && typeof r.settings === "object" ? r.settings : {}) as Record<
    string,
    unknown
  >;
  const missing = r.runIds.length - r.runs.length;
  const metricLabel = metricSpec(r.metric)?.label ?? r.metric;
  // Runs per labels-per-class setting, for "compare at N labels / class" links.
  const bySetting = useMemo(() => {
    const m = new Map<number | null, string[]>();
    for (const res of r.results) {
      const k = res.labelsPerClass ?? null;
      m.set(k, [...(m.get(k) ?? []), ...res.runIds]);
    }
    return [...m.entries()];
  }, [r.results]);

  return (
    <>
      <div className="page-head">
        <div>
          <p className="crumbs">
            <Link href={`/reports?project=${r.project.id}`}>Reports</Link> / {r.project.name}
          </p>
          <h1 data-testid="report-name">{r.name}</h1>
          <p className="meta">
            <span>metric {r.metric}</span>
            <span>{r.runCount} runs</span>
            <span title={r.updatedAt}>published {fmtDate(r.updatedAt)}</span>
            {fmtDate(r.createdAt) !== fmtDate(r.updatedAt) && (
              <span title={r.createdAt}>first published {fmtDate(r.createdAt)}</span>
            )}
            {r.kinds.map((k) => (
              <span key={k} className="chip">
                {kindLabel(k)}
              </span>
            ))}
          </p>
        </div>
        <div className="actions">
          {r.runIds.length > 0 && r.runIds.length <= MAX_COMPARE && (
            <Link className="button" href={compareHref(r.runIds, r.id)} data-testid="compare-all">
              Compare these runs
            </Link>
          )}
          <DownloadMarkdown markdown={r.markdown} />
        </div>
      </div>

      {Object.keys(settings).length > 0 && (
        <section className="stats" aria-label="Settings">
          {SETTING_LABELS.filter(([k]) => settings[k] !== undefined).map(([k, label]) => (
            <div key={k} className="stat">
              <span className="label">{label}</span>
              <span className="value small-value">
                {Array.isArray(settings[k])
                  ? (settings[k] as unknown[]).join(", ")
                  : k === "resolution"
                    ? `${fmtJson(settings[k])}²`
                    : fmtJson(settings[k])}
              </span>
            </div>
          ))}
        </section>
      )}

      <section className="card">
        <div className="card-head">
          <h2>Results</h2>
          <span className="muted small">
            {metricLabel}: mean ± sample std over seeds · speed-up and memory saving against fine-tuning
          </span>
        </div>
        {r.results.length === 0 ? (
          <Empty>This report has no results.</Empty>
        ) : (
          <div className="table-wrap">
            <table className="data" data-testid="report-results">
              <thead>
                <tr>
                  <th>Labels / class</th>
                  <th>Kind</th>
                  <th className="num">Runs ok</th>
                  <th className="num">{metricLabel}</th>
                  <th className="num">img/s</th>
                  <th className="num">Peak memory</th>
                  <th className="num">Speed-up</th>
                  <th className="num">Memory saving</th>
                  <th>Runs</th>
                </tr>
              </thead>
              <tbody>
                {r.results.map((res, i) => (
                  <tr
                    key={i}
                    data-kind={res.kind}
                    data-lpc={res.labelsPerClass ?? "all"}
                    className={res.succeeded < res.runCount ? "warn" : undefined}
                  >
                    <td>{res.labelsPerClass ?? "all"}</td>
                    <td>{kindLabel(res.kind)}</td>
                    <td className="num">
                      {res.succeeded}/{res.runCount}
                    </td>
                    <td className="num" data-col="metric">
                      {fmtMeanStd(res.metricMean, res.metricStd)}
                    </td>
                    <td className="num" data-col="images-per-sec">
                      {fmtNumber(res.imagesPerSec)}
                    </td>
                    <td className="num" data-col="peak-memory">
                      {fmtBytes(res.peakMemoryBytes)}
                    </td>
                    <td className="num" data-col="speedup">
                      {fmtRatio(res.speedup)}
                    </td>
                    <td className="num" data-col="memory-saving">
                      {fmtRatio(res.memorySaving)}
                    </td>
                    <td className="small">
                      {res.runIds.map((rid, j) => {
                        const run = runsById.get(rid);
                        return (
                          <span key={rid}>
                            {j > 0 && " · "}
                            {run ? (
                              <Link href={`/runs/${rid}`} title={run.name}>
                                seed {run.seed}
                              </Link>
                            ) : (
                              <span className="muted" title={`run ${rid} no longer exists`}>
                                deleted
                              </span>
                            )}
                          </span>
                        );
                      })}
                      {res.runIds.length > 1 && res.runIds.length <= MAX_COMPARE && (
                        <>
                          {" · "}
                          <Link href={compareHref(res.runIds, r.id)}>compare</Link>
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {bySetting.length > 1 && (
          <p className="small" data-testid="compare-settings">
            Compare all kinds at:{" "}
            {bySetting.map(([lpc, ids], i) => (
              <span key={String(lpc)}>
                {i > 0 && " · "}
                {ids.length <= MAX_COMPARE ? (
                  <Link href={compareHref(ids, r.id)}>
                    {lpc === null ? "all labels" : `${lpc} labels / class`}
                  </Link>
                ) : (
                  <span className="muted" title={`more than ${MAX_COMPARE} runs`}>
                    {lpc === null ? "all labels" : `${lpc} labels / class`}
                  </span>
                )}
              </span>
            ))}
          </p>
        )}
      </section>

      <section className="card">
        <h2>Plots</h2>
        {r.plots.length === 0 ? (
          <Empty>This report was published without plots.</Empty>
        ) : (
          <div className="grid-2">
            {r.plots.map((p) => (
              <figure key={p.name} className="chart report-plot">
                <figcaption>{p.title ?? p.name}</figcaption>
                {/* A data URL from the API: the plot is stored with the report. */}
                <img
                  src={p.dataUrl}
                  alt={p.title ?? p.name}
                  width={p.width}
                  height={p.height}
                  data-testid={`plot-${p.name}`}
                />
                <span className="muted small">
                  {p.name} · {p.width}×{p.height} · {fmtBytes(p.bytes)}
                </span>
              </figure>
            ))}
          </div>
        )}
      </section>

      <section className="card">
        <h2>Runs ({r.runCount})</h2>
        {missing > 0 && <p className="muted small">{missing} of the report&apos;s runs no longer exist.</p>}
        {r.runs.length === 0 ? (
          <Empty>None of the report&apos;s runs exists any more.</Empty>
        ) : (
          <div className="table-wrap">
            <table className="data compact" data-testid="report-runs">
              <thead>
                <tr>
                  <th>Run</th>
                  <th>Kind</th>
                  <th className="num">Seed</th>
                  <th>Status</th>
                  <th className="num">{metricLabel}</th>
                  <th className="num">img/s</th>
                  <th className="num">Peak memory</th>
                </tr>
              </thead>
              <tbody>
                {r.runs.map((x) => {
                  const v = runMetrics(x.finalMetrics).find((m) => m.name === r.metric)?.value;
                  return (
                    <tr key={x.id} data-run-id={x.id}>
                      <td>
                        <Link href={`/runs/${x.id}`}>{x.name}</Link>
                      </td>
                      <td>{kindLabel(x.kind)}</td>
                      <td className="num">{x.seed}</td>
                      <td>
                        <StatusBadge status={x.status} />
                      </td>
                      <td className="num">{typeof v === "number" ? fmtNumber(v, 4) : "—"}</td>
                      <td className="num">{fmtNumber(x.trainImagesPerSec)}</td>
                      <td className="num">{fmtBytes(x.peakMemoryBytes)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <ReportMarkdown markdown={r.markdown} images={images} links={links} />
    </>
  );
}

function ReportMarkdown({
  markdown,
  images,
  links,
}: {
  markdown: string;
  images: Record<string, string>;
  links: Record<string, string>;
}) {
  const [source, setSource] = useState(false);
  return (
    <section className="card" data-testid="report-markdown">
      <div className="card-head">
        <h2>report.md</h2>
        <button type="button" onClick={() => setSource((s) => !s)} aria-pressed={source}>
          {source ? "Show rendered" : "Show source"}
        </button>
      </div>
      {markdown.trim() === "" ? (
        <Empty>The report has no text.</Empty>
      ) : source ? (
        <pre className="md-source">{markdown}</pre>
      ) : (
        <Markdown source={markdown} images={images} links={links} />
      )}
    </section>
  );
}

/** A link that downloads the markdown as report.md (an object URL, freed on unmount). */
function DownloadMarkdown({ markdown }: { markdown: string }) {
  const [href, setHref] = useState<string | null>(null);
  useEffect(() => {
    const url = URL.createObjectURL(new Blob([markdown], { type: "text/markdown;charset=utf-8" }));
    setHref(url);
    return () => URL.revokeObjectURL(url);
  }, [markdown]);
  if (!href) return null;
  return (
    <a className="button" href={href} download="report.md" data-testid="download-md">
      Download report.md
    </a>
  );
}
