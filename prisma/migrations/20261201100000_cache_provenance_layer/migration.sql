-- Feature caches record what the extraction applied and read (normalisation, weights sha256,
-- images per split), and `layer` has one convention: the 1-based block number (0 for TF.js
-- models). Old rows: -1 and 0 meant "the last block" to the worker, k > 0 was already block k.
ALTER TABLE "FeatureCache" ADD COLUMN "mean" DOUBLE PRECISION[],
ADD COLUMN "std" DOUBLE PRECISION[],
ADD COLUMN "weightsSha256" TEXT,
ADD COLUMN "splitCounts" JSONB NOT NULL DEFAULT '{}';

ALTER TABLE "FeatureCache" ALTER COLUMN "layer" DROP DEFAULT;

UPDATE "FeatureCache" c SET "layer" = 0
FROM "FoundationModel" m
WHERE m."id" = c."modelId" AND m."family" = 'OTHER' AND c."layer" <> 0
  AND NOT EXISTS (SELECT 1 FROM "FeatureCache" o WHERE o."datasetId" = c."datasetId" AND o."modelId" = c."modelId"
                  AND o."resolution" = c."resolution" AND o."pooling" = c."pooling" AND o."layer" = 0);

UPDATE "FeatureCache" c SET "layer" = m."depth"
FROM "FoundationModel" m
WHERE m."id" = c."modelId" AND m."family" <> 'OTHER' AND c."layer" <= 0
  AND NOT EXISTS (SELECT 1 FROM "FeatureCache" o WHERE o."datasetId" = c."datasetId" AND o."modelId" = c."modelId"
                  AND o."resolution" = c."resolution" AND o."pooling" = c."pooling" AND o."layer" = m."depth");
