// Prisma CLI config for a fully offline toolchain:
//  - engine "js": migrate / db push use the WASM schema engine inside the `prisma` package
//    (no schema-engine binary download);
//  - the connection goes through @prisma/adapter-pg (pure-JS `pg` driver).
// DATABASE_URL is only needed by commands that talk to a database (migrate, db push).
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { randomUUID } from "node:crypto";

// prisma/orm#27403: the WASM schema engine cannot deserialize the catalog types `name`
// (oid 19) and "char" (oid 18) that adapter-pg reports while introspecting: report TEXT (25).
const REMAP: Record<number, number> = { 19: 25, 18: 25 };
type QueryFn = (...args: unknown[]) => unknown;
function patchQuery(proto: { query: QueryFn }) {
  const orig = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    const res = orig.apply(this, args);
    if (res && typeof (res as Promise<unknown>).then === "function") {
      return (res as Promise<{ fields?: { dataTypeID: number }[] }>).then((r) => {
        for (const f of r?.fields ?? []) if (REMAP[f.dataTypeID]) f.dataTypeID = REMAP[f.dataTypeID]!;
        return r;
      });
    }
    return res;
  };
}
patchQuery(pg.Pool.prototype as unknown as { query: QueryFn });
patchQuery(pg.Client.prototype as unknown as { query: QueryFn });

// Discrete fields, not a connection string: adapter-pg derives the shadow database config as
// {...config, database: shadow}, and a connectionString would override `database`.
function pgConfigFromUrl(url: string): pg.PoolConfig {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: u.port ? Number(u.port) : 5432,
    user: decodeURIComponent(u.username) || undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    database: u.pathname.replace(/^\//, "") || undefined,
    allowExitOnIdle: true,
  };
}

// adapter-pg 6.19.3 drops the shadow database while its own pool is still connected; drop it
// WITH (FORCE) after disposing the shadow connection instead.
class PrismaPgMigrate extends PrismaPg {
  constructor(private readonly cfg: pg.PoolConfig) {
    super(cfg);
  }
  override async connectToShadowDb() {
    const main = await this.connect();
    const database = `prisma_migrate_shadow_db_${randomUUID().replace(/-/g, "")}`;
    await main.executeScript(`CREATE DATABASE "${database}"`);
    const shadow = await new PrismaPg({ ...this.cfg, database }).connect();
    const disposeShadow = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await disposeShadow();
      await main.executeScript(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await main.dispose();
    };
    return shadow;
  }
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set (needed by prisma migrate / db push)");
    return new PrismaPgMigrate(pgConfigFromUrl(url));
  },
  schema: "schema.prisma",
  migrations: { path: "migrations" },
});
