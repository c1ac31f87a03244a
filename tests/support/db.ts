import { randomBytes } from "node:crypto";
import { createPrisma, dropDatabase, ensureDbExists, withDatabase, type PrismaClient } from "@loffta/db";

export interface TestDatabase {
  /** Connection string of this test's own database (migrated). */
  url: string;
  prisma: PrismaClient;
  drop(): Promise<void>;
}

/** The test server prepared by global setup (a real Postgres). */
export function testServerUrl(): string {
  const url = process.env.LOFFTA_TEST_PG_SERVER;
  if (!url)
    throw new Error("LOFFTA_TEST_PG_SERVER unset: run tests through jest (tests/support/global-setup.ts)");
  return url;
}

/** A fresh, fully migrated database cloned from the template, with a connected client. */
export async function createTestDatabase(label = "t"): Promise<TestDatabase> {
  const template = process.env.LOFFTA_TEST_TEMPLATE_DB;
  if (!template) throw new Error("LOFFTA_TEST_TEMPLATE_DB unset: run tests through jest");
  const name = `loffta_${label.replace(/\W/g, "_").slice(0, 20)}_${randomBytes(4).toString("hex")}`;
  const url = withDatabase(testServerUrl(), name);
  await ensureDbExists(url, template);
  const prisma = createPrisma(url);
  return {
    url,
    prisma,
    drop: async () => {
      await prisma.$disconnect();
      await dropDatabase(url);
    },
  };
}
