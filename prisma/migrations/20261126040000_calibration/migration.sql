-- Fine-tuning calibrations: what LOFF runs are compared with when no baseline run exists.
CREATE TABLE "Calibration" (
    "id" UUID NOT NULL,
    "modelId" UUID NOT NULL,
    "resolution" INTEGER NOT NULL,
    "batchSize" INTEGER NOT NULL,
    "device" TEXT NOT NULL,
    "imagesPerSec" DOUBLE PRECISION NOT NULL,
    "peakMemoryBytes" BIGINT NOT NULL,
    "steps" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Calibration_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "Calibration_modelId_resolution_batchSize_device_key" ON "Calibration"("modelId", "resolution", "batchSize", "device");

ALTER TABLE "Calibration" ADD CONSTRAINT "Calibration_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "FoundationModel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "Run" ADD COLUMN "calibrationId" UUID;

ALTER TABLE "Run" ADD CONSTRAINT "Run_calibrationId_fkey" FOREIGN KEY ("calibrationId") REFERENCES "Calibration"("id") ON DELETE SET NULL ON UPDATE CASCADE;
