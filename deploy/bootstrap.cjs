#!/usr/bin/env node
/*
 * First start of a deployment (docs/deploy.md): the team, its first ADMIN member and two
 * tokens, each secret written to a file of its own (mode 0600) and never printed:
 *
 *   node deploy/bootstrap.cjs --team-slug SLUG --team-name NAME --admin-email E --admin-name N \
 *        --admin-token-file FILE --worker-token-file FILE        (DATABASE_URL: the migrated database)
 *
 *   admin token   scopes ADMIN, of the admin user: sign in to the dashboard, issue further tokens
 *                 (createToken: a WORKER service token per GPU machine, one for Prometheus)
 *   worker token  a WORKER-only service token (no user), for the workers on the API's host
 *
 * Idempotent: run again (every `docker compose up`), it keeps a token whose file still holds an
 * active one of this team with the same scopes, and issues a new one otherwise. `npm start` does
 * the same for its demo team (prisma/src/seed.ts); the platform had no such step for a team of
 * its own. Plain Node and `pg` (a dependency of @loffta/db): it runs in the production image,
 * which has no tsx to load @loffta/db's TypeScript. The token format is @loffta/db's
 * (prisma/src/tokens.ts; tests/deploy-files.test.ts checks the two agree).
 */
const crypto = require("node:crypto");
const fs = require("node:fs");
const path = require("node:path");
const { Client } = require("pg");

/** As @loffta/db generateToken / hashToken: `lft_` + 24 random bytes (base64url); only the SHA-256 is stored. */
const TOKEN_PREFIX = "lft_";
const hashToken = (secret) => crypto.createHash("sha256").update(secret, "utf8").digest("hex");
function generateToken() {
  const secret = TOKEN_PREFIX + crypto.randomBytes(24).toString("base64url");
  return { secret, prefix: secret.slice(0, TOKEN_PREFIX.length + 6), hash: hashToken(secret) };
}

const FLAGS = ["team-slug", "team-name", "admin-email", "admin-name", "admin-token-file", "worker-token-file"];

function parseArgs(argv) {
  const o = {};
  for (let i = 0; i < argv.length; i++) {
    const m = /^--([a-z-]+)$/.exec(argv[i]);
    if (!m || !FLAGS.includes(m[1]) || argv[i + 1] === undefined) throw new Error(`unknown or incomplete option ${argv[i]}`);
    o[m[1]] = argv[++i];
  }
  const missing = FLAGS.filter((f) => !o[f]?.trim());
  if (missing.length) throw new Error(`missing ${missing.map((f) => `--${f}`).join(", ")}`);
  if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(o["team-slug"])) throw new Error("--team-slug: lower-case letters, digits and dashes");
  return o;
}

function readSecret(file) {
  try {
    return fs.readFileSync(file, "utf8").trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Write `secret` to `file`, readable by this user only (the worker refuses anything looser). */
function writeSecret(file, secret) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, secret + "\n", { mode: 0o600 });
  fs.renameSync(tmp, file);
}

/** The token in `file` when it is still an active token of `teamId` with exactly `scopes`, else a new one (file rewritten). */
async function ensureToken(db, { file, teamId, userId, name, scopes }) {
  const existing = readSecret(file);
  if (existing) {
    const r = await db.query(
      `SELECT 1 FROM "ApiToken" WHERE hash = $1 AND "teamId" = $2 AND "revokedAt" IS NULL
         AND ("expiresAt" IS NULL OR "expiresAt" > now()) AND scopes::text[] = $3::text[]`,
      [hashToken(existing), teamId, scopes],
    );
    if (r.rowCount === 1) return "kept";
  }
  const t = generateToken();
  await db.query(
    `INSERT INTO "ApiToken" (id, "teamId", "userId", name, prefix, hash, scopes, "updatedAt")
     VALUES ($1, $2, $3, $4, $5, $6, $7::"TokenScope"[], now())`,
    [crypto.randomUUID(), teamId, userId, name, t.prefix, t.hash, scopes],
  );
  writeSecret(file, t.secret);
  return "issued";
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set (the database `npm run migrate:deploy -w @loffta/db` migrated)");
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    await db.query("BEGIN");
    // One bootstrap at a time (two `compose up` racing would issue two tokens for one file).
    await db.query("SELECT pg_advisory_xact_lock(hashtext('loffta-bootstrap'))");
    const team = await db.query(
      `INSERT INTO "Team" (id, name, slug, "updatedAt") VALUES ($1, $2, $3, now())
       ON CONFLICT (slug) DO UPDATE SET slug = EXCLUDED.slug RETURNING id`,
      [crypto.randomUUID(), o["team-name"], o["team-slug"]],
    );
    const teamId = team.rows[0].id;
    const email = o["admin-email"].trim().toLowerCase();
    await db.query(
      `INSERT INTO "User" (id, "teamId", email, name, "updatedAt") VALUES ($1, $2, $3, $4, now()) ON CONFLICT (email) DO NOTHING`,
      [crypto.randomUUID(), teamId, email, o["admin-name"]],
    );
    const user = await db.query(`SELECT id, "teamId", "removedAt" FROM "User" WHERE email = $1`, [email]);
    if (user.rows[0].teamId !== teamId) throw new Error(`${email} is a member of another team`);
    if (user.rows[0].removedAt) throw new Error(`${email} was removed from the team: add the member back first (addTeamMember)`);
    const admin = await ensureToken(db, {
      file: o["admin-token-file"],
      teamId,
      userId: user.rows[0].id,
      name: "bootstrap admin token",
      scopes: ["ADMIN"],
    });
    const worker = await ensureToken(db, {
      file: o["worker-token-file"],
      teamId,
      userId: null,
      name: "bootstrap worker token",
      scopes: ["WORKER"],
    });
    await db.query("COMMIT");
    // Where the secrets are, never what they are.
    console.log(`bootstrap: team ${o["team-slug"]}, admin ${email}; admin token ${admin} in ${o["admin-token-file"]}, worker token ${worker} in ${o["worker-token-file"]}`);
  } catch (e) {
    await db.query("ROLLBACK").catch(() => {});
    throw e;
  } finally {
    await db.end();
  }
}

main().catch((e) => {
  console.error(`bootstrap failed: ${e.message}`);
  process.exit(1);
});
