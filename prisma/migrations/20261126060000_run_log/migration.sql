-- Run logs: the lines a worker logged while running a run's job (appendRunLogs / runLogs).
-- (runId, seq) is unique: the worker numbers its lines, so a retried batch adds nothing.
CREATE TYPE "RunLogLevel" AS ENUM ('INFO', 'WARN', 'ERROR');

CREATE TABLE "RunLog" (
    "id" BIGSERIAL NOT NULL,
    "runId" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "time" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "level" "RunLogLevel" NOT NULL DEFAULT 'INFO',
    "message" TEXT NOT NULL,

    CONSTRAINT "RunLog_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "RunLog_runId_seq_key" ON "RunLog"("runId", "seq");

ALTER TABLE "RunLog" ADD CONSTRAINT "RunLog_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run"("id") ON DELETE CASCADE ON UPDATE CASCADE;
