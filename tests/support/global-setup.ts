/**
 * Jest global setup: one real Postgres for the whole run.
 * DATABASE_URL set → that server; unset → an embedded Postgres in a throwaway folder.
 * A template database gets the committed migrations once; each test file clones it
 * (tests/support/db.ts), so files never see each other's rows. The address reaches test
 * files through environment variables (jest forks its workers after global setup).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensureDbExists, dropDatabase, migrateDeploy, startEmbeddedPostgres, withDatabase } from "@loffta/db";

export default async function globalSetup(): Promise<void> {
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "loffta-test-pg-"));
    const db = await startEmbeddedPostgres({ dir, persistent: false });
    serverUrl = db.serverUrl;
    (globalThis as { __lofftaPg?: { stop(): Promise<void> } }).__lofftaPg = db;
  }
  const templateDb = `loffta_template_${process.pid}`;
  const templateUrl = withDatabase(serverUrl, templateDb);
  await dropDatabase(templateUrl);
  await ensureDbExists(templateUrl);
  await migrateDeploy(templateUrl);
  process.env.LOFFTA_TEST_PG_SERVER = serverUrl;
  process.env.LOFFTA_TEST_TEMPLATE_DB = templateDb;
}
