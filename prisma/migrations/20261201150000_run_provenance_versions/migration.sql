-- Run provenance (issue #17): versions the worker reported with the result and the API token that launched the run.
ALTER TABLE "Run" ADD COLUMN "lofftaVersion" TEXT,
ADD COLUMN "gitCommit" TEXT,
ADD COLUMN "tfjsVersion" TEXT,
ADD COLUMN "tfjsNodeVersion" TEXT,
ADD COLUMN "tensorflowVersion" TEXT,
ADD COLUMN "nodeVersion" TEXT,
ADD COLUMN "launchedBy" TEXT;
