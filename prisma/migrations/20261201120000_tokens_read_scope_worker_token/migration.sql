-- Token management (security issue #14, item 7): a read-only scope, soft removal of team members
-- (their tokens are revoked), and the token that registered each worker (only it may act for it).
-- AlterEnum
ALTER TYPE "TokenScope" ADD VALUE 'READ';

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "removedAt" TIMESTAMP(3);

-- AlterTable: workers registered before this migration have no token and must register again.
ALTER TABLE "Worker" ADD COLUMN     "tokenId" UUID;

-- CreateIndex: the job of a run, read on every logMetrics / appendRunLogs batch.
CREATE INDEX "Job_runId_createdAt_idx" ON "Job"("runId", "createdAt");

-- AddForeignKey
ALTER TABLE "Worker" ADD CONSTRAINT "Worker_tokenId_fkey" FOREIGN KEY ("tokenId") REFERENCES "ApiToken"("id") ON DELETE SET NULL ON UPDATE CASCADE;
