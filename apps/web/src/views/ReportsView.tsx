"use client";
/** Reports of a project (`?project=<id>`, default the first project): what `npm run reproduce` published. */
import Link from "next/link";
import { Empty, ErrorBox, Loading } from "../components/states";
import { ProjectsDocument, ReportsListDocument } from "../generated/graphql";
import { fmtAgo, fmtDate, kindLabel } from "../lib/format";
import { useQuery } from "../lib/hooks";
import { useUrlState } from "../lib/url";

/** "4, 12" / "all": the labels-per-class settings of a report's results. */
export function labelSettings(results: { labelsPerClass?: number | null }[]): string {
  const set = [...new Set(results.map((r) => r.labelsPerClass ?? null))];
  const nums = set.filter((x): x is number => x !== null).sort((a, b) => a - b);
  return [...nums.map(String), ...(set.includes(null) ? ["all"] : [])].join(", ") || "—";
}

export function ReportsView() {
  const { params, set } = useUrlState();
  const projects = useQuery(ProjectsDocument, {});
  const list = projects.data?.projects ?? [];
  const projectId = params.get("project") ?? list[0]?.id ?? "";

  return (
    <>
      <div className="page-head">
        <h1>Reports</h1>
        {list.length > 0 && (
          <label className="field inline">
            <span className="label">Project</span>
            <select
              name="project"
              value={projectId}
              onChange={(e) => set({ project: e.target.value }, "push")}
            >
              {list.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <p className="muted">
        Reproduction reports published by <code>npm run reproduce</code>: every run kind with equal budgets
        and seeds, per number of training labels per class, with speed-up and memory saving against
        fine-tuning.
      </p>
      {projects.error ? (
        <ErrorBox error={projects.error} retry={() => void projects.refetch()} />
      ) : !projects.data ? (
        <Loading what="Loading projects" />
      ) : list.length === 0 ? (
        <Empty>No project in your team yet: create one through the API (createProject) first.</Empty>
      ) : (
        <ReportsTable projectId={projectId} />
      )}
    </>
  );
}

function ReportsTable({ projectId }: { projectId: string }) {
  const q = useQuery(ReportsListDocument, { projectId });
  if (q.error) return <ErrorBox error={q.error} retry={() => void q.refetch()} />;
  if (!q.data) return <Loading what="Loading reports" />;
  if (q.data.reports.length === 0)
    return (
      <Empty>
        No reports in this project yet. <code>npm run reproduce -- --dataset … --model …</code> publishes one
        here when its runs have finished (<code>--publish reports/&lt;name&gt;</code> publishes a report
        folder written before).
      </Empty>
    );
  return (
    <div className="table-wrap">
      <table className="data" data-testid="reports-table">
        <thead>
          <tr>
            <th>Report</th>
            <th>Metric</th>
            <th>Kinds</th>
            <th>Labels / class</th>
            <th className="num">Runs</th>
            <th>Published</th>
          </tr>
        </thead>
        <tbody>
          {q.data.reports.map((r) => (
            <tr key={r.id} data-report-id={r.id}>
              <td>
                <Link href={`/reports/${r.id}`}>{r.name}</Link>
              </td>
              <td>{r.metric}</td>
              <td>
                {r.kinds.map((k) => (
                  <span key={k} className="chip">
                    {kindLabel(k)}
                  </span>
                ))}
              </td>
              <td>{labelSettings(r.results)}</td>
              <td className="num">{r.runCount}</td>
              <td className="small" title={`first published ${fmtDate(r.createdAt)}`}>
                {fmtDate(r.updatedAt)} <span className="muted">({fmtAgo(r.updatedAt)})</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
