import type { ReactNode } from "react";
import type { ApiError } from "../lib/client";

export function Loading({ what = "Loading" }: { what?: string }) {
  return (
    <div className="state loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden /> {what}…
    </div>
  );
}

export function ErrorBox({ error, retry }: { error: ApiError | Error; retry?: () => void }) {
  const code = "code" in error ? error.code : undefined;
  return (
    <div className="state error" role="alert">
      <strong>
        {code === "NOT_FOUND" ? "Not found" : code === "FORBIDDEN" ? "Not allowed" : "Something went wrong"}
      </strong>
      <span>{error.message}</span>
      {retry && (
        <button type="button" onClick={retry}>
          Retry
        </button>
      )}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <div className="state empty">{children}</div>;
}

export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge status-${status.toLowerCase()}`}>{status.toLowerCase()}</span>;
}

export function LiveDot({ status }: { status: string }) {
  const label =
    status === "live"
      ? "live"
      : status === "connecting"
        ? "connecting"
        : status === "error"
          ? "offline"
          : "idle";
  return (
    <span className={`live live-${status}`} data-live={status} title={`live updates: ${label}`}>
      <span className="dot" aria-hidden /> {label}
    </span>
  );
}

export function ProgressBar({ value, label }: { value: number | null | undefined; label?: string }) {
  const pct = value == null ? null : Math.max(0, Math.min(1, value)) * 100;
  return (
    <div
      className="progress"
      role="progressbar"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={pct ?? undefined}
      data-progress={pct == null ? "" : pct.toFixed(1)}
    >
      <div
        className={`bar${pct == null ? " indeterminate" : ""}`}
        style={pct == null ? undefined : { width: `${pct}%` }}
      />
      <span>{label ?? (pct == null ? "starting…" : `${pct.toFixed(0)}%`)}</span>
    </div>
  );
}
