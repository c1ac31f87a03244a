-- Metric points and rollup buckets check their run once per statement, not once per row (#19 item 5, docs/benchmarks.md "API")
-- A foreign key runs one referential-integrity query per inserted row: 1,000 per ingest batch, about a fifth of its cost in Postgres.
-- The statement-level triggers below keep the same guarantees for every writer (the API, raw SQL, COPY) and take the same lock:
-- each run named by the inserted rows is locked FOR KEY SHARE (a concurrent DELETE of the run waits for the insert to commit), and rows naming a missing run make the statement fail with foreign_key_violation.
-- Deleting runs (directly or by a cascade from Project / Team) deletes their points and buckets, as ON DELETE CASCADE did.
-- Transition tables allow one event per trigger, so INSERT and UPDATE have a trigger each.
-- Prisma's migration runner splits a script at every semicolon, even inside dollar quotes and comments: the function bodies are E'' strings whose semicolons are written \073.
ALTER TABLE "MetricPoint" DROP CONSTRAINT "MetricPoint_runId_fkey";
ALTER TABLE "MetricRollup" DROP CONSTRAINT "MetricRollup_runId_fkey";

CREATE FUNCTION loffta_check_metric_runs() RETURNS trigger LANGUAGE plpgsql AS E'
DECLARE
  missing uuid\073
BEGIN
  PERFORM 1 FROM "Run" r WHERE r.id IN (SELECT DISTINCT n."runId" FROM new_rows n) FOR KEY SHARE OF r\073
  SELECT d.id INTO missing FROM (SELECT DISTINCT n."runId" AS id FROM new_rows n) d
    WHERE NOT EXISTS (SELECT 1 FROM "Run" r WHERE r.id = d.id) LIMIT 1\073
  IF missing IS NOT NULL THEN
    RAISE EXCEPTION ''insert or update on table "%" violates the run check: run % does not exist'', TG_TABLE_NAME, missing
      USING ERRCODE = ''foreign_key_violation'', TABLE = TG_TABLE_NAME, COLUMN = ''runId''\073
  END IF\073
  RETURN NULL\073
END
';

CREATE TRIGGER "MetricPoint_run_check_insert" AFTER INSERT ON "MetricPoint"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION loffta_check_metric_runs();
CREATE TRIGGER "MetricPoint_run_check_update" AFTER UPDATE ON "MetricPoint"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION loffta_check_metric_runs();
CREATE TRIGGER "MetricRollup_run_check_insert" AFTER INSERT ON "MetricRollup"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION loffta_check_metric_runs();
CREATE TRIGGER "MetricRollup_run_check_update" AFTER UPDATE ON "MetricRollup"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION loffta_check_metric_runs();

CREATE FUNCTION loffta_delete_run_metrics() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  DELETE FROM "MetricPoint" m USING old_runs o WHERE m."runId" = o.id\073
  DELETE FROM "MetricRollup" m USING old_runs o WHERE m."runId" = o.id\073
  RETURN NULL\073
END
';

CREATE TRIGGER "Run_delete_metrics" AFTER DELETE ON "Run"
  REFERENCING OLD TABLE AS old_runs FOR EACH STATEMENT EXECUTE FUNCTION loffta_delete_run_metrics();
