"use client";

export default function PageError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <div className="state error" role="alert">
      <strong>This page failed to render</strong>
      <span>{error.message}</span>
      <button type="button" onClick={reset}>
        Try again
      </button>
    </div>
  );
}
