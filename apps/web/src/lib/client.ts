/**
 * A small GraphQL client: typed documents (codegen TypedDocumentNode) over fetch for queries and
 * mutations, graphql-ws for subscriptions. No cache: pages own their data through hooks.
 */
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print } from "graphql/language/printer";
import { createClient, type Client } from "graphql-ws";

export interface FieldError {
  path: string;
  message: string;
}

/** A failed request: transport (no code, maybe an HTTP status) or a GraphQL error with its code. */
export class ApiError extends Error {
  override name = "ApiError";
  constructor(
    message: string,
    readonly code?: string,
    readonly fields: FieldError[] = [],
    readonly status?: number,
  ) {
    super(message);
  }
}

interface GraphQLErrorJson {
  message: string;
  extensions?: { code?: string; fields?: FieldError[] };
}

const printed = new WeakMap<object, string>();

/** The query text of a document (printed once). */
export function documentText(doc: TypedDocumentNode<unknown, never>): string {
  let text = printed.get(doc);
  if (!text) {
    text = print(doc);
    printed.set(doc, text);
  }
  return text;
}

export const graphqlUrl = (apiUrl: string): string => `${apiUrl.replace(/\/+$/, "")}/graphql`;
export const websocketUrl = (apiUrl: string): string => graphqlUrl(apiUrl).replace(/^http/, "ws");

function toApiError(errors: GraphQLErrorJson[], status?: number): ApiError {
  const first = errors[0];
  const message = errors.map((e) => e.message).join("; ");
  return new ApiError(message, first?.extensions?.code, first?.extensions?.fields ?? [], status);
}

/** POST one operation; resolves with `data`, rejects with an ApiError. */
export async function request<R, V>(
  apiUrl: string,
  token: string | null,
  doc: TypedDocumentNode<R, V>,
  variables: V,
  signal?: AbortSignal,
): Promise<R> {
  let res: Response;
  try {
    res = await fetch(graphqlUrl(apiUrl), {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/graphql-response+json, application/json",
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query: documentText(doc as TypedDocumentNode<unknown, never>), variables }),
      signal,
    });
  } catch (e) {
    if (signal?.aborted) throw e;
    throw new ApiError(`cannot reach the API at ${apiUrl} (${e instanceof Error ? e.message : String(e)})`);
  }
  let body: { data?: R | null; errors?: GraphQLErrorJson[] };
  try {
    body = (await res.json()) as typeof body;
  } catch {
    throw new ApiError(`the API answered HTTP ${res.status} without JSON`, undefined, [], res.status);
  }
  if (body.errors?.length) throw toApiError(body.errors, res.status);
  if (!res.ok || body.data == null)
    throw new ApiError(`the API answered HTTP ${res.status}`, undefined, [], res.status);
  return body.data;
}

/** A graphql-ws client authenticated with the token (lazy: connects on the first subscription). */
export function createSubscriptionClient(apiUrl: string, token: string): Client {
  return createClient({
    url: websocketUrl(apiUrl),
    connectionParams: { authorization: `Bearer ${token}` },
    lazy: true,
    keepAlive: 15_000,
    retryAttempts: 1_000_000,
    shouldRetry: () => true,
    retryWait: async (retries) => {
      await new Promise((r) => setTimeout(r, Math.min(10_000, 500 * 2 ** Math.min(retries, 5))));
    },
  });
}

export interface SubscriptionSink<R> {
  next(data: R): void;
  error(err: ApiError): void;
  complete?(): void;
}

/** Subscribe with a typed document; returns the unsubscribe function. */
export function subscribe<R, V>(
  client: Client,
  doc: TypedDocumentNode<R, V>,
  variables: V,
  sink: SubscriptionSink<R>,
): () => void {
  return client.subscribe<R>(
    {
      query: documentText(doc as TypedDocumentNode<unknown, never>),
      variables: variables as Record<string, unknown>,
    },
    {
      next: (msg) => {
        if (msg.errors?.length) sink.error(toApiError(msg.errors as GraphQLErrorJson[]));
        else if (msg.data) sink.next(msg.data);
      },
      error: (err) => {
        if (Array.isArray(err)) sink.error(toApiError(err as GraphQLErrorJson[]));
        else if (err instanceof Error) sink.error(new ApiError(err.message));
        else sink.error(new ApiError("subscription connection closed"));
      },
      complete: () => sink.complete?.(),
    },
  );
}
