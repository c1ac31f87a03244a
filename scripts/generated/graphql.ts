/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> =
  T | { [P in keyof T]?: P extends " $fragmentName" | "__typename" ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from "@graphql-typed-document-node/core";
/** Lifecycle of a feature cache. */
export type CacheStatus =
  /** A worker is extracting features. */
  | "EXTRACTING"
  /** Extraction failed for good; see `error`. */
  | "FAILED"
  /** Requested; an EXTRACT job waits for a worker. */
  | "PENDING"
  /** Complete and usable by runs. */
  | "READY";

/** How a dataset's files are laid out. */
export type DatasetLayout =
  /** A CSV file with the header `path,label,split`; paths are relative to the CSV's folder. */
  | "CSV_MANIFEST"
  /** `root/<class>/<image>`, or `root/{train,val,test}/<class>/<image>` when split folders exist. */
  | "IMAGE_FOLDER";

/** Input of `launchRun`. */
export type LaunchRunInput = {
  /** Fine-tuning (UNFROZEN_LINEAR) or external (EXTERNAL, logged with the wandb client) run of the same team to measure speed-up against. */
  baselineRunId?: string | number | null | undefined;
  /** Feature cache: required for every kind (LOFF / LOFF_TA train on its tokens; the image baselines take its dataset, model and resolution). Not FAILED. */
  cacheId?: string | number | null | undefined;
  /** Run configuration, resolved for the kind by `resolveRunConfig` (stored as the effective config); invalid fields, and asking for what the kind cannot do (e.g. tensor augmentations on LOFF), fail with BAD_USER_INPUT listing their paths. */
  config: unknown;
  /** What to train. */
  kind: RunKind;
  /** Display name (1–200 characters). */
  name: string;
  /** Notes. */
  notes?: string | null | undefined;
  /** Project to launch in. */
  projectId: string | number;
  /** Seed of initialisation, data order and augmentations. Omitted: `config.seed` (default 0); when both are given they must agree. */
  seed?: number | null | undefined;
  /** Tags. */
  tags?: Array<string> | null | undefined;
};

/** Architecture family of a foundation model. */
export type ModelFamily =
  /** CLIP / OpenCLIP image towers. */
  | "CLIP"
  /** DeiT ViTs. */
  | "DEIT"
  /** DINOv2 ViTs (patch 14). */
  | "DINOV2"
  /** Anything else. */
  | "OTHER"
  /** Original ViTs. */
  | "VIT";

/** Input of `publishReport`. */
export type PublishReportInput = {
  /** The report as markdown (at most 200,000 characters). */
  markdown: string;
  /** Final-metric key the results aggregate (1–200 characters), e.g. `accuracy`. */
  metric: string;
  /** Name, unique in the project (1–200 characters): an existing report of that name is replaced. */
  name: string;
  /** PNG plots (at most 8). Default: none. */
  plots?: Array<ReportPlotInput> | null | undefined;
  /** Project to publish in. */
  projectId: string | number;
  /** Result rows (at most 500). */
  results: Array<ReportResultInput>;
  /** Runs the report covers (at most 1,000, no duplicates): runs of the caller's team. */
  runIds: Array<string | number>;
  /** How the runs were set up (a JSON object, at most 20,000 characters as JSON). Default `{}`. */
  settings?: unknown;
};

/** Input of `registerDataset`. */
export type RegisterDatasetInput = {
  /** File layout. */
  layout: DatasetLayout;
  /** Name, unique in the team. */
  name: string;
  /** Root folder (IMAGE_FOLDER) or manifest CSV (CSV_MANIFEST): a local path or `file://` URI readable by the API server. */
  rootUri: string;
};

/** Input of `registerFoundationModel`. */
export type RegisterFoundationModelInput = {
  /** Input resolution the model was trained at (16–4096). */
  defaultImageSize: number;
  /** Number of transformer blocks (1–256). */
  depth: number;
  /** Token width D (1–16384). */
  embedDim: number;
  /** Architecture family. */
  family: ModelFamily;
  /** Attention heads per block (1–256). */
  heads: number;
  /** Normalisation mean override; 3 values. Omitted: the model's preprocessor_config.json, else the family default (ImageNet for DINOv2/DeiT, 0.5 for ViT, CLIP's own for CLIP, 0 for OTHER). */
  mean?: Array<number> | null | undefined;
  /** Name, unique in the team. */
  name: string;
  /** Family-specific options (a JSON object). */
  options?: unknown;
  /** Number of parameters. */
  parameterCount?: number | null | undefined;
  /** Patch size in pixels (1–64). */
  patchSize: number;
  /** Normalisation standard deviation override; 3 positive values. Omitted: as for `mean` (std 1 for OTHER). */
  std?: Array<number> | null | undefined;
  /** SHA-256 of the weights file (64 hex digits). */
  weightsSha256?: string | null | undefined;
  /** Where the weights are (path or URI). */
  weightsUri: string;
};

/** One plot of `publishReport`. */
export type ReportPlotInput = {
  /** File name: 1–100 characters of letters, digits, `.`, `_` and `-`, ending in `.png`; unique in the report. */
  name: string;
  /** The PNG file as base64 (at most 512 KiB decoded). */
  pngBase64: string;
  /** Caption (at most 200 characters). */
  title?: string | null | undefined;
};

/** One result row of `publishReport`. */
export type ReportResultInput = {
  /** Mean training images per second (≥ 0). */
  imagesPerSec?: number | null | undefined;
  /** Run kind. */
  kind: RunKind;
  /** Training images per class (≥ 1); null or absent = the dataset as registered. */
  labelsPerClass?: number | null | undefined;
  /** Mean memory saving against fine-tuning (> 0). */
  memorySaving?: number | null | undefined;
  /** Mean of the metric; null when none. */
  metricMean?: number | null | undefined;
  /** Sample standard deviation of the metric (≥ 0); null when none. */
  metricStd?: number | null | undefined;
  /** Mean peak memory in bytes (≥ 0). */
  peakMemoryBytes?: number | null | undefined;
  /** Runs in the group (≥ 0). */
  runCount: number;
  /** Ids of the runs in the group: each must be in the input's `runIds`. */
  runIds?: Array<string | number> | null | undefined;
  /** Mean speed-up against fine-tuning (> 0). */
  speedup?: number | null | undefined;
  /** Runs that SUCCEEDED (0 to `runCount`). */
  succeeded: number;
};

/** Input of `requestFeatureCache`. */
export type RequestFeatureCacheInput = {
  /** Dataset to extract. */
  datasetId: string | number;
  /** Transformer block to take tokens from, 1-based (1 … the model's depth). Omitted: the last block. Must be omitted for TF.js models (family OTHER). */
  layer?: number | null | undefined;
  /** Frozen model to extract with. */
  modelId: string | number;
  /** k of the k×k average pooling (1–16). Default 1 (none). */
  pooling?: number | null | undefined;
  /** Input resolution in pixels (16–4096); a multiple of the model's patch size. */
  resolution: number;
};

/** What a run trains. */
export type RunKind =
  /** Trained outside the platform and logged by the W&B client (docs/wandb.md): free-form config, no cache, no job; can be a baseline (efficiency from its summary). */
  | "EXTERNAL"
  /** Linear head on a frozen model that runs every step (baseline). */
  | "FROZEN_LINEAR"
  /** Compact classifier on cached features, no augmentation. */
  | "LOFF"
  /** Compact classifier on cached features with tensor augmentations. */
  | "LOFF_TA"
  /** Full fine-tuning with a linear head (the baseline speed-ups are measured against). */
  | "UNFROZEN_LINEAR";

/** Lifecycle of a run. */
export type RunStatus =
  /** Cancelled by a user. */
  | "CANCELLED"
  /** Failed for good; see `error`. */
  | "FAILED"
  /** Waiting for a worker (and, for LOFF/LOFF_TA, for its cache). */
  | "QUEUED"
  /** A worker is training. */
  | "RUNNING"
  /** Finished; final metrics are set. */
  | "SUCCEEDED";

export type RegisterDatasetMutationVariables = Exact<{
  input: RegisterDatasetInput;
}>;

export type RegisterDatasetMutation = { registerDataset: { id: string } };

export type DatasetsQueryVariables = Exact<{ [key: string]: never }>;

export type DatasetsQuery = { datasets: Array<{ id: string; name: string; rootUri: string }> };

export type RegisterFoundationModelMutationVariables = Exact<{
  input: RegisterFoundationModelInput;
}>;

export type RegisterFoundationModelMutation = { registerFoundationModel: { id: string } };

export type FoundationModelsQueryVariables = Exact<{ [key: string]: never }>;

export type FoundationModelsQuery = { foundationModels: Array<{ id: string; name: string }> };

export type RequestFeatureCacheMutationVariables = Exact<{
  input: RequestFeatureCacheInput;
}>;

export type RequestFeatureCacheMutation = { requestFeatureCache: { id: string } };

export type CacheProgressQueryVariables = Exact<{
  id: string | number;
}>;

export type CacheProgressQuery = {
  featureCache: { id: string; status: CacheStatus; progressDone: number; progressTotal: number } | null;
};

export type ProjectsQueryVariables = Exact<{ [key: string]: never }>;

export type ProjectsQuery = { projects: Array<{ id: string; name: string }> };

export type ReproduceSetupQueryVariables = Exact<{
  datasetId: string | number;
  modelId: string | number;
}>;

export type ReproduceSetupQuery = {
  dataset: { id: string; name: string; rootUri: string; classNames: Array<string> } | null;
  foundationModel: { id: string; name: string; family: ModelFamily; defaultImageSize: number } | null;
  projects: Array<{ id: string; name: string }>;
};

export type PublishReportMutationVariables = Exact<{
  input: PublishReportInput;
}>;

export type PublishReportMutation = { publishReport: { id: string; name: string } };

export type LaunchRunMutationVariables = Exact<{
  input: LaunchRunInput;
}>;

export type LaunchRunMutation = { launchRun: { id: string } };

export type RunStatusQueryVariables = Exact<{
  id: string | number;
}>;

export type RunStatusQuery = { run: { id: string; status: RunStatus } | null };

export type ReproduceRunQueryVariables = Exact<{
  id: string | number;
}>;

export type ReproduceRunQuery = {
  run: {
    id: string;
    name: string;
    kind: RunKind;
    seed: number;
    status: RunStatus;
    trainImagesPerSec: number | null;
    peakMemoryBytes: number | null;
    wallTimeSec: number | null;
    finalMetrics: unknown;
    evalSplit: string | null;
    evalCount: number | null;
    error: string | null;
    tags: Array<string>;
  } | null;
};

export type RunEfficiencyQueryVariables = Exact<{
  ids: Array<string | number> | string | number;
}>;

export type RunEfficiencyQuery = {
  compareRuns: {
    efficiency: Array<{
      speedup: number | null;
      memorySaving: number | null;
      baselineSource: string | null;
      run: { id: string };
    }>;
  };
};

export const RegisterDatasetDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "mutation",
      name: { kind: "Name", value: "RegisterDataset" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "input" } },
          type: {
            kind: "NonNullType",
            type: { kind: "NamedType", name: { kind: "Name", value: "RegisterDatasetInput" } },
          },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "registerDataset" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "input" },
                value: { kind: "Variable", name: { kind: "Name", value: "input" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [{ kind: "Field", name: { kind: "Name", value: "id" } }],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RegisterDatasetMutation, RegisterDatasetMutationVariables>;
export const DatasetsDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "query",
      name: { kind: "Name", value: "Datasets" },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "datasets" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                { kind: "Field", name: { kind: "Name", value: "name" } },
                { kind: "Field", name: { kind: "Name", value: "rootUri" } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<DatasetsQuery, DatasetsQueryVariables>;
export const RegisterFoundationModelDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "mutation",
      name: { kind: "Name", value: "RegisterFoundationModel" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "input" } },
          type: {
            kind: "NonNullType",
            type: { kind: "NamedType", name: { kind: "Name", value: "RegisterFoundationModelInput" } },
          },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "registerFoundationModel" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "input" },
                value: { kind: "Variable", name: { kind: "Name", value: "input" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [{ kind: "Field", name: { kind: "Name", value: "id" } }],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RegisterFoundationModelMutation, RegisterFoundationModelMutationVariables>;
export const FoundationModelsDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "query",
      name: { kind: "Name", value: "FoundationModels" },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "foundationModels" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                { kind: "Field", name: { kind: "Name", value: "name" } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<FoundationModelsQuery, FoundationModelsQueryVariables>;
export const RequestFeatureCacheDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "mutation",
      name: { kind: "Name", value: "RequestFeatureCache" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "input" } },
          type: {
            kind: "NonNullType",
            type: { kind: "NamedType", name: { kind: "Name", value: "RequestFeatureCacheInput" } },
          },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "requestFeatureCache" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "input" },
                value: { kind: "Variable", name: { kind: "Name", value: "input" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [{ kind: "Field", name: { kind: "Name", value: "id" } }],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RequestFeatureCacheMutation, RequestFeatureCacheMutationVariables>;
export const CacheProgressDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "query",
      name: { kind: "Name", value: "CacheProgress" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "id" } },
          type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "ID" } } },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "featureCache" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "id" },
                value: { kind: "Variable", name: { kind: "Name", value: "id" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                { kind: "Field", name: { kind: "Name", value: "status" } },
                { kind: "Field", name: { kind: "Name", value: "progressDone" } },
                { kind: "Field", name: { kind: "Name", value: "progressTotal" } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CacheProgressQuery, CacheProgressQueryVariables>;
export const ProjectsDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "query",
      name: { kind: "Name", value: "Projects" },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "projects" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                { kind: "Field", name: { kind: "Name", value: "name" } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ProjectsQuery, ProjectsQueryVariables>;
export const ReproduceSetupDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "query",
      name: { kind: "Name", value: "ReproduceSetup" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "datasetId" } },
          type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "ID" } } },
        },
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "modelId" } },
          type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "ID" } } },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "dataset" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "id" },
                value: { kind: "Variable", name: { kind: "Name", value: "datasetId" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                { kind: "Field", name: { kind: "Name", value: "name" } },
                { kind: "Field", name: { kind: "Name", value: "rootUri" } },
                { kind: "Field", name: { kind: "Name", value: "classNames" } },
              ],
            },
          },
          {
            kind: "Field",
            name: { kind: "Name", value: "foundationModel" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "id" },
                value: { kind: "Variable", name: { kind: "Name", value: "modelId" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                { kind: "Field", name: { kind: "Name", value: "name" } },
                { kind: "Field", name: { kind: "Name", value: "family" } },
                { kind: "Field", name: { kind: "Name", value: "defaultImageSize" } },
              ],
            },
          },
          {
            kind: "Field",
            name: { kind: "Name", value: "projects" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                { kind: "Field", name: { kind: "Name", value: "name" } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ReproduceSetupQuery, ReproduceSetupQueryVariables>;
export const PublishReportDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "mutation",
      name: { kind: "Name", value: "PublishReport" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "input" } },
          type: {
            kind: "NonNullType",
            type: { kind: "NamedType", name: { kind: "Name", value: "PublishReportInput" } },
          },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "publishReport" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "input" },
                value: { kind: "Variable", name: { kind: "Name", value: "input" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                { kind: "Field", name: { kind: "Name", value: "name" } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<PublishReportMutation, PublishReportMutationVariables>;
export const LaunchRunDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "mutation",
      name: { kind: "Name", value: "LaunchRun" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "input" } },
          type: {
            kind: "NonNullType",
            type: { kind: "NamedType", name: { kind: "Name", value: "LaunchRunInput" } },
          },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "launchRun" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "input" },
                value: { kind: "Variable", name: { kind: "Name", value: "input" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [{ kind: "Field", name: { kind: "Name", value: "id" } }],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<LaunchRunMutation, LaunchRunMutationVariables>;
export const RunStatusDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "query",
      name: { kind: "Name", value: "RunStatus" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "id" } },
          type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "ID" } } },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "run" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "id" },
                value: { kind: "Variable", name: { kind: "Name", value: "id" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                { kind: "Field", name: { kind: "Name", value: "status" } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RunStatusQuery, RunStatusQueryVariables>;
export const ReproduceRunDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "query",
      name: { kind: "Name", value: "ReproduceRun" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "id" } },
          type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "ID" } } },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "run" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "id" },
                value: { kind: "Variable", name: { kind: "Name", value: "id" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                { kind: "Field", name: { kind: "Name", value: "name" } },
                { kind: "Field", name: { kind: "Name", value: "kind" } },
                { kind: "Field", name: { kind: "Name", value: "seed" } },
                { kind: "Field", name: { kind: "Name", value: "status" } },
                { kind: "Field", name: { kind: "Name", value: "trainImagesPerSec" } },
                { kind: "Field", name: { kind: "Name", value: "peakMemoryBytes" } },
                { kind: "Field", name: { kind: "Name", value: "wallTimeSec" } },
                { kind: "Field", name: { kind: "Name", value: "finalMetrics" } },
                { kind: "Field", name: { kind: "Name", value: "evalSplit" } },
                { kind: "Field", name: { kind: "Name", value: "evalCount" } },
                { kind: "Field", name: { kind: "Name", value: "error" } },
                { kind: "Field", name: { kind: "Name", value: "tags" } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ReproduceRunQuery, ReproduceRunQueryVariables>;
export const RunEfficiencyDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "query",
      name: { kind: "Name", value: "RunEfficiency" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "ids" } },
          type: {
            kind: "NonNullType",
            type: {
              kind: "ListType",
              type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "ID" } } },
            },
          },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "compareRuns" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "ids" },
                value: { kind: "Variable", name: { kind: "Name", value: "ids" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                {
                  kind: "Field",
                  name: { kind: "Name", value: "efficiency" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "run" },
                        selectionSet: {
                          kind: "SelectionSet",
                          selections: [{ kind: "Field", name: { kind: "Name", value: "id" } }],
                        },
                      },
                      { kind: "Field", name: { kind: "Name", value: "speedup" } },
                      { kind: "Field", name: { kind: "Name", value: "memorySaving" } },
                      { kind: "Field", name: { kind: "Name", value: "baselineSource" } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RunEfficiencyQuery, RunEfficiencyQueryVariables>;
