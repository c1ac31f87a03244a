"use client";
import Link from "next/link";
import { Empty, ErrorBox, Loading, ProgressBar, StatusBadge } from "../components/states";
import { OverviewDocument } from "../generated/graphql";
import { fmtAgo, fmtNumber, kindLabel, runMetrics } from "../lib/format";
import { useQuery } from "../lib/hooks";
import { useSession } from "../lib/session";

export function OverviewView() {
  // Workers and queue have no per-page subscription here: refresh every 10 s.
  const q = useQuery(OverviewDocument, {}, { pollMs: 10_000 });
  const { viewer } = useSession();
  if (q.error) return <ErrorBox error={q.error} retry={() => void q.refetch()} />;
  if (!q.data) return <Loading what="Loading overview" />;
  const d = q.data;
  const building = d.featureCaches.filter((c) => c.status === "PENDING" || c.status === "EXTRACTING");
  const online = d.workers.filter((w) => w.online);
  return (
    <>
      <div className="page-head">
        <h1>{viewer ? viewer.team.name : "Overview"}</h1>
        <div className="actions">
          <Link className="button primary" href="/launch">
            Launch run
          </Link>
        </div>
      </div>
      <section className="stats">
        <div className="stat">
          <span className="label">Runs</span>
          <span className="value">{d.recent.totalCount}</span>
        </div>
        <div className="stat">
          <span className="label">Running</span>
          <span className="value">{d.running.totalCount}</span>
        </div>
        <div className="stat">
          <span className="label">Queued</span>
          <span className="value">{d.queued.totalCount}</span>
        </div>
        <div className="stat">
          <span className="label">Workers online</span>
          <span className="value" data-testid="workers-online">
            {online.length} / {d.workers.length}
          </span>
        </div>
        <div className="stat">
          <span className="label">Caches building</span>
          <span className="value">{building.length}</span>
        </div>
      </section>
      <div className="grid-2">
        <section className="card">
          <div className="card-head">
            <h2>Recent runs</h2>
            <Link href="/runs">all runs →</Link>
          </div>
          {d.recent.edges.length === 0 ? (
            <Empty>
              No runs yet. <Link href="/launch">Launch the first one</Link>.
            </Empty>
          ) : (
            <table className="data compact" data-testid="recent-runs">
              <tbody>
                {d.recent.edges.map(({ node: r }) => {
                  // The first metric of the catalogue's order the run has (accuracy when it has it).
                  const main = runMetrics(r.finalMetrics)[0];
                  return (
                    <tr key={r.id}>
                      <td>
                        <Link href={`/runs/${r.id}`}>{r.name}</Link>
                        <div className="muted small">{kindLabel(r.kind)}</div>
                      </td>
                      <td>
                        <StatusBadge status={r.status} />
                      </td>
                      <td className="num" title={main?.label}>
                        {main == null ? "—" : fmtNumber(main.value, 4)}
                      </td>
                      <td className="num small">
                        {r.trainImagesPerSec ? `${fmtNumber(r.trainImagesPerSec)} img/s` : ""}
                      </td>
                      <td className="small">{fmtAgo(r.createdAt)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </section>
        <div>
          <section className="card">
            <h2>Workers</h2>
            {d.workers.length === 0 ? (
              <Empty>No worker has registered. Start one (npm start runs one).</Empty>
            ) : (
              <ul className="plain">
                {d.workers.map((w) => (
                  <li key={w.id} className="worker">
                    <span
                      className={`dot ${w.online ? "on" : "off"}`}
                      aria-label={w.online ? "online" : "offline"}
                    />{" "}
                    <strong>{w.name}</strong>{" "}
                    <span className="muted small">
                      {w.host} · {w.backend} on {w.device} · heartbeat {fmtAgo(w.lastHeartbeatAt)}
                      {w.currentJobs.length
                        ? ` · ${w.currentJobs.map((j) => j.type.toLowerCase()).join(", ")}`
                        : " · idle"}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section className="card">
            <div className="card-head">
              <h2>Caches building</h2>
              <Link href="/caches">all caches →</Link>
            </div>
            {building.length === 0 ? (
              <Empty>No cache is being extracted.</Empty>
            ) : (
              <ul className="plain">
                {building.map((c) => (
                  <li key={c.id}>
                    <Link href={`/caches?focus=${c.id}`}>
                      {c.dataset.name} · {c.model.name} @{c.resolution}
                    </Link>
                    <ProgressBar
                      value={c.progress}
                      label={
                        c.progressTotal ? `${c.progressDone} / ${c.progressTotal}` : c.status.toLowerCase()
                      }
                    />
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      </div>
    </>
  );
}
