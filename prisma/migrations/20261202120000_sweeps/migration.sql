-- Sweeps (issue #17 item 2): runs launched together from a base config and values over config paths.
-- CreateEnum
CREATE TYPE "SweepMethod" AS ENUM ('GRID', 'RANDOM');

-- CreateTable
CREATE TABLE "Sweep" (
    "id" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "RunKind" NOT NULL,
    "method" "SweepMethod" NOT NULL,
    "baseConfig" JSONB NOT NULL,
    "parameters" JSONB NOT NULL,
    "settings" JSONB NOT NULL,
    "count" INTEGER,
    "samplingSeed" INTEGER,
    "seeds" INTEGER[],
    "metric" TEXT NOT NULL,
    "authorId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Sweep_pkey" PRIMARY KEY ("id")
);

-- AlterTable
ALTER TABLE "Run" ADD COLUMN "sweepId" UUID;

-- CreateIndex
CREATE INDEX "Sweep_projectId_createdAt_idx" ON "Sweep"("projectId", "createdAt");

-- CreateIndex
CREATE INDEX "Run_sweepId_idx" ON "Run"("sweepId");

-- AddForeignKey
ALTER TABLE "Sweep" ADD CONSTRAINT "Sweep_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Sweep" ADD CONSTRAINT "Sweep_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Run" ADD CONSTRAINT "Run_sweepId_fkey" FOREIGN KEY ("sweepId") REFERENCES "Sweep"("id") ON DELETE SET NULL ON UPDATE CASCADE;
