import { dropDatabase, withDatabase } from "@loffta/db";

export default async function globalTeardown(): Promise<void> {
  const pg = (globalThis as { __lofftaPg?: { stop(): Promise<void> } }).__lofftaPg;
  if (pg) return pg.stop();
  const server = process.env.LOFFTA_TEST_PG_SERVER;
  const template = process.env.LOFFTA_TEST_TEMPLATE_DB;
  if (server && template) await dropDatabase(withDatabase(server, template)).catch(() => {});
}
