/**
 * GraphQL over WebSocket (graphql-ws, `graphql-transport-ws`) on the API's HTTP server, path
 * `/graphql`, with the protections of HTTP (docs/security.md):
 *  - the token is checked at connection_init and again for every operation (an answer is reused
 *    for `tokenRecheckMs`); `sweep` re-checks every open socket: a revoked or expired token's
 *    socket is closed with 4403 and its subscriptions end;
 *  - the per-token rate limit, the query-shape limits and the argument checks of HTTP, before
 *    anything executes; the response-size limit on every result;
 *  - caps on sockets per token, subscriptions per socket and per token.
 */
import type http from "node:http";
import { GraphQLError, getOperationAST, parse, specifiedRules, validate, type DocumentNode, type ExecutionArgs, type FormattedExecutionResult, type GraphQLSchema, type ValidationRule } from "graphql";
import { WebSocketServer, type WebSocket } from "ws";
import { useServer } from "graphql-ws/use/ws";
import { authenticate, type TokenChecker, type Viewer } from "./auth";
import type { RequestLimits } from "./config";
import type { Context, Services } from "./context";
import { clientError, limitError, unauthenticated } from "./errors";
import { LIMITS, checkArguments, responseTooLarge, tokenLimitError, type RateLimiter } from "./limits";

/** One authenticated socket. */
interface SocketState {
  header: string;
  tokenId: string;
  viewer: Viewer;
  socket: WebSocket;
  /** Ids of its active subscriptions. */
  subscriptions: Set<string>;
  /** Set once the server decided to close it. */
  closing: boolean;
}

type Extra = { state?: SocketState };

export interface WsOptions {
  httpServer: http.Server;
  schema: GraphQLSchema;
  services: Services;
  limits: RequestLimits;
  /** The query-shape rules run after graphql-js' specifiedRules (as on HTTP). */
  rules: ValidationRule[];
  limiter: RateLimiter;
  tokens: TokenChecker;
  log: (msg: string) => void;
}

export interface WsServer {
  /** Check every open socket's token now; close those of dead tokens (4403). */
  sweep(): Promise<void>;
  /** Close every socket (1001) and stop. */
  dispose(): Promise<void>;
  /** Subscriptions active on this server's open sockets now. */
  subscriptionsOpen(): number;
}

/** Close code of a socket whose token was revoked or expired (graphql-ws' Forbidden). */
export const CLOSE_FORBIDDEN = 4403;
/** Close code of a socket over the per-token cap (RFC 6455 policy violation). */
export const CLOSE_POLICY = 1008;

function withCode(err: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(err.message, { nodes: err.nodes, source: err.source, positions: err.positions, originalError: err.originalError, extensions: { ...err.extensions, code } });
}

