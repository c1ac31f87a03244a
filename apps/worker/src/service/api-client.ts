import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print } from "graphql";

/** The API could not be reached (network error, 5xx, timeout): retry later. */
export class ApiUnreachableError extends Error {
  override name = "ApiUnreachableError";
}

/** The API answered with a GraphQL error (extensions.code: UNAUTHENTICATED, NOT_FOUND, …). */
export class ApiError extends Error {
  override name = "ApiError";
  constructor(
    message: string,
    readonly code: string,
    readonly fields?: unknown,
  ) {
    super(message);
  }
}

interface GraphQLResponse<R> {
  data?: R | null;
  errors?: { message: string; extensions?: { code?: string; fields?: unknown } }[];
}

/** A typed GraphQL-over-HTTP client for the worker's operations (apps/worker/src/api/*.graphql). */
export class ApiClient {
  private readonly printed = new WeakMap<object, string>();

  constructor(
    readonly url: string,
    private readonly token: string,
    private readonly timeoutMs = 30_000,
  ) {}

  get graphqlUrl(): string {
    return this.url.replace(/\/+$/, "").replace(/\/graphql$/, "") + "/graphql";
  }

  async request<R, V>(doc: TypedDocumentNode<R, V>, variables: V): Promise<R> {
    let query = this.printed.get(doc);
    if (!query) this.printed.set(doc, (query = print(doc)));
    let res: Response;
    // A rate-limited request (429) was refused before it ran: wait as the API says and send it
    // again (bounded), so no job fails for good because the team's token was busy.
    for (let attempt = 0; ; attempt++) {
      try {
        res = await fetch(this.graphqlUrl, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${this.token}` },
          body: JSON.stringify({ query, variables }),
          signal: AbortSignal.timeout(this.timeoutMs),
        });
      } catch (e) {
        throw new ApiUnreachableError(
          `API ${this.graphqlUrl} unreachable: ${(e as Error).cause ?? (e as Error).message}`,
        );
      }
      if (res.status !== 429 || attempt >= 30) break;
      const wait = Math.min(10, Math.max(0.1, Number(res.headers.get("retry-after")) || 1));
      await res.body?.cancel();
      await new Promise((r) => setTimeout(r, wait * 1000));
    }
    if (res.status >= 500) throw new ApiUnreachableError(`API ${this.graphqlUrl} answered ${res.status}`);
    let body: GraphQLResponse<R>;
    try {
      body = (await res.json()) as GraphQLResponse<R>;
    } catch {
      throw new ApiUnreachableError(`API ${this.graphqlUrl} answered ${res.status} without JSON`);
    }
    const err = body.errors?.[0];
    if (err)
      throw new ApiError(
        err.message,
        err.extensions?.code ?? "INTERNAL_SERVER_ERROR",
        err.extensions?.fields,
      );
    if (!body.data) throw new ApiError(`API answered ${res.status} without data`, "INTERNAL_SERVER_ERROR");
    return body.data;
  }
}
