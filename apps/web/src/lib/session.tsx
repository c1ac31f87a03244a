"use client";
/**
 * Who is signed in: the API token (kept in localStorage), the API URL (from the server's
 * LOFFTA_API_URL, rendered into the root layout), the caller's team (`me`) and the clients.
 */
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import type { Client } from "graphql-ws";
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { MeDocument, type MeQuery } from "../generated/graphql";
import { ApiError, createSubscriptionClient, request } from "./client";

export const TOKEN_STORAGE_KEY = "loffta.token";

export type Viewer = MeQuery["me"];

export interface Session {
  apiUrl: string;
  /** undefined until localStorage was read (first client render). */
  token: string | null | undefined;
  viewer: Viewer | null;
  /** Why the stored token was rejected, or why `me` failed. */
  authError: ApiError | null;
  signIn(token: string): Promise<void>;
  signOut(): void;
  request<R, V>(doc: TypedDocumentNode<R, V>, variables: V, signal?: AbortSignal): Promise<R>;
  ws: Client | null;
}

const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error("useSession outside <SessionProvider>");
  return s;
}

function readStoredToken(): string | null {
  try {
    return window.localStorage.getItem(TOKEN_STORAGE_KEY);
  } catch {
    return null;
  }
}

export function SessionProvider({ apiUrl, children }: { apiUrl: string; children: ReactNode }) {
  const [token, setToken] = useState<string | null | undefined>(undefined);
  const [viewer, setViewer] = useState<Viewer | null>(null);
  const [authError, setAuthError] = useState<ApiError | null>(null);

  useEffect(() => {
    // localStorage exists only in the browser: read it after hydration.
    setToken(readStoredToken());
    const onStorage = (e: StorageEvent) => {
      if (e.key === TOKEN_STORAGE_KEY) setToken(e.newValue);
    };
    window.addEventListener("storage", onStorage);
    return () => window.removeEventListener("storage", onStorage);
  }, []);

  useEffect(() => {
    if (!token) {
      setViewer(null);
      return;
    }
    const ctrl = new AbortController();
    request(apiUrl, token, MeDocument, {}, ctrl.signal).then(
      (d) => {
        setViewer(d.me);
        setAuthError(null);
      },
      (e: unknown) => {
        if (ctrl.signal.aborted) return;
        const err = e instanceof ApiError ? e : new ApiError(String(e));
        setAuthError(err);
        if (err.code === "UNAUTHENTICATED") {
          window.localStorage.removeItem(TOKEN_STORAGE_KEY);
          setToken(null);
        }
      },
    );
    return () => ctrl.abort();
  }, [apiUrl, token]);

  const ws = useMemo(() => (token ? createSubscriptionClient(apiUrl, token) : null), [apiUrl, token]);
  useEffect(() => () => void ws?.dispose(), [ws]);

  const signIn = useCallback(
    async (candidate: string) => {
      const t = candidate.trim();
      const d = await request(apiUrl, t, MeDocument, {});
      window.localStorage.setItem(TOKEN_STORAGE_KEY, t);
      setAuthError(null);
      setViewer(d.me);
      setToken(t);
    },
    [apiUrl],
  );

  const signOut = useCallback(() => {
    window.localStorage.removeItem(TOKEN_STORAGE_KEY);
    setViewer(null);
    setAuthError(null);
    setToken(null);
  }, []);

  const boundRequest = useCallback(
    <R, V>(doc: TypedDocumentNode<R, V>, variables: V, signal?: AbortSignal) =>
      request(apiUrl, token ?? null, doc, variables, signal),
    [apiUrl, token],
  );

  const value = useMemo<Session>(
    () => ({ apiUrl, token, viewer, authError, signIn, signOut, request: boundRequest, ws }),
    [apiUrl, token, viewer, authError, signIn, signOut, boundRequest, ws],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
