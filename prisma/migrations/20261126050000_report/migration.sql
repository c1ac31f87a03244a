-- Reproduction reports (`npm run reproduce` → publishReport): one per project × name, with their
-- PNG plots in a child table (bytea), so listing reports never reads image bytes.
CREATE TABLE "Report" (
    "id" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "markdown" TEXT NOT NULL,
    "results" JSONB NOT NULL,
    "settings" JSONB NOT NULL DEFAULT '{}',
    "runIds" UUID[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Report_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "ReportPlot" (
    "id" UUID NOT NULL,
    "reportId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "title" TEXT,
    "position" INTEGER NOT NULL,
    "contentType" TEXT NOT NULL DEFAULT 'image/png',
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "data" BYTEA NOT NULL,

    CONSTRAINT "ReportPlot_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "Report_projectId_name_key" ON "Report"("projectId", "name");

CREATE UNIQUE INDEX "ReportPlot_reportId_name_key" ON "ReportPlot"("reportId", "name");

ALTER TABLE "Report" ADD CONSTRAINT "Report_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "ReportPlot" ADD CONSTRAINT "ReportPlot_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "Report"("id") ON DELETE CASCADE ON UPDATE CASCADE;
