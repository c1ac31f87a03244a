-- Cache economics and staleness (issue #18).
ALTER TABLE "FeatureCache" ADD COLUMN "extractSeconds" DOUBLE PRECISION,
  ADD COLUMN "extractPeakMemoryBytes" BIGINT,
  ADD COLUMN "extractDevice" TEXT,
  ADD COLUMN "datasetContentHash" TEXT,
  ADD COLUMN "skipped" JSONB NOT NULL DEFAULT '[]',
  ADD COLUMN "staleAt" TIMESTAMP(3),
  ADD COLUMN "staleReason" TEXT;

ALTER TABLE "Run" ADD COLUMN "imagesSeen" INTEGER;

-- One current cache per key, stale caches kept beside it.
DROP INDEX "FeatureCache_datasetId_modelId_resolution_pooling_layer_key";
CREATE UNIQUE INDEX "FeatureCache_current_key" ON "FeatureCache"("datasetId", "modelId", "resolution", "pooling", "layer") WHERE "staleAt" IS NULL;
CREATE INDEX "FeatureCache_datasetId_modelId_resolution_pooling_layer_idx" ON "FeatureCache"("datasetId", "modelId", "resolution", "pooling", "layer");
