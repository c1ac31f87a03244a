-- Where a run trained: the worker holding its job at completion and the host, backend and device it reported.
-- AlterTable
ALTER TABLE "Run" ADD COLUMN     "backend" TEXT,
ADD COLUMN     "device" TEXT,
ADD COLUMN     "host" TEXT,
ADD COLUMN     "trainedById" UUID;

-- AddForeignKey
ALTER TABLE "Run" ADD CONSTRAINT "Run_trainedById_fkey" FOREIGN KEY ("trainedById") REFERENCES "Worker"("id") ON DELETE SET NULL ON UPDATE CASCADE;

