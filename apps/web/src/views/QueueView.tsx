"use client";
/**
 * The Queue page: the team's jobs, newest first (`jobs`), filtered by status and type, refreshed
 * every few seconds; cancel a queued or running job (`cancelJob`), retry a failed or cancelled
 * one (`retryJob`).
 */
import Link from "next/link";
import { useState } from "react";
import { Empty, ErrorBox, Loading, StatusBadge } from "../components/states";
import {
  CancelJobDocument,
  QueueJobsDocument,
  RetryJobDocument,
  type JobFilter,
  type JobStatus,
  type JobType,
  type QueueJobsQuery,
} from "../generated/graphql";
import { fmtAgo, fmtDate } from "../lib/format";
import { useMutation, useQuery } from "../lib/hooks";
import { useSession } from "../lib/session";
import { useUrlState } from "../lib/url";

/** Every JobStatus, in lifecycle order (a Record: a status added to the SDL must be placed here). */
const STATUS_ORDER: Record<JobStatus, number> = {
  QUEUED: 0,
  RUNNING: 1,
  SUCCEEDED: 2,
  FAILED: 3,
  CANCELLED: 4,
};
const STATUSES = (Object.keys(STATUS_ORDER) as JobStatus[]).sort((a, b) => STATUS_ORDER[a] - STATUS_ORDER[b]);
const TYPES: Record<JobType, string> = { TRAIN: "train", EXTRACT: "extract" };
/** How often the list is re-read. */
export const QUEUE_REFRESH_MS = 3000;

type JobRow = QueueJobsQuery["jobs"][number];

function target(j: JobRow) {
  if (j.run) return <Link href={`/runs/${j.run.id}`}>run {j.run.name}</Link>;
  if (j.cache)
    return (
      <Link href={`/caches?focus=${j.cache.id}`}>
        cache {j.cache.dataset.name} × {j.cache.model.name} @{j.cache.resolution}
      </Link>
    );
  return "—";
}

export function QueueView() {
  const { params, set, list } = useUrlState();
  const statuses = list("status").filter((s): s is JobStatus => s in STATUS_ORDER);
  const typeParam = params.get("type");
  const type = typeParam === "TRAIN" || typeParam === "EXTRACT" ? typeParam : null;
  const filter: JobFilter = { ...(statuses.length ? { statuses } : {}), ...(type ? { type } : {}) };
  const q = useQuery(QueueJobsDocument, { filter }, { pollMs: QUEUE_REFRESH_MS });
  const { request } = useSession();
  const [older, setOlder] = useState<JobRow[]>([]);
  const [loadingMore, setLoadingMore] = useState(false);
  const cancel = useMutation(CancelJobDocument);
  const retry = useMutation(RetryJobDocument);
  const [busy, setBusy] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);

  const act = async (id: string, run: () => Promise<unknown>) => {
    setBusy(id);
    setActionError(null);
    try {
      await run();
      await q.refetch();
    } catch (e) {
      setActionError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  };

  const first = q.data?.jobs ?? [];
  const seen = new Set(first.map((j) => j.id));
  const rows = [...first, ...older.filter((j) => !seen.has(j.id))];
  const loadMore = async () => {
    const last = rows.at(-1);
    if (!last) return;
    setLoadingMore(true);
    try {
      const d = await request(QueueJobsDocument, { filter, after: last.id });
      setOlder((o) => [...o, ...d.jobs]);
    } finally {
      setLoadingMore(false);
    }
  };
  const toggleStatus = (s: JobStatus) => {
    setOlder([]);
    set({ status: (statuses.includes(s) ? statuses.filter((x) => x !== s) : [...statuses, s]).join(",") });
  };

  return (
    <>
      <div className="page-head">
        <h1>Queue</h1>
        <p className="muted small">
          Jobs of your team, newest first; refreshed every {QUEUE_REFRESH_MS / 1000} s
          {q.loading ? " · refreshing…" : ""}.
        </p>
      </div>
      <section className="card filters" aria-label="Filters">
        <div className="filter-group">
          <span className="label">Status</span>
          {STATUSES.map((s) => (
            <label key={s} className="chip">
              <input type="checkbox" checked={statuses.includes(s)} onChange={() => toggleStatus(s)} />{" "}
              {s.toLowerCase()}
            </label>
          ))}
        </div>
        <div className="filter-group">
          <label>
            <span className="label">Type</span>
            <select
              name="jobType"
              value={type ?? ""}
              onChange={(e) => {
                setOlder([]);
                set({ type: e.target.value || null });
              }}
            >
              <option value="">any</option>
              {(Object.keys(TYPES) as JobType[]).map((t) => (
                <option key={t} value={t}>
                  {TYPES[t]}
                </option>
              ))}
            </select>
          </label>
        </div>
      </section>
      {actionError && (
        <p className="error-text" role="alert" data-testid="queue-error">
          {actionError}
        </p>
      )}
      {q.error && !q.data ? (
        <ErrorBox error={q.error} retry={() => void q.refetch()} />
      ) : !q.data ? (
        <Loading what="Loading jobs" />
      ) : rows.length === 0 ? (
        <Empty>No jobs match.</Empty>
      ) : (
        <>
          <div className="table-wrap">
            <table className="data" data-testid="jobs-table">
              <thead>
                <tr>
                  <th>Type</th>
                  <th>Status</th>
                  <th>For</th>
                  <th className="num">Attempts</th>
                  <th>Worker</th>
                  <th>Lease until</th>
                  <th>Last error</th>
                  <th>Enqueued</th>
                  <th aria-label="actions" />
                </tr>
              </thead>
              <tbody>
                {rows.map((j) => (
                  <tr
                    key={j.id}
                    data-job-id={j.id}
                    data-job-status={j.status}
                    data-run-id={j.run?.id ?? undefined}
                  >
                    <td>{TYPES[j.type]}</td>
                    <td>
                      <StatusBadge status={j.status} />
                    </td>
                    <td>{target(j)}</td>
                    <td className="num">
                      {j.attempts}/{j.maxAttempts}
                    </td>
                    <td>{j.worker?.name ?? "—"}</td>
                    <td className="small" title={j.leaseExpiresAt ?? undefined}>
                      {j.status === "RUNNING" && j.leaseExpiresAt ? fmtDate(j.leaseExpiresAt) : "—"}
                    </td>
                    <td className="small error-cell">{j.lastError ?? ""}</td>
                    <td className="small" title={j.createdAt}>
                      {fmtAgo(j.createdAt)}
                    </td>
                    <td>
                      {(j.status === "QUEUED" || j.status === "RUNNING") && (
                        <button
                          type="button"
                          className="danger"
                          data-testid="job-cancel"
                          disabled={busy === j.id}
                          onClick={() => void act(j.id, () => cancel.mutate({ id: j.id }))}
                        >
                          Cancel
                        </button>
                      )}
                      {(j.status === "FAILED" || j.status === "CANCELLED") && (
                        <button
                          type="button"
                          data-testid="job-retry"
                          disabled={busy === j.id}
                          title={
                            j.type === "TRAIN"
                              ? "Launch its run again (a new run, same config)"
                              : "Extract its cache again"
                          }
                          onClick={() => void act(j.id, () => retry.mutate({ id: j.id }))}
                        >
                          Retry
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {rows.length >= 50 && (
            <button type="button" onClick={() => void loadMore()} disabled={loadingMore}>
              {loadingMore ? "Loading…" : "Load older"}
            </button>
          )}
        </>
      )}
    </>
  );
}
