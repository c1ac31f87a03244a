/**
 * The Loffta GraphQL schema (SDL), schema-first: the `graphql/*.graphql` files are the source of
 * truth, split by domain. `common.graphql` declares the root types that the others extend.
 */
import fs from "node:fs";
import path from "node:path";

/** Domain files, in merge order (common first: it declares the scalars and root types). */
export const SCHEMA_FILES = ["common", "auth", "datasets", "models", "caches", "runs", "metrics", "logs", "workers", "reports", "artifacts", "sweeps"] as const;

/** Folder holding the `*.graphql` files. */
export const SCHEMA_DIR = path.resolve(__dirname, "..");

/** One SDL string per domain file. */
export const typeDefs: string[] = SCHEMA_FILES.map((name) => fs.readFileSync(path.join(SCHEMA_DIR, `${name}.graphql`), "utf8"));

/** The whole schema as one SDL document. */
export const schemaSdl: string = typeDefs.join("\n");
