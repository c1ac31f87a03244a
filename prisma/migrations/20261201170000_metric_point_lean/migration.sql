-- Leaner metric points (issue #19 item 5, measured in docs/benchmarks.md, "API"):
-- "createdAt"/"updatedAt" were never read (a point is written once, its time is "wallTime") and
-- cost 16 bytes a row. No rewrite: existing rows keep the space until the table is rewritten.
-- (Prisma's driver-adapter migration runner splits scripts at every semicolon, comments included.)
ALTER TABLE "MetricPoint" DROP COLUMN "createdAt",
DROP COLUMN "updatedAt";
