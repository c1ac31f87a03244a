/**
 * Minimal GraphQL-over-HTTP client for scripts (bearer token; errors thrown with their codes).
 * Requests are typed documents (TypedDocumentNode) generated from scripts/graphql/*.graphql into
 * scripts/generated/graphql.ts (`npm run generate -w @loffta/graphql`): result and variable types
 * come from the schema, never written by hand.
 */
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print } from "graphql";

export class ApiError extends Error {
  override name = "ApiError";
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

export interface Api {
  url: string;
  request<R, V>(doc: TypedDocumentNode<R, V>, variables: V): Promise<R>;
}

const printed = new WeakMap<object, string>();

/** The query text of a document (printed once). */
export function documentText(doc: TypedDocumentNode<unknown, never>): string {
  let text = printed.get(doc);
  if (!text) printed.set(doc, (text = print(doc)));
  return text;
}

export function createApi(baseUrl: string, token: string): Api {
  const url = baseUrl.replace(/\/+$/, "").replace(/\/graphql$/, "") + "/graphql";
  return {
    url,
    async request<R, V>(doc: TypedDocumentNode<R, V>, variables: V): Promise<R> {
      const query = documentText(doc as TypedDocumentNode<unknown, never>);
      // A keep-alive socket the server closed while idle fails with "fetch failed" (SocketError:
      // other side closed) before the request is processed: retry those a few times.
      let res: Response | undefined;
      for (let attempt = 0; !res; attempt++) {
        try {
          res = await fetch(url, {
            method: "POST",
            headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
            body: JSON.stringify({ query, variables }),
          });
        } catch (e) {
          if (attempt >= 4) throw e;
          await new Promise((r) => setTimeout(r, 250 * 2 ** attempt));
        }
      }
      const body = (await res.json().catch(() => ({}))) as {
        data?: R;
        errors?: { message: string; extensions?: { code?: string } }[];
      };
      if (body.errors?.length) {
        const e = body.errors[0];
        throw new ApiError(
          `${e.message}${e.extensions?.code ? ` (${e.extensions.code})` : ""}`,
          e.extensions?.code,
        );
      }
      if (!res.ok || !body.data) throw new ApiError(`HTTP ${res.status} from ${url}`);
      return body.data;
    },
  };
}
