"use client";
/** The run page's Logs panel: the tail of the run's log, live, with "load earlier" pages. */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import { Empty, ErrorBox, LiveDot, Loading } from "../components/states";
import { RunLogAppendedDocument, RunLogsDocument, type RunLogLineFieldsFragment, type RunLogsQuery } from "../generated/graphql";
import { useSubscription } from "../lib/hooks";
import { useSession } from "../lib/session";

export const LOG_PAGE = 500;
type Line = RunLogLineFieldsFragment;

/** Merge lines (deduplicated by seq, ascending). */
export function mergeLines(a: Line[], b: Line[]): Line[] {
  if (b.length === 0) return a;
  const bySeq = new Map<number, Line>();
  for (const l of a) bySeq.set(l.seq, l);
  for (const l of b) bySeq.set(l.seq, l);
  return [...bySeq.values()].sort((x, y) => x.seq - y.seq);
}

function fmtTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number, w = 2) => String(n).padStart(w, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}.${p(d.getMilliseconds(), 3)}`;
}

export function RunLogs({ runId, active }: { runId: string; active: boolean }) {
  const { request } = useSession();
  const [lines, setLines] = useState<Line[]>([]);
  const [hasEarlier, setHasEarlier] = useState(false);
  const [loaded, setLoaded] = useState(false);
  const [loadingEarlier, setLoadingEarlier] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const linesRef = useRef(lines);
  linesRef.current = lines;
  const box = useRef<HTMLDivElement>(null);
  const stick = useRef(true);

  /** The tail at first, then everything after the newest line we have (closes gaps). */
  const catchUp = useCallback(async () => {
    try {
      const last = linesRef.current.at(-1)?.seq;
      if (last === undefined) {
        const d = await request(RunLogsDocument, { runId, fromEnd: true, limit: LOG_PAGE });
        setLines((prev) => mergeLines(d.runLogs.lines, prev));
        setHasEarlier(d.runLogs.hasMore);
      } else {
        let after: number | null | undefined = last;
        for (let page = 0; page < 20; page++) {
          const d: RunLogsQuery = await request(RunLogsDocument, { runId, after, limit: LOG_PAGE });
          setLines((prev) => mergeLines(prev, d.runLogs.lines));
          after = d.runLogs.endCursor;
          if (!d.runLogs.hasMore) break;
        }
      }
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e : new Error(String(e)));
    } finally {
      setLoaded(true);
    }
  }, [request, runId]);

  useEffect(() => {
    void catchUp();
  }, [catchUp]);

  const live = useSubscription(RunLogAppendedDocument, { runId }, (d) => {
    setLines((prev) => mergeLines(prev, d.runLogAppended.lines));
  });
  // Once the subscription is up, and again when the run ends (its last lines come after the
  // final status): read what may have arrived in between.
  const wasLive = useRef(false);
  useEffect(() => {
    if (live.status === "live" && !wasLive.current) {
      wasLive.current = true;
      void catchUp();
    }
    if (live.status !== "live") wasLive.current = false;
  }, [live.status, catchUp]);
  useEffect(() => {
    if (active) return;
    const t = setTimeout(() => void catchUp(), 2000);
    return () => clearTimeout(t);
  }, [active, catchUp]);
  // Without a live subscription (offline), poll while the run is active.
  useEffect(() => {
    if (!active || live.status === "live") return;
    const t = setInterval(() => void catchUp(), 5000);
    return () => clearInterval(t);
  }, [active, live.status, catchUp]);

  const loadEarlier = async () => {
    const first = linesRef.current[0]?.seq;
    if (first === undefined) return;
    setLoadingEarlier(true);
    try {
      const d = await request(RunLogsDocument, { runId, before: first, limit: LOG_PAGE });
      stick.current = false;
      setLines((prev) => mergeLines(d.runLogs.lines, prev));
      setHasEarlier(d.runLogs.hasMore);
    } catch (e) {
      setError(e instanceof Error ? e : new Error(String(e)));
    } finally {
      setLoadingEarlier(false);
    }
  };

  // Follow the tail while the reader is at the bottom.
  useLayoutEffect(() => {
    const el = box.current;
    if (el && stick.current) el.scrollTop = el.scrollHeight;
  }, [lines]);
  const onScroll = () => {
    const el = box.current;
    if (el) stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < 24;
  };

  return (
    <section className="card" aria-label="Logs" data-testid="run-logs" data-live={live.status}>
      <div className="card-head">
        <h2>Logs</h2>
        <span className="muted small">{lines.length ? `${lines.length.toLocaleString()} lines shown` : ""}</span>
        <LiveDot status={live.status} />
      </div>
      {error && <ErrorBox error={error} retry={() => void catchUp()} />}
      {!loaded ? (
        <Loading what="Loading logs" />
      ) : lines.length === 0 ? (
        !error && <Empty>{active ? "No log lines yet: they appear here live as the worker logs them." : "This run has no log lines."}</Empty>
      ) : (
        <>
          {hasEarlier && (
            <button type="button" className="log-earlier" onClick={() => void loadEarlier()} disabled={loadingEarlier}>
              {loadingEarlier ? "Loading…" : "Load earlier lines"}
            </button>
          )}
          <div className="log-lines" ref={box} onScroll={onScroll} role="log" aria-live="polite">
            {lines.map((l) => (
              <div key={l.seq} className={`log-line log-${l.level.toLowerCase()}`} data-seq={l.seq} data-level={l.level}>
                <time dateTime={l.time}>{fmtTime(l.time)}</time>
                <span className="log-level">{l.level}</span>
                <span className="log-msg">{l.message}</span>
              </div>
            ))}
          </div>
        </>
      )}
    </section>
  );
}
