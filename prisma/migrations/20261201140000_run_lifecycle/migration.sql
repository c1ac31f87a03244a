-- Run lifecycle (issue #17): archived runs are hidden from `runs` unless the filter asks for them.
ALTER TABLE "Run" ADD COLUMN "archivedAt" TIMESTAMP(3);
