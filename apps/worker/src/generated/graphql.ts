/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> =
  T | { [P in keyof T]?: P extends " $fragmentName" | "__typename" ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from "@graphql-typed-document-node/core";
/** Results of an EXTRACT job. */
export type CacheResultInput = {
  /** Size on storage in bytes. */
  bytes: number;
  /** Content hash of the dataset as the worker scanned it (sha256 over its sorted `path<TAB>size` lines). */
  datasetContentHash?: string | null | undefined;
  /** Token width D. */
  dim: number;
  /** Storage dtype, e.g. `float16`. */
  dtype?: string | null | undefined;
  /** The worker's device. */
  extractDevice?: string | null | undefined;
  /** Peak resident memory of the extracting process, bytes. */
  extractPeakMemoryBytes?: number | null | undefined;
  /** Wall seconds of this attempt's extraction (upload to the object store excluded). */
  extractSeconds?: number | null | undefined;
  /** Token grid height after pooling. */
  gridH: number;
  /** Token grid width after pooling. */
  gridW: number;
  /** Extraction throughput (images/s). */
  imagesPerSec?: number | null | undefined;
  /** SHA-256 of its manifest. */
  manifestSha256?: string | null | undefined;
  /** Normalisation mean the extraction applied. */
  mean?: Array<number> | null | undefined;
  /** Number of shard files. */
  shardCount: number;
  /** Skipped images (at most 1000; `skippedCount` counts them all): path relative to the dataset, and why. */
  skipped?: Array<SkippedImageInput> | null | undefined;
  /** Images skipped as unreadable. */
  skippedCount?: number | null | undefined;
  /** Images written per split (skipped images excluded). */
  splitCounts?: Array<SplitCountInput> | null | undefined;
  /** Normalisation standard deviation the extraction applied. */
  std?: Array<number> | null | undefined;
  /** Where it is stored. */
  storageUri: string;
  /** SHA-256 of the weights the extraction read. */
  weightsSha256?: string | null | undefined;
};

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

/** A fine-tuning calibration measured by a worker (see `Calibration`). The model is the run's cache's model. */
export type CalibrationInput = {
  /** Batch size. */
  batchSize: number;
  /** Worker device. */
  device: string;
  /** Fine-tuning throughput (images/s). */
  imagesPerSec: number;
  /** Peak memory in bytes. */
  peakMemoryBytes: number;
  /** Input resolution in pixels. */
  resolution: number;
  /** Timed optimizer steps. */
  steps: number;
};

/** How a dataset's files are laid out. */
export type DatasetLayout =
  /** A CSV file with the header `path,label,split`; paths are relative to the CSV's folder. */
  | "CSV_MANIFEST"
  /** `root/<class>/<image>`, or `root/{train,val,test}/<class>/<image>` when split folders exist. */
  | "IMAGE_FOLDER";

/** Input of `completeJob`: set the part matching the job type. */
export type JobResultInput = {
  /** Results of an EXTRACT job. */
  cache?: CacheResultInput | null | undefined;
  /** Results of a TRAIN job. */
  run?: RunResultInput | null | undefined;
};

/** Lifecycle of a job. */
export type JobStatus =
  /** Cancelled with its run. */
  | "CANCELLED"
  /** Failed for good (attempts exhausted or not retryable). */
  | "FAILED"
  /** Waiting to be claimed. */
  | "QUEUED"
  /** Leased by a worker. */
  | "RUNNING"
  /** Done. */
  | "SUCCEEDED";

/** Kind of queued work. */
export type JobType =
  /** Extract a feature cache (payload: cacheId). */
  | "EXTRACT"
  /** Train a run (payload: runId). */
  | "TRAIN";

/**
 * A batch of metric points as columns, for `logMetricColumns`: point `i` is
 * (`keys[key[i]]`, `steps[i]`, `values[i]`, `wallTimes[i]`). The same points as a list of
 * `MetricPointInput`, cheaper to send and to check (a worker logs thousands of points per call:
 * four lists of scalars instead of an object per point).
 */
export type MetricColumnsInput = {
  /** Per point: its key, as an index into `keys` (0-based). */
  key: Array<number>;
  /** The batch's metric keys, each once (1–200 characters each). */
  keys: Array<string>;
  /** Per point: its training step (≥ 0). */
  steps: Array<number>;
  /** Per point: its value (finite). */
  values: Array<number>;
  /** Per point: when it was measured (null: when it was received). Omitted: all when received. */
  wallTimes?: Array<string | null | undefined> | null | undefined;
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

/** Input of `registerWorker`. */
export type RegisterWorkerInput = {
  /** Compute backend. */
  backend: string;
  /** Device. */
  device: string;
  /** Host name. */
  host: string;
  /** Device memory in bytes. */
  memoryBytes?: number | null | undefined;
  /** Name, unique in the team; registering an existing name updates that worker. */
  name: string;
};

/** An artifact a worker registers: its name from the catalogue (the object is at the platform's key for that name). */
export type RunArtifactInput = {
  /** `last.safetensors`, `best.safetensors` or `predictions.json`. */
  name: string;
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

/** Severity of a run log line. */
export type RunLogLevel =
  /** A failure (e.g. the job's error when it failed). */
  | "ERROR"
  /** Normal progress messages. */
  | "INFO"
  /** Something went wrong but the run goes on (e.g. a calibration that could not be measured). */
  | "WARN";

/** A run log line to append. */
export type RunLogLineInput = {
  /** Severity. Default INFO. */
  level?: RunLogLevel | null | undefined;
  /** The text (1–4,000 characters). */
  message: string;
  /**
   * The sender's sequence number of the line (0 to 2,147,483,647), unique per run: lines are read
   * in `seq` order, and re-sending a line with a `seq` the run already has is a no-op (retries are
   * safe).
   */
  seq: number;
  /** When the line was logged; default: when it was received. */
  time?: string | null | undefined;
};

/** Results of a TRAIN job. */
export type RunResultInput = {
  /** TensorFlow.js backend it trained on (`tf.getBackend()`). */
  backend?: string | null | undefined;
  /** A fine-tuning calibration measured for this run (stored, and reused by later runs of the same model, resolution, batch and device). */
  calibration?: CalibrationInput | null | undefined;
  /** An existing calibration to compare the run with. */
  calibrationId?: string | number | null | undefined;
  /** The configuration the worker applied (stored as the run's `config`). It must resolve to itself for the run's kind. */
  config?: unknown;
  /** Device it trained on. */
  device?: string | null | undefined;
  /** Final evaluation: a JSON object with the metrics by name (accuracy, balancedAccuracy, macroF1, kappa, auc, loss), `confusion` (cm[true][predicted]), `evalSplit` and `evalCount`. */
  finalMetrics: unknown;
  /** Git commit of the worker's checkout (read once at worker start); omitted when not a git checkout. */
  gitCommit?: string | null | undefined;
  /** Host name of the machine it trained on. */
  host?: string | null | undefined;
  /** Images the training read (Σ batch sizes over its optimizer steps). */
  imagesSeen?: number | null | undefined;
  /** Loffta version (root package.json `version`) of the worker. */
  lofftaVersion?: string | null | undefined;
  /** Node.js version (`process.version`). */
  nodeVersion?: string | null | undefined;
  /** Peak memory in bytes. */
  peakMemoryBytes?: number | null | undefined;
  /** TensorFlow C library version (`TF_Version`), when the native backend exposes it. */
  tensorflowVersion?: string | null | undefined;
  /** `@tensorflow/tfjs-node` (or `-gpu`) version, when the native backend is used. */
  tfjsNodeVersion?: string | null | undefined;
  /** `@tensorflow/tfjs-core` version. */
  tfjsVersion?: string | null | undefined;
  /** Training throughput (images/s). */
  trainImagesPerSec?: number | null | undefined;
  /** Wall-clock training time in seconds. */
  wallTimeSec?: number | null | undefined;
};

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

/** An image the extraction skipped. */
export type SkippedImageInput = {
  /** Path relative to the dataset root (or `#<index>`). */
  path: string;
  /** Why (e.g. the decoder's error). */
  reason: string;
};

/** Images of one split, as a worker extracted them. */
export type SplitCountInput = {
  /** Images written. */
  count: number;
  /** Split name: `train`, `val` or `test`. */
  split: string;
};

export type WorkerJobFragment = {
  id: string;
  type: JobType;
  status: JobStatus;
  attempts: number;
  maxAttempts: number;
  leaseExpiresAt: string | null;
  payload: unknown;
  run: { id: string } | null;
  cache: { id: string } | null;
};

export type WorkerCacheFragment = {
  id: string;
  status: CacheStatus;
  resolution: number;
  pooling: number;
  layer: number;
  dtype: string;
  gridH: number | null;
  gridW: number | null;
  dim: number | null;
  storageUri: string | null;
  manifestSha256: string | null;
  dataset: {
    id: string;
    name: string;
    rootUri: string;
    layout: DatasetLayout;
    classNames: Array<string>;
    contentHash: string | null;
    splitCounts: Array<{ split: string; count: number }>;
  };
  model: {
    id: string;
    name: string;
    family: ModelFamily;
    patchSize: number;
    embedDim: number;
    depth: number;
    heads: number;
    defaultImageSize: number;
    mean: Array<number> | null;
    std: Array<number> | null;
    weightsUri: string;
    weightsSha256: string | null;
    options: unknown;
  };
};

export type WorkerRunFragment = {
  id: string;
  name: string;
  kind: RunKind;
  status: RunStatus;
  startedAt: string | null;
  config: unknown;
  seed: number;
  project: { id: string };
  cache: {
    id: string;
    status: CacheStatus;
    resolution: number;
    pooling: number;
    layer: number;
    dtype: string;
    gridH: number | null;
    gridW: number | null;
    dim: number | null;
    storageUri: string | null;
    manifestSha256: string | null;
    dataset: {
      id: string;
      name: string;
      rootUri: string;
      layout: DatasetLayout;
      classNames: Array<string>;
      contentHash: string | null;
      splitCounts: Array<{ split: string; count: number }>;
    };
    model: {
      id: string;
      name: string;
      family: ModelFamily;
      patchSize: number;
      embedDim: number;
      depth: number;
      heads: number;
      defaultImageSize: number;
      mean: Array<number> | null;
      std: Array<number> | null;
      weightsUri: string;
      weightsSha256: string | null;
      options: unknown;
    };
  } | null;
};

export type RegisterWorkerMutationVariables = Exact<{
  input: RegisterWorkerInput;
}>;

export type RegisterWorkerMutation = {
  registerWorker: { id: string; name: string; lastHeartbeatAt: string };
};

export type HeartbeatMutationVariables = Exact<{
  workerId: string | number;
}>;

export type HeartbeatMutation = {
  heartbeat: { cancelledJobIds: Array<string>; worker: { id: string; lastHeartbeatAt: string } };
};

export type ClaimJobMutationVariables = Exact<{
  workerId: string | number;
  types?: Array<JobType> | JobType | null | undefined;
  leaseSeconds?: number | null | undefined;
}>;

export type ClaimJobMutation = {
  claimJob: {
    id: string;
    type: JobType;
    status: JobStatus;
    attempts: number;
    maxAttempts: number;
    leaseExpiresAt: string | null;
    payload: unknown;
    run: { id: string } | null;
    cache: { id: string } | null;
  } | null;
};

export type ReportProgressMutationVariables = Exact<{
  jobId: string | number;
  workerId: string | number;
  done: number;
  total: number;
}>;

export type ReportProgressMutation = {
  reportProgress: {
    cancelled: boolean;
    job: { id: string; status: JobStatus; leaseExpiresAt: string | null };
  };
};

export type CompleteJobMutationVariables = Exact<{
  jobId: string | number;
  workerId: string | number;
  result: JobResultInput;
}>;

export type CompleteJobMutation = { completeJob: { id: string; status: JobStatus } };

export type FailJobMutationVariables = Exact<{
  jobId: string | number;
  workerId: string | number;
  error: string;
  retryable?: boolean | null | undefined;
}>;

export type FailJobMutation = {
  failJob: { id: string; status: JobStatus; attempts: number; maxAttempts: number; availableAt: string };
};

export type LogMetricColumnsMutationVariables = Exact<{
  runId: string | number;
  columns: MetricColumnsInput;
}>;

export type LogMetricColumnsMutation = {
  logMetricColumns: { inserted: number; duplicates: number; cancelled: boolean };
};

export type WorkerRunQueryVariables = Exact<{
  id: string | number;
}>;

export type WorkerRunQuery = {
  run: {
    id: string;
    name: string;
    kind: RunKind;
    status: RunStatus;
    startedAt: string | null;
    config: unknown;
    seed: number;
    project: { id: string };
    cache: {
      id: string;
      status: CacheStatus;
      resolution: number;
      pooling: number;
      layer: number;
      dtype: string;
      gridH: number | null;
      gridW: number | null;
      dim: number | null;
      storageUri: string | null;
      manifestSha256: string | null;
      dataset: {
        id: string;
        name: string;
        rootUri: string;
        layout: DatasetLayout;
        classNames: Array<string>;
        contentHash: string | null;
        splitCounts: Array<{ split: string; count: number }>;
      };
      model: {
        id: string;
        name: string;
        family: ModelFamily;
        patchSize: number;
        embedDim: number;
        depth: number;
        heads: number;
        defaultImageSize: number;
        mean: Array<number> | null;
        std: Array<number> | null;
        weightsUri: string;
        weightsSha256: string | null;
        options: unknown;
      };
    } | null;
  } | null;
};

export type WorkerCacheQueryVariables = Exact<{
  id: string | number;
}>;

export type WorkerCacheQuery = {
  featureCache: {
    id: string;
    status: CacheStatus;
    resolution: number;
    pooling: number;
    layer: number;
    dtype: string;
    gridH: number | null;
    gridW: number | null;
    dim: number | null;
    storageUri: string | null;
    manifestSha256: string | null;
    dataset: {
      id: string;
      name: string;
      rootUri: string;
      layout: DatasetLayout;
      classNames: Array<string>;
      contentHash: string | null;
      splitCounts: Array<{ split: string; count: number }>;
    };
    model: {
      id: string;
      name: string;
      family: ModelFamily;
      patchSize: number;
      embedDim: number;
      depth: number;
      heads: number;
      defaultImageSize: number;
      mean: Array<number> | null;
      std: Array<number> | null;
      weightsUri: string;
      weightsSha256: string | null;
      options: unknown;
    };
  } | null;
};

export type WorkerRunUpdatedSubscriptionVariables = Exact<{
  projectId: string | number;
}>;

export type WorkerRunUpdatedSubscription = { runUpdated: { id: string; status: RunStatus } };

export type WorkerCalibrationQueryVariables = Exact<{
  modelId: string | number;
  resolution: number;
  batchSize: number;
  device: string;
}>;

export type WorkerCalibrationQuery = {
  calibration: { id: string; imagesPerSec: number; peakMemoryBytes: number } | null;
};

export type AppendRunLogsMutationVariables = Exact<{
  runId: string | number;
  lines: Array<RunLogLineInput> | RunLogLineInput;
}>;

export type AppendRunLogsMutation = { appendRunLogs: { inserted: number; duplicates: number } };

export type RegisterRunArtifactsMutationVariables = Exact<{
  runId: string | number;
  artifacts: Array<RunArtifactInput> | RunArtifactInput;
}>;

export type RegisterRunArtifactsMutation = {
  registerRunArtifacts: Array<{ name: string; bytes: number; sha256: string }>;
};

export const WorkerJobFragmentDoc = {
  kind: "Document",
  definitions: [
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "WorkerJob" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "Job" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "id" } },
          { kind: "Field", name: { kind: "Name", value: "type" } },
          { kind: "Field", name: { kind: "Name", value: "status" } },
          { kind: "Field", name: { kind: "Name", value: "attempts" } },
          { kind: "Field", name: { kind: "Name", value: "maxAttempts" } },
          { kind: "Field", name: { kind: "Name", value: "leaseExpiresAt" } },
          { kind: "Field", name: { kind: "Name", value: "payload" } },
          {
            kind: "Field",
            name: { kind: "Name", value: "run" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [{ kind: "Field", name: { kind: "Name", value: "id" } }],
            },
          },
          {
            kind: "Field",
            name: { kind: "Name", value: "cache" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [{ kind: "Field", name: { kind: "Name", value: "id" } }],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<WorkerJobFragment, unknown>;
export const WorkerCacheFragmentDoc = {
  kind: "Document",
  definitions: [
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "WorkerCache" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "FeatureCache" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "id" } },
          { kind: "Field", name: { kind: "Name", value: "status" } },
          { kind: "Field", name: { kind: "Name", value: "resolution" } },
          { kind: "Field", name: { kind: "Name", value: "pooling" } },
          { kind: "Field", name: { kind: "Name", value: "layer" } },
          { kind: "Field", name: { kind: "Name", value: "dtype" } },
          { kind: "Field", name: { kind: "Name", value: "gridH" } },
          { kind: "Field", name: { kind: "Name", value: "gridW" } },
          { kind: "Field", name: { kind: "Name", value: "dim" } },
          { kind: "Field", name: { kind: "Name", value: "storageUri" } },
          { kind: "Field", name: { kind: "Name", value: "manifestSha256" } },
          {
            kind: "Field",
            name: { kind: "Name", value: "dataset" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                { kind: "Field", name: { kind: "Name", value: "name" } },
                { kind: "Field", name: { kind: "Name", value: "rootUri" } },
                { kind: "Field", name: { kind: "Name", value: "layout" } },
                { kind: "Field", name: { kind: "Name", value: "classNames" } },
                { kind: "Field", name: { kind: "Name", value: "contentHash" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "splitCounts" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "split" } },
                      { kind: "Field", name: { kind: "Name", value: "count" } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: "Field",
            name: { kind: "Name", value: "model" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                { kind: "Field", name: { kind: "Name", value: "name" } },
                { kind: "Field", name: { kind: "Name", value: "family" } },
                { kind: "Field", name: { kind: "Name", value: "patchSize" } },
                { kind: "Field", name: { kind: "Name", value: "embedDim" } },
                { kind: "Field", name: { kind: "Name", value: "depth" } },
                { kind: "Field", name: { kind: "Name", value: "heads" } },
                { kind: "Field", name: { kind: "Name", value: "defaultImageSize" } },
                { kind: "Field", name: { kind: "Name", value: "mean" } },
                { kind: "Field", name: { kind: "Name", value: "std" } },
                { kind: "Field", name: { kind: "Name", value: "weightsUri" } },
                { kind: "Field", name: { kind: "Name", value: "weightsSha256" } },
                { kind: "Field", name: { kind: "Name", value: "options" } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<WorkerCacheFragment, unknown>;
export const WorkerRunFragmentDoc = {
  kind: "Document",
  definitions: [
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "WorkerRun" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "Run" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "id" } },
          { kind: "Field", name: { kind: "Name", value: "name" } },
          { kind: "Field", name: { kind: "Name", value: "kind" } },
          { kind: "Field", name: { kind: "Name", value: "status" } },
          { kind: "Field", name: { kind: "Name", value: "startedAt" } },
          { kind: "Field", name: { kind: "Name", value: "config" } },
          { kind: "Field", name: { kind: "Name", value: "seed" } },
          {
            kind: "Field",
            name: { kind: "Name", value: "project" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [{ kind: "Field", name: { kind: "Name", value: "id" } }],
            },
          },
          {
            kind: "Field",
            name: { kind: "Name", value: "cache" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "WorkerCache" } }],
            },
          },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "WorkerCache" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "FeatureCache" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "id" } },
          { kind: "Field", name: { kind: "Name", value: "status" } },
          { kind: "Field", name: { kind: "Name", value: "resolution" } },
          { kind: "Field", name: { kind: "Name", value: "pooling" } },
          { kind: "Field", name: { kind: "Name", value: "layer" } },
          { kind: "Field", name: { kind: "Name", value: "dtype" } },
          { kind: "Field", name: { kind: "Name", value: "gridH" } },
          { kind: "Field", name: { kind: "Name", value: "gridW" } },
          { kind: "Field", name: { kind: "Name", value: "dim" } },
          { kind: "Field", name: { kind: "Name", value: "storageUri" } },
          { kind: "Field", name: { kind: "Name", value: "manifestSha256" } },
          {
            kind: "Field",
            name: { kind: "Name", value: "dataset" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                { kind: "Field", name: { kind: "Name", value: "name" } },
                { kind: "Field", name: { kind: "Name", value: "rootUri" } },
                { kind: "Field", name: { kind: "Name", value: "layout" } },
                { kind: "Field", name: { kind: "Name", value: "classNames" } },
                { kind: "Field", name: { kind: "Name", value: "contentHash" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "splitCounts" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "split" } },
                      { kind: "Field", name: { kind: "Name", value: "count" } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: "Field",
            name: { kind: "Name", value: "model" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                { kind: "Field", name: { kind: "Name", value: "name" } },
                { kind: "Field", name: { kind: "Name", value: "family" } },
                { kind: "Field", name: { kind: "Name", value: "patchSize" } },
                { kind: "Field", name: { kind: "Name", value: "embedDim" } },
                { kind: "Field", name: { kind: "Name", value: "depth" } },
                { kind: "Field", name: { kind: "Name", value: "heads" } },
                { kind: "Field", name: { kind: "Name", value: "defaultImageSize" } },
                { kind: "Field", name: { kind: "Name", value: "mean" } },
                { kind: "Field", name: { kind: "Name", value: "std" } },
                { kind: "Field", name: { kind: "Name", value: "weightsUri" } },
                { kind: "Field", name: { kind: "Name", value: "weightsSha256" } },
                { kind: "Field", name: { kind: "Name", value: "options" } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<WorkerRunFragment, unknown>;
export const RegisterWorkerDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "mutation",
      name: { kind: "Name", value: "RegisterWorker" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "input" } },
          type: {
            kind: "NonNullType",
            type: { kind: "NamedType", name: { kind: "Name", value: "RegisterWorkerInput" } },
          },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "registerWorker" },
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
                { kind: "Field", name: { kind: "Name", value: "lastHeartbeatAt" } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RegisterWorkerMutation, RegisterWorkerMutationVariables>;
export const HeartbeatDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "mutation",
      name: { kind: "Name", value: "Heartbeat" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "workerId" } },
          type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "ID" } } },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "heartbeat" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "workerId" },
                value: { kind: "Variable", name: { kind: "Name", value: "workerId" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "cancelledJobIds" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "worker" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "id" } },
                      { kind: "Field", name: { kind: "Name", value: "lastHeartbeatAt" } },
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
} as unknown as DocumentNode<HeartbeatMutation, HeartbeatMutationVariables>;
export const ClaimJobDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "mutation",
      name: { kind: "Name", value: "ClaimJob" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "workerId" } },
          type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "ID" } } },
        },
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "types" } },
          type: {
            kind: "ListType",
            type: {
              kind: "NonNullType",
              type: { kind: "NamedType", name: { kind: "Name", value: "JobType" } },
            },
          },
        },
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "leaseSeconds" } },
          type: { kind: "NamedType", name: { kind: "Name", value: "Int" } },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "claimJob" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "workerId" },
                value: { kind: "Variable", name: { kind: "Name", value: "workerId" } },
              },
              {
                kind: "Argument",
                name: { kind: "Name", value: "types" },
                value: { kind: "Variable", name: { kind: "Name", value: "types" } },
              },
              {
                kind: "Argument",
                name: { kind: "Name", value: "leaseSeconds" },
                value: { kind: "Variable", name: { kind: "Name", value: "leaseSeconds" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "WorkerJob" } }],
            },
          },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "WorkerJob" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "Job" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "id" } },
          { kind: "Field", name: { kind: "Name", value: "type" } },
          { kind: "Field", name: { kind: "Name", value: "status" } },
          { kind: "Field", name: { kind: "Name", value: "attempts" } },
          { kind: "Field", name: { kind: "Name", value: "maxAttempts" } },
          { kind: "Field", name: { kind: "Name", value: "leaseExpiresAt" } },
          { kind: "Field", name: { kind: "Name", value: "payload" } },
          {
            kind: "Field",
            name: { kind: "Name", value: "run" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [{ kind: "Field", name: { kind: "Name", value: "id" } }],
            },
          },
          {
            kind: "Field",
            name: { kind: "Name", value: "cache" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [{ kind: "Field", name: { kind: "Name", value: "id" } }],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ClaimJobMutation, ClaimJobMutationVariables>;
export const ReportProgressDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "mutation",
      name: { kind: "Name", value: "ReportProgress" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "jobId" } },
          type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "ID" } } },
        },
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "workerId" } },
          type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "ID" } } },
        },
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "done" } },
          type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "Int" } } },
        },
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "total" } },
          type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "Int" } } },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "reportProgress" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "jobId" },
                value: { kind: "Variable", name: { kind: "Name", value: "jobId" } },
              },
              {
                kind: "Argument",
                name: { kind: "Name", value: "workerId" },
                value: { kind: "Variable", name: { kind: "Name", value: "workerId" } },
              },
              {
                kind: "Argument",
                name: { kind: "Name", value: "done" },
                value: { kind: "Variable", name: { kind: "Name", value: "done" } },
              },
              {
                kind: "Argument",
                name: { kind: "Name", value: "total" },
                value: { kind: "Variable", name: { kind: "Name", value: "total" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "cancelled" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "job" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "id" } },
                      { kind: "Field", name: { kind: "Name", value: "status" } },
                      { kind: "Field", name: { kind: "Name", value: "leaseExpiresAt" } },
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
} as unknown as DocumentNode<ReportProgressMutation, ReportProgressMutationVariables>;
export const CompleteJobDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "mutation",
      name: { kind: "Name", value: "CompleteJob" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "jobId" } },
          type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "ID" } } },
        },
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "workerId" } },
          type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "ID" } } },
        },
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "result" } },
          type: {
            kind: "NonNullType",
            type: { kind: "NamedType", name: { kind: "Name", value: "JobResultInput" } },
          },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "completeJob" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "jobId" },
                value: { kind: "Variable", name: { kind: "Name", value: "jobId" } },
              },
              {
                kind: "Argument",
                name: { kind: "Name", value: "workerId" },
                value: { kind: "Variable", name: { kind: "Name", value: "workerId" } },
              },
              {
                kind: "Argument",
                name: { kind: "Name", value: "result" },
                value: { kind: "Variable", name: { kind: "Name", value: "result" } },
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
} as unknown as DocumentNode<CompleteJobMutation, CompleteJobMutationVariables>;
export const FailJobDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "mutation",
      name: { kind: "Name", value: "FailJob" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "jobId" } },
          type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "ID" } } },
        },
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "workerId" } },
          type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "ID" } } },
        },
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "error" } },
          type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "String" } } },
        },
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "retryable" } },
          type: { kind: "NamedType", name: { kind: "Name", value: "Boolean" } },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "failJob" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "jobId" },
                value: { kind: "Variable", name: { kind: "Name", value: "jobId" } },
              },
              {
                kind: "Argument",
                name: { kind: "Name", value: "workerId" },
                value: { kind: "Variable", name: { kind: "Name", value: "workerId" } },
              },
              {
                kind: "Argument",
                name: { kind: "Name", value: "error" },
                value: { kind: "Variable", name: { kind: "Name", value: "error" } },
              },
              {
                kind: "Argument",
                name: { kind: "Name", value: "retryable" },
                value: { kind: "Variable", name: { kind: "Name", value: "retryable" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                { kind: "Field", name: { kind: "Name", value: "status" } },
                { kind: "Field", name: { kind: "Name", value: "attempts" } },
                { kind: "Field", name: { kind: "Name", value: "maxAttempts" } },
                { kind: "Field", name: { kind: "Name", value: "availableAt" } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<FailJobMutation, FailJobMutationVariables>;
export const LogMetricColumnsDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "mutation",
      name: { kind: "Name", value: "LogMetricColumns" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "runId" } },
          type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "ID" } } },
        },
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "columns" } },
          type: {
            kind: "NonNullType",
            type: { kind: "NamedType", name: { kind: "Name", value: "MetricColumnsInput" } },
          },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "logMetricColumns" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "runId" },
                value: { kind: "Variable", name: { kind: "Name", value: "runId" } },
              },
              {
                kind: "Argument",
                name: { kind: "Name", value: "columns" },
                value: { kind: "Variable", name: { kind: "Name", value: "columns" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "inserted" } },
                { kind: "Field", name: { kind: "Name", value: "duplicates" } },
                { kind: "Field", name: { kind: "Name", value: "cancelled" } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<LogMetricColumnsMutation, LogMetricColumnsMutationVariables>;
export const WorkerRunDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "query",
      name: { kind: "Name", value: "WorkerRun" },
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
              selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "WorkerRun" } }],
            },
          },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "WorkerCache" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "FeatureCache" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "id" } },
          { kind: "Field", name: { kind: "Name", value: "status" } },
          { kind: "Field", name: { kind: "Name", value: "resolution" } },
          { kind: "Field", name: { kind: "Name", value: "pooling" } },
          { kind: "Field", name: { kind: "Name", value: "layer" } },
          { kind: "Field", name: { kind: "Name", value: "dtype" } },
          { kind: "Field", name: { kind: "Name", value: "gridH" } },
          { kind: "Field", name: { kind: "Name", value: "gridW" } },
          { kind: "Field", name: { kind: "Name", value: "dim" } },
          { kind: "Field", name: { kind: "Name", value: "storageUri" } },
          { kind: "Field", name: { kind: "Name", value: "manifestSha256" } },
          {
            kind: "Field",
            name: { kind: "Name", value: "dataset" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                { kind: "Field", name: { kind: "Name", value: "name" } },
                { kind: "Field", name: { kind: "Name", value: "rootUri" } },
                { kind: "Field", name: { kind: "Name", value: "layout" } },
                { kind: "Field", name: { kind: "Name", value: "classNames" } },
                { kind: "Field", name: { kind: "Name", value: "contentHash" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "splitCounts" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "split" } },
                      { kind: "Field", name: { kind: "Name", value: "count" } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: "Field",
            name: { kind: "Name", value: "model" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                { kind: "Field", name: { kind: "Name", value: "name" } },
                { kind: "Field", name: { kind: "Name", value: "family" } },
                { kind: "Field", name: { kind: "Name", value: "patchSize" } },
                { kind: "Field", name: { kind: "Name", value: "embedDim" } },
                { kind: "Field", name: { kind: "Name", value: "depth" } },
                { kind: "Field", name: { kind: "Name", value: "heads" } },
                { kind: "Field", name: { kind: "Name", value: "defaultImageSize" } },
                { kind: "Field", name: { kind: "Name", value: "mean" } },
                { kind: "Field", name: { kind: "Name", value: "std" } },
                { kind: "Field", name: { kind: "Name", value: "weightsUri" } },
                { kind: "Field", name: { kind: "Name", value: "weightsSha256" } },
                { kind: "Field", name: { kind: "Name", value: "options" } },
              ],
            },
          },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "WorkerRun" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "Run" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "id" } },
          { kind: "Field", name: { kind: "Name", value: "name" } },
          { kind: "Field", name: { kind: "Name", value: "kind" } },
          { kind: "Field", name: { kind: "Name", value: "status" } },
          { kind: "Field", name: { kind: "Name", value: "startedAt" } },
          { kind: "Field", name: { kind: "Name", value: "config" } },
          { kind: "Field", name: { kind: "Name", value: "seed" } },
          {
            kind: "Field",
            name: { kind: "Name", value: "project" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [{ kind: "Field", name: { kind: "Name", value: "id" } }],
            },
          },
          {
            kind: "Field",
            name: { kind: "Name", value: "cache" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "WorkerCache" } }],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<WorkerRunQuery, WorkerRunQueryVariables>;
