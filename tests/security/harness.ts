/**
 * Security suite harness: a real API server (HTTP + WebSocket, `startApiServer`) on a fresh
 * database, tokens of every scope, and raw HTTP / graphql-ws clients that expose what an
 * attacker sees: status codes, headers, timings, close codes.
 */
import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";
import { generateToken, type PrismaClient, type TokenScope } from "@loffta/db";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { startApiServer, type ApiServer, type ApiServerOptions } from "../../apps/api/src/server";

export interface GqlError {
  message: string;
  extensions?: Record<string, unknown> & { code?: string };
}

export interface GqlBody<T = Record<string, unknown>> {
  data?: T | null;
  errors?: GqlError[];
}

export interface HttpAnswer<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: GqlBody<T>;
  bytes: number;
  ms: number;
}

export interface TokenFixture {
  id: string;
  secret: string;
}

export interface TeamFixture {
  teamId: string;
  projectId: string;
  userId: string;
  member: TokenFixture;
  worker: TokenFixture;
  admin: TokenFixture;
}

export async function addToken(
  prisma: PrismaClient,
  teamId: string,
  scopes: TokenScope[],
  opts: { userId?: string | null; expiresAt?: Date } = {},
): Promise<TokenFixture> {
  const t = generateToken();
  const row = await prisma.apiToken.create({
    data: { teamId, userId: opts.userId ?? null, name: scopes.join("+"), prefix: t.prefix, hash: t.hash, scopes, expiresAt: opts.expiresAt ?? null },
  });
  return { id: row.id, secret: t.secret };
}

export async function createTeam(prisma: PrismaClient, slug: string): Promise<TeamFixture> {
  const team = await prisma.team.create({ data: { name: `Team ${slug}`, slug } });
  const user = await prisma.user.create({ data: { teamId: team.id, email: `${slug}@security.test`, name: slug } });
  const project = await prisma.project.create({ data: { teamId: team.id, name: "main" } });
  return {
    teamId: team.id,
    projectId: project.id,
    userId: user.id,
    member: await addToken(prisma, team.id, ["MEMBER"], { userId: user.id }),
    worker: await addToken(prisma, team.id, ["WORKER"]),
    admin: await addToken(prisma, team.id, ["ADMIN"], { userId: user.id }),
  };
}

export interface SecurityHarness {
  db: TestDatabase;
  server: ApiServer;
  url: string;
  wsUrl: string;
  a: TeamFixture;
  b: TeamFixture;
  close(): Promise<void>;
}

/** A real API server; `options` (e.g. `limits`) go to startApiServer. */
export async function startSecurityHarness(label: string, options: Partial<ApiServerOptions> = {}): Promise<SecurityHarness> {
  const db = await createTestDatabase(`sec_${label}`);
  const server = await startApiServer({ databaseUrl: db.url, poolSize: 5, log: () => {}, ...options });
  const a = await createTeam(db.prisma, `a-${label}`);
  const b = await createTeam(db.prisma, `b-${label}`);
  return {
    db,
    server,
    url: server.url,
    wsUrl: server.wsUrl,
    a,
    b,
    close: async () => {
      await server.close();
      await db.drop();
    },
  };
}

