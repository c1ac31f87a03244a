/**
 * graphql-codegen: one schema (the SCHEMA_FILES of src/schema.ts), five outputs.
 * - graphql/src/generated/schema-types.ts: the enums, for the domain catalogue.
 * - apps/api: resolver signatures, parents mapped to the Prisma models they are built from.
 * - apps/worker: typed documents for the worker's operations (apps/worker/src/api/*.graphql).
 * - apps/web: typed documents for the dashboard (apps/web/src/**\/*.graphql), when there are any.
 * - scripts: typed documents for the scripts' operations (scripts/graphql/*.graphql).
 */
import type { CodegenConfig } from "@graphql-codegen/cli";
import { SCHEMA_FILES } from "./src/schema";

const scalars = {
  DateTime: { input: "string", output: "string" },
  JSON: { input: "unknown", output: "unknown" },
};

const operations = {
  // typescript-operations 6 emits the enums and input types the documents use: no "typescript" plugin.
  plugins: ["typescript-operations", "typed-document-node"],
  config: { scalars, useTypeImports: true, enumsAsTypes: true, avoidOptionals: false, skipTypename: true },
};

const config: CodegenConfig = {
  overwrite: true,
  // Same formatting as the repo (`npm run format`), so formatting never makes the check fail.
  hooks: { afterAllFileWrite: ["prettier --write"] },
  // The same files, in the same order, as the served schema (src/schema.ts).
  schema: SCHEMA_FILES.map((f) => `./${f}.graphql`),
  ignoreNoDocuments: true,
  generates: {
    // The SDL's enums as string unions, for the domain catalogue (src/domain: Record<Enum, …>).
    "./src/generated/schema-types.ts": { plugins: ["typescript"], config: { enumsAsTypes: true, onlyEnums: true } },
    "../apps/api/src/generated/resolvers.ts": {
      plugins: ["typescript", "typescript-resolvers"],
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        contextType: "../context#Context",
        useIndexSignature: false,
        scalars: {
          DateTime: { input: "string", output: "Date | string" },
          JSON: { input: "unknown", output: "unknown" },
        },
        mappers: {
          Team: "@loffta/db#Team as TeamModel",
          User: "@loffta/db#User as UserModel",
          Viewer: "../auth#Viewer as ViewerModel",
          ApiToken: "../services/tokens#TokenRow",
          CreatedToken: "../services/tokens#CreatedTokenRow",
          Dataset: "@loffta/db#Dataset as DatasetModel",
          FoundationModel: "@loffta/db#FoundationModel as FoundationModelModel",
          FeatureCache: "@loffta/db#FeatureCache as FeatureCacheModel",
          Project: "@loffta/db#Project as ProjectModel",
          Run: "@loffta/db#Run as RunModel",
          Calibration: "@loffta/db#Calibration as CalibrationModel",
          Report: "@loffta/db#Report as ReportModel",
          ReportPlot: "@loffta/db#ReportPlot as ReportPlotModel",
          RunConnection: "../services/runs#RunPage",
          RunComparison: "../services/compare#Comparison",
          RunEfficiency: "../services/compare#EfficiencyRow",
          RunCost: "../services/compare#CostRow",
          Worker: "@loffta/db#Worker as WorkerModel",
          Job: "@loffta/db#Job as JobModel",
          HeartbeatResult: "../services/queue#HeartbeatOutcome",
          ProgressResult: "../services/queue#ProgressOutcome",
          Artifact: "@loffta/db#Artifact as ArtifactModel",
          RunEvaluation: "../services/artifacts#Evaluation",
          CacheEconomics: "../services/cache-economics#Economics",
          CacheBreakEven: "@loffta/graphql/domain#BreakEven as BreakEvenModel",
          CostReference: "@loffta/graphql/domain#CostReference as CostReferenceModel",
          DatasetRescan: "../services/cache-economics#Rescan",
          Sweep: "@loffta/db#Sweep as SweepModel",
          SweepGroup: "../services/sweeps#SweepGroupRow",
          SweepConnection: "../services/sweeps#SweepPage",
        },
      },
    },
    "../apps/worker/src/generated/graphql.ts": { documents: "../apps/worker/src/api/*.graphql", ...operations },
    "../apps/web/src/generated/graphql.ts": { documents: "../apps/web/src/**/*.graphql", ...operations },
    // The scripts' operations (npm start's demo, npm run reproduce): scripts/graphql/*.graphql.
    "../scripts/generated/graphql.ts": { documents: "../scripts/graphql/*.graphql", ...operations },
  },
};

export default config;