export function startWebSocketServer(o: WsOptions): WsServer {
  const { limits, limiter, tokens, log } = o;
  const byToken = new Map<string, Set<SocketState>>();

  const release = (state: SocketState | undefined) => {
    if (!state) return;
    const set = byToken.get(state.tokenId);
    set?.delete(state);
    if (set && set.size === 0) byToken.delete(state.tokenId);
  };

  const subscriptionsOf = (tokenId: string) => {
    let n = 0;
    for (const s of byToken.get(tokenId) ?? []) n += s.subscriptions.size;
    return n;
  };

  /**
   * Close a dead token's socket with 4403. With `id`, the operation that found it dead gets its
   * UNAUTHENTICATED error first (ws sends frames in order; graphql-ws' own error message for it
   * is then dropped, the socket no longer being open).
   */
  const kill = (state: SocketState, reason: string, id?: string, err?: GraphQLError) => {
    if (state.closing) return;
    state.closing = true;
    if (id && err && state.socket.readyState === state.socket.OPEN) state.socket.send(JSON.stringify({ id, type: "error", payload: [err.toJSON()] }));
    state.socket.close(CLOSE_FORBIDDEN, `Forbidden: ${reason}`.slice(0, 120));
  };

  const wsServer = new WebSocketServer({ server: o.httpServer, path: "/graphql", maxPayload: LIMITS.bodyBytes });
  const cleanup = useServer<Record<string, unknown>, Extra>(
    {
      schema: o.schema,
      onConnect: async (ctx) => {
        const raw = ctx.connectionParams?.authorization ?? ctx.connectionParams?.Authorization;
        if (typeof raw !== "string") return false; // closes with 4403 Forbidden
        const auth = await authenticate(o.services, raw);
        const socket = ctx.extra.socket;
        if (!auth.viewer || socket.readyState !== socket.OPEN) return false;
        const sockets = byToken.get(auth.viewer.tokenId) ?? new Set<SocketState>();
        if (sockets.size >= limits.maxSocketsPerToken) {
          socket.close(CLOSE_POLICY, `LIMIT_EXCEEDED: at most ${limits.maxSocketsPerToken} WebSockets per token (socketsPerToken)`);
          return false;
        }
        const state: SocketState = { header: raw, tokenId: auth.viewer.tokenId, viewer: auth.viewer, socket, subscriptions: new Set(), closing: false };
        sockets.add(state);
        byToken.set(state.tokenId, sockets);
        ctx.extra.state = state;
        return true;
      },
      onClose: (ctx) => release(ctx.extra.state),
      onSubscribe: async (ctx, id, payload): Promise<ExecutionArgs | readonly GraphQLError[]> => {
        const state = ctx.extra.state;
        if (!state || state.closing) return [unauthenticated()];
        const auth = await tokens.check(state.header);
        if (!auth.viewer) {
          const err = unauthenticated(`${auth.error}; a valid bearer token is required`);
          kill(state, auth.error, id, err);
          return [err];
        }
        state.viewer = auth.viewer;
        const wait = limiter.take(`token:${state.tokenId}`);
        if (wait !== null) return [limiter.error(wait)];
        let document: DocumentNode;
        try {
          document = parse(payload.query, { maxTokens: limits.maxTokens });
        } catch (e) {
          const err = e instanceof GraphQLError ? e : new GraphQLError(String(e));
          return [tokenLimitError(err, limits.maxTokens) ?? withCode(err, "GRAPHQL_PARSE_FAILED")];
        }
        const errors = validate(o.schema, document, [...specifiedRules, ...o.rules]);
        if (errors.length) return errors.map((e) => (e.extensions?.code ? e : withCode(e, "GRAPHQL_VALIDATION_FAILED")));
        const operation = getOperationAST(document, payload.operationName);
        if (!operation) return [new GraphQLError("Unable to identify operation (give `operationName`)", { extensions: { code: "BAD_REQUEST" } })];
        const argError = checkArguments(o.schema, document, payload.variables, limits);
        if (argError) return [argError];
        if (operation.operation === "subscription") {
          if (state.subscriptions.size >= limits.maxSubscriptionsPerSocket)
            return [limitError("LIMIT_EXCEEDED", "subscriptionsPerSocket", limits.maxSubscriptionsPerSocket, `at most ${limits.maxSubscriptionsPerSocket} active subscriptions per WebSocket`)];
          if (subscriptionsOf(state.tokenId) >= limits.maxSubscriptionsPerToken)
            return [limitError("LIMIT_EXCEEDED", "subscriptionsPerToken", limits.maxSubscriptionsPerToken, `at most ${limits.maxSubscriptionsPerToken} active subscriptions per token`)];
          state.subscriptions.add(id);
        }
        const contextValue: Context = { ...o.services, viewer: state.viewer };
        return { schema: o.schema, document, operationName: payload.operationName, variableValues: payload.variables, contextValue };
      },
      // A subscription that failed at once (no event stream) holds no place.
      onOperation: (ctx, id, _payload, _args, result) => {
        if (!(Symbol.asyncIterator in result)) ctx.extra.state?.subscriptions.delete(id);
      },
      onComplete: (ctx, id) => {
        ctx.extra.state?.subscriptions.delete(id);
      },
      onError: (_ctx, _id, _payload, errors) => errors.map((e) => clientError(e.toJSON(), e, log)),
      onNext: (_ctx, _id, _payload, _args, result) => {
        const out: FormattedExecutionResult = { ...result, errors: result.errors?.map((e) => clientError(e.toJSON(), e, log)) };
        if (!out.errors) delete out.errors;
        const bytes = Buffer.byteLength(JSON.stringify(out));
        return bytes > limits.maxResponseBytes ? { errors: [responseTooLarge(bytes, limits.maxResponseBytes).toJSON()] } : out;
      },
    },
    wsServer,
  );

  let sweeping: Promise<void> | null = null;
  return {
    sweep: () =>
      (sweeping ??= (async () => {
        try {
          const states = [...byToken.values()].flatMap((s) => [...s]).filter((s) => !s.closing);
          await Promise.all(
            states.map(async (s) => {
              const auth = await tokens.check(s.header).catch(() => null); // database trouble: keep the socket
              if (auth && !auth.viewer) kill(s, auth.error);
            }),
          );
        } finally {
          sweeping = null;
        }
      })()),
    dispose: async () => {
      await cleanup.dispose();
    },
    subscriptionsOpen: () => {
      let n = 0;
      for (const sockets of byToken.values()) for (const s of sockets) n += s.subscriptions.size;
      return n;
    },
  };
}