/** POST one operation; the raw answer (status, headers, parsed body, size, wall time). */
export async function post<T = Record<string, unknown>>(
  url: string,
  token: string | null,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<HttpAnswer<T>> {
  const start = performance.now();
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  const ms = performance.now() - start;
  let body: GqlBody<T>;
  try {
    body = JSON.parse(text) as GqlBody<T>;
  } catch {
    body = { errors: [{ message: `not JSON: ${text.slice(0, 200)}` }] };
  }
  return { status: res.status, headers: res.headers, body, bytes: Buffer.byteLength(text), ms };
}

/** The first error's code, or undefined when the operation succeeded. */
export const codeOf = (a: { body: GqlBody } | GqlBody): string | undefined => ("body" in a ? a.body : a).errors?.[0]?.extensions?.code;

export interface Socket {
  client: Client;
  /** Resolves with the close event once the socket closed. */
  closed: Promise<{ code: number; reason: string }>;
  /** Whether the socket has closed yet. */
  isClosed(): boolean;
  /** A query or mutation: its result, or the errors the server answered with. */
  run<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GqlBody<T>>;
  /** Start a subscription; `accepted` resolves once the server registered it or failed it. */
  subscribe(query: string, variables?: Record<string, unknown>): Subscription;
  dispose(): Promise<void>;
}

export interface Subscription {
  errors: GqlError[];
  /** Resolves with the errors when the server failed or ended the subscription. */
  ended: Promise<GqlError[]>;
  unsubscribe(): void;
}

/** Turn whatever graphql-ws hands to `error` into GraphQL errors (a close event becomes one error). */
function asErrors(e: unknown): GqlError[] {
  if (Array.isArray(e)) return e as GqlError[];
  if (e && typeof e === "object" && "code" in e && "reason" in e) {
    const c = e as { code: number; reason: string };
    return [{ message: `socket closed ${c.code} ${c.reason}`, extensions: { code: `CLOSED_${c.code}` } }];
  }
  return [{ message: e instanceof Error ? e.message : String(e) }];
}

/** A connected graphql-ws client (connection_init with the bearer token, no retries). */
export async function openSocket(wsUrl: string, token: string): Promise<Socket> {
  let closedResolve: (v: { code: number; reason: string }) => void = () => {};
  const closed = new Promise<{ code: number; reason: string }>((r) => (closedResolve = r));
  let isClosed = false;
  let connectedResolve: () => void = () => {};
  const connected = new Promise<void>((r) => (connectedResolve = r));
  const client = createClient({
    url: wsUrl,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
    lazy: false,
    // The suite checks that the server closes sockets: never let the client close an idle one.
    lazyCloseTimeout: 0,
    keepAlive: 0,
    // The suite reads close codes from `closed`; the default handler logs every close event.
    onNonLazyError: () => {},
    on: {
      connected: () => connectedResolve(),
      closed: (e) => {
        isClosed = true;
        const ev = e as { code?: number; reason?: string };
        closedResolve({ code: ev.code ?? 0, reason: String(ev.reason ?? "") });
        connectedResolve();
      },
    },
  });
  await connected;
  return {
    client,
    closed,
    isClosed: () => isClosed,
    run: <T>(query: string, variables?: Record<string, unknown>) =>
      new Promise<GqlBody<T>>((resolve) => {
        let result: GqlBody<T> | undefined;
        client.subscribe<T>(
          { query, variables },
          {
            next: (v) => (result = v as GqlBody<T>),
            error: (e) => resolve({ errors: asErrors(e) }),
            complete: () => resolve(result ?? { errors: [{ message: "completed without a result" }] }),
          },
        );
      }),
    subscribe: (query: string, variables?: Record<string, unknown>) => {
      const errors: GqlError[] = [];
      let endedResolve: (e: GqlError[]) => void = () => {};
      const ended = new Promise<GqlError[]>((r) => (endedResolve = r));
      const unsubscribe = client.subscribe(
        { query, variables },
        {
          next: (v) => {
            if (v.errors) errors.push(...(v.errors as unknown as GqlError[]));
          },
          error: (e) => {
            errors.push(...asErrors(e));
            endedResolve(errors);
          },
          complete: () => endedResolve(errors),
        },
      );
      return { errors, ended, unsubscribe };
    },
    dispose: async () => {
      await client.dispose();
    },
  };
}

/** Resolves with `p`'s value, or `fallback` after `ms`. */
export function within<T>(p: Promise<T>, ms: number, fallback: T): Promise<T> {
  return Promise.race([p, new Promise<T>((r) => setTimeout(() => r(fallback), ms).unref())]);
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
