-- Artifacts of a run by name (issue #17 item 1): one row per file, re-registration updates it.
ALTER TABLE "Artifact" ADD COLUMN "name" TEXT NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "Artifact_runId_name_key" ON "Artifact"("runId", "name");
