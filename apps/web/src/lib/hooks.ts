"use client";
/** Data hooks over the session's client: useQuery, useMutation, useSubscription. */
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError, subscribe } from "./client";
import { useSession } from "./session";

export interface QueryState<R> {
  data: R | undefined;
  error: ApiError | undefined;
  /** True while a request is in flight (also on refetch; `data` keeps the last answer). */
  loading: boolean;
  refetch(): Promise<void>;
  /** Replace the data locally (live updates). */
  setData(update: (prev: R | undefined) => R | undefined): void;
}

const asApiError = (e: unknown): ApiError =>
  e instanceof ApiError ? e : new ApiError(e instanceof Error ? e.message : String(e));

/**
 * Run a query when mounted and whenever its variables change (compared by JSON).
 * `pollMs` refetches periodically (for data without a subscription, e.g. workers online).
 */
export function useQuery<R, V>(
  doc: TypedDocumentNode<R, V>,
  variables: V,
  opts: { skip?: boolean; pollMs?: number } = {},
): QueryState<R> {
  const { request, token } = useSession();
  const [data, setDataState] = useState<R | undefined>(undefined);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [loading, setLoading] = useState(!opts.skip);
  const key = JSON.stringify(variables ?? null);
  const varsRef = useRef(variables);
  varsRef.current = variables;
  const seq = useRef(0);

  const run = useCallback(
    async (signal?: AbortSignal) => {
      const mine = ++seq.current;
      setLoading(true);
      try {
        const d = await request(doc, varsRef.current, signal);
        if (mine !== seq.current) return;
        setDataState(d);
        setError(undefined);
      } catch (e) {
        if (signal?.aborted || mine !== seq.current) return;
        setError(asApiError(e));
      } finally {
        if (mine === seq.current) setLoading(false);
      }
    },
    [doc, request],
  );

  useEffect(() => {
    if (opts.skip || !token) return;
    const ctrl = new AbortController();
    void run(ctrl.signal);
    let timer: ReturnType<typeof setInterval> | undefined;
    if (opts.pollMs) timer = setInterval(() => void run(), opts.pollMs);
    return () => {
      ctrl.abort();
      if (timer) clearInterval(timer);
    };
  }, [key, run, opts.skip, opts.pollMs, token]);

  const refetch = useCallback(() => run(), [run]);
  const setData = useCallback((update: (prev: R | undefined) => R | undefined) => setDataState(update), []);
  return { data, error, loading: loading && !opts.skip, refetch, setData };
}

export interface MutationState<R, V> {
  mutate(variables: V): Promise<R>;
  loading: boolean;
  error: ApiError | undefined;
}

export function useMutation<R, V>(doc: TypedDocumentNode<R, V>): MutationState<R, V> {
  const { request } = useSession();
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const mutate = useCallback(
    async (variables: V) => {
      setLoading(true);
      setError(undefined);
      try {
        return await request(doc, variables);
      } catch (e) {
        const err = asApiError(e);
        setError(err);
        throw err;
      } finally {
        setLoading(false);
      }
    },
    [doc, request],
  );
  return { mutate, loading, error };
}

export type LiveStatus = "idle" | "connecting" | "live" | "error";

/** One status for several subscriptions: error if one failed, live once all are, else connecting. */
export function combinedLive(statuses: LiveStatus[]): LiveStatus {
  if (statuses.some((s) => s === "error")) return "error";
  return statuses.length > 0 && statuses.every((s) => s === "live") ? "live" : "connecting";
}

/**
 * Subscribe while mounted (and while `skip` is false); `onData` is called for every event.
 * Reconnects are handled by graphql-ws; the status says whether events are flowing.
 */
export function useSubscription<R, V>(
  doc: TypedDocumentNode<R, V>,
  variables: V,
  onData: (data: R) => void,
  opts: { skip?: boolean } = {},
): { status: LiveStatus; error: ApiError | undefined } {
  const { ws } = useSession();
  const [status, setStatus] = useState<LiveStatus>("idle");
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const onDataRef = useRef(onData);
  onDataRef.current = onData;
  const varsRef = useRef(variables);
  varsRef.current = variables;
  const key = JSON.stringify(variables ?? null);

  useEffect(() => {
    if (!ws || opts.skip) {
      setStatus("idle");
      return;
    }
    setStatus("connecting");
    setError(undefined);
    const offConnected = ws.on("connected", () => setStatus((s) => (s === "connecting" ? "live" : s)));
    const unsubscribe = subscribe(ws, doc, varsRef.current, {
      next: (d) => {
        setStatus("live");
        onDataRef.current(d);
      },
      error: (e) => {
        setStatus("error");
        setError(e);
      },
      complete: () => setStatus("idle"),
    });
    return () => {
      offConnected();
      unsubscribe();
    };
  }, [ws, doc, key, opts.skip]);

  return { status, error };
}
