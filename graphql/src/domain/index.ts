/**
 * The domain catalogue: every fact of the domain written once, read by the API, the worker, the
 * dashboard and the scripts (`@loffta/graphql/domain`; browser-safe — the Node dataset scanner
 * is `@loffta/graphql/dataset-scan`). Enum types come from the SDL (codegen), and each record is
 * a `Record<Enum, …>`, so an enum value without its entry does not compile. docs/extending.md.
 */
export * from "./run-kinds";
export * from "./model-families";
export * from "./augmentations";
export * from "./metrics";
export * from "./dataset-layout";
export * from "./run-config";
export * from "./run-artifacts";
export * from "./evaluation";
export * from "./cache-economics";
export * from "./sweep";