export const WorkerCacheDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "query",
      name: { kind: "Name", value: "WorkerCache" },
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
              selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "WorkerCache" } }],
            },
          },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "WorkerCache" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "FeatureCache" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "id" } },
          { kind: "Field", name: { kind: "Name", value: "status" } },
          { kind: "Field", name: { kind: "Name", value: "resolution" } },
          { kind: "Field", name: { kind: "Name", value: "pooling" } },
          { kind: "Field", name: { kind: "Name", value: "layer" } },
          { kind: "Field", name: { kind: "Name", value: "dtype" } },
          { kind: "Field", name: { kind: "Name", value: "gridH" } },
          { kind: "Field", name: { kind: "Name", value: "gridW" } },
          { kind: "Field", name: { kind: "Name", value: "dim" } },
          { kind: "Field", name: { kind: "Name", value: "storageUri" } },
          { kind: "Field", name: { kind: "Name", value: "manifestSha256" } },
          {
            kind: "Field",
            name: { kind: "Name", value: "dataset" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                { kind: "Field", name: { kind: "Name", value: "name" } },
                { kind: "Field", name: { kind: "Name", value: "rootUri" } },
                { kind: "Field", name: { kind: "Name", value: "layout" } },
                { kind: "Field", name: { kind: "Name", value: "classNames" } },
                { kind: "Field", name: { kind: "Name", value: "contentHash" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "splitCounts" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "split" } },
                      { kind: "Field", name: { kind: "Name", value: "count" } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: "Field",
            name: { kind: "Name", value: "model" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                { kind: "Field", name: { kind: "Name", value: "name" } },
                { kind: "Field", name: { kind: "Name", value: "family" } },
                { kind: "Field", name: { kind: "Name", value: "patchSize" } },
                { kind: "Field", name: { kind: "Name", value: "embedDim" } },
                { kind: "Field", name: { kind: "Name", value: "depth" } },
                { kind: "Field", name: { kind: "Name", value: "heads" } },
                { kind: "Field", name: { kind: "Name", value: "defaultImageSize" } },
                { kind: "Field", name: { kind: "Name", value: "mean" } },
                { kind: "Field", name: { kind: "Name", value: "std" } },
                { kind: "Field", name: { kind: "Name", value: "weightsUri" } },
                { kind: "Field", name: { kind: "Name", value: "weightsSha256" } },
                { kind: "Field", name: { kind: "Name", value: "options" } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<WorkerCacheQuery, WorkerCacheQueryVariables>;
export const WorkerRunUpdatedDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "subscription",
      name: { kind: "Name", value: "WorkerRunUpdated" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "projectId" } },
          type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "ID" } } },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "runUpdated" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "projectId" },
                value: { kind: "Variable", name: { kind: "Name", value: "projectId" } },
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
} as unknown as DocumentNode<WorkerRunUpdatedSubscription, WorkerRunUpdatedSubscriptionVariables>;
export const WorkerCalibrationDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "query",
      name: { kind: "Name", value: "WorkerCalibration" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "modelId" } },
          type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "ID" } } },
        },
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "resolution" } },
          type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "Int" } } },
        },
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "batchSize" } },
          type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "Int" } } },
        },
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "device" } },
          type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "String" } } },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "calibration" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "modelId" },
                value: { kind: "Variable", name: { kind: "Name", value: "modelId" } },
              },
              {
                kind: "Argument",
                name: { kind: "Name", value: "resolution" },
                value: { kind: "Variable", name: { kind: "Name", value: "resolution" } },
              },
              {
                kind: "Argument",
                name: { kind: "Name", value: "batchSize" },
                value: { kind: "Variable", name: { kind: "Name", value: "batchSize" } },
              },
              {
                kind: "Argument",
                name: { kind: "Name", value: "device" },
                value: { kind: "Variable", name: { kind: "Name", value: "device" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                { kind: "Field", name: { kind: "Name", value: "imagesPerSec" } },
                { kind: "Field", name: { kind: "Name", value: "peakMemoryBytes" } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<WorkerCalibrationQuery, WorkerCalibrationQueryVariables>;
export const AppendRunLogsDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "mutation",
      name: { kind: "Name", value: "AppendRunLogs" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "runId" } },
          type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "ID" } } },
        },
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "lines" } },
          type: {
            kind: "NonNullType",
            type: {
              kind: "ListType",
              type: {
                kind: "NonNullType",
                type: { kind: "NamedType", name: { kind: "Name", value: "RunLogLineInput" } },
              },
            },
          },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "appendRunLogs" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "runId" },
                value: { kind: "Variable", name: { kind: "Name", value: "runId" } },
              },
              {
                kind: "Argument",
                name: { kind: "Name", value: "lines" },
                value: { kind: "Variable", name: { kind: "Name", value: "lines" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "inserted" } },
                { kind: "Field", name: { kind: "Name", value: "duplicates" } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<AppendRunLogsMutation, AppendRunLogsMutationVariables>;
export const RegisterRunArtifactsDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "mutation",
      name: { kind: "Name", value: "RegisterRunArtifacts" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "runId" } },
          type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "ID" } } },
        },
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "artifacts" } },
          type: {
            kind: "NonNullType",
            type: {
              kind: "ListType",
              type: {
                kind: "NonNullType",
                type: { kind: "NamedType", name: { kind: "Name", value: "RunArtifactInput" } },
              },
            },
          },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "registerRunArtifacts" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "runId" },
                value: { kind: "Variable", name: { kind: "Name", value: "runId" } },
              },
              {
                kind: "Argument",
                name: { kind: "Name", value: "artifacts" },
                value: { kind: "Variable", name: { kind: "Name", value: "artifacts" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "name" } },
                { kind: "Field", name: { kind: "Name", value: "bytes" } },
                { kind: "Field", name: { kind: "Name", value: "sha256" } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RegisterRunArtifactsMutation, RegisterRunArtifactsMutationVariables>;
