/**
 * Tokens, team members and worker identity (security issue #14, item 7), against a real API on a
 * fresh database over HTTP and WebSocket:
 * - createToken shows the secret once (only its SHA-256 is stored), tokens lists never show it,
 *   revokeToken stops the token on HTTP and closes its open sockets;
 * - a READ token reads and subscribes but every mutation is FORBIDDEN (HTTP and WebSocket);
 * - a MEMBER issues and revokes only its own user's tokens, never with more than its scopes or
 *   its lifetime, never ADMIN; WORKER tokens manage nothing; members are managed by ADMINs only;
 * - another team's tokens and users are NOT_FOUND, exactly like ids that do not exist;
 * - removing a member revokes its tokens;
 * - a worker is bound to the token that registered it: another WORKER token of the team cannot
 *   heartbeat, claim, progress, complete, fail or log for it, nor take its name over.
 */
import { createHash } from "node:crypto";
import { addToken, codeOf, openSocket, post, sleep, startSecurityHarness, within, type SecurityHarness } from "./harness";

const ME = `{ me { scopes tokenName tokenPrefix tokenExpiresAt user { id } team { id } } }`;
const CREATE_TOKEN = `mutation($input: CreateTokenInput!) { createToken(input: $input) { secret token { id name prefix scopes expiresAt revokedAt active current user { id email } } } }`;
const REVOKE_TOKEN = `mutation($id: ID!) { revokeToken(id: $id) { id revokedAt active } }`;
const TOKENS = `{ tokens { id name prefix scopes createdAt lastUsedAt expiresAt revokedAt active current user { id } } }`;
const MEMBERS = `{ team { id members { id email name removedAt } } }`;
const ADD_MEMBER = `mutation($input: AddTeamMemberInput!) { addTeamMember(input: $input) { id email name removedAt } }`;
const REMOVE_MEMBER = `mutation($id: ID!) { removeTeamMember(id: $id) { id removedAt } }`;
const CREATE_PROJECT = `mutation($n: String!) { createProject(input: { name: $n }) { id } }`;
const REGISTER = `mutation($name: String!) { registerWorker(input: { name: $name, host: "h", backend: "cpu", device: "cpu" }) { id name tokenPrefix } }`;
const HEARTBEAT = `mutation($w: ID!) { heartbeat(workerId: $w) { cancelledJobIds } }`;
const CLAIM = `mutation($w: ID!) { claimJob(workerId: $w, types: [TRAIN], leaseSeconds: 60) { id run { id } } }`;
const PROGRESS = `mutation($j: ID!, $w: ID!) { reportProgress(jobId: $j, workerId: $w, done: 1, total: 2) { cancelled } }`;
const COMPLETE = `mutation($j: ID!, $w: ID!, $acc: Float!) { completeJob(jobId: $j, workerId: $w, result: { run: { finalMetrics: { accuracy: $acc } } }) { id status } }`;
const FAIL = `mutation($j: ID!, $w: ID!) { failJob(jobId: $j, workerId: $w, error: "forged", retryable: false) { id status } }`;
const LOG_METRICS = `mutation($r: ID!) { logMetrics(runId: $r, points: [{ key: "val/accuracy", step: 1, value: 0.99 }]) { inserted } }`;
const LOG_COLUMNS = `mutation($r: ID!) { logMetricColumns(runId: $r, columns: { keys: ["val/accuracy"], key: [0], steps: [2], values: [0.99] }) { inserted } }`;
const APPEND_LOGS = `mutation($r: ID!) { appendRunLogs(runId: $r, lines: [{ seq: 1, message: "forged" }]) { inserted } }`;
const SUB = `subscription($p: ID!) { runUpdated(projectId: $p) { id } }`;

type TokenJson = { id: string; name: string; prefix: string; scopes: string[]; expiresAt: string | null; revokedAt: string | null; active: boolean; current: boolean; user: { id: string; email?: string } | null };
type Created = { createToken: { secret: string; token: TokenJson } };

let h: SecurityHarness;
beforeAll(async () => {
  // Tokens are re-checked on open sockets after 300 ms and idle sockets are swept every 500 ms.
  h = await startSecurityHarness("tokens", { limits: { tokenRecheckMs: 300, wsAuthCheckMs: 500 } });
});
afterAll(() => h?.close());

/** Data of a successful operation; fails the test with the errors otherwise. */
async function ok<T>(token: string, query: string, variables?: Record<string, unknown>): Promise<T> {
  const r = await post<T>(h.url, token, query, variables);
  if (r.body.errors?.length || !r.body.data) throw new Error(`GraphQL errors: ${JSON.stringify(r.body.errors)}`);
  return r.body.data;
}

/** The first error of a failed operation (code, message, field paths). */
async function failure(token: string, query: string, variables?: Record<string, unknown>) {
  const r = await post(h.url, token, query, variables);
  const e = r.body.errors?.[0];
  return { code: e?.extensions?.code, message: e?.message ?? "", paths: ((e?.extensions?.fields as { path: string }[] | undefined) ?? []).map((f) => f.path) };
}

const codeOfOp = async (token: string, query: string, variables?: Record<string, unknown>) => codeOf(await post(h.url, token, query, variables));

async function createToken(token: string, input: Record<string, unknown>): Promise<Created["createToken"]> {
  return (await ok<Created>(token, CREATE_TOKEN, { input })).createToken;
}

async function addMember(email: string, name = email.split("@")[0]!): Promise<string> {
  return (await ok<{ addTeamMember: { id: string } }>(h.a.admin.secret, ADD_MEMBER, { input: { email, name } })).addTeamMember.id;
}

describe("createToken / tokens / revokeToken", () => {
  test("the secret is shown once: it works, only its SHA-256 is stored, lists never show it", async () => {
    const c = await createToken(h.a.admin.secret, { name: "  ci reader ", scopes: ["MEMBER"] });
    expect(c.secret).toMatch(/^lft_[A-Za-z0-9_-]{32}$/);
    expect(c.token).toMatchObject({ name: "ci reader", scopes: ["MEMBER"], prefix: c.secret.slice(0, 10), revokedAt: null, active: true, current: false, user: { id: h.a.userId } });
    // It works, as the token it says it is.
    const me = await ok<{ me: { tokenName: string; tokenPrefix: string; scopes: string[]; user: { id: string } } }>(c.secret, ME);
    expect(me.me).toMatchObject({ tokenName: "ci reader", tokenPrefix: c.token.prefix, scopes: ["MEMBER"], user: { id: h.a.userId } });
    // Stored: the hash, never the secret.
    const row = await h.db.prisma.apiToken.findUniqueOrThrow({ where: { id: c.token.id } });
    expect(row.hash).toBe(createHash("sha256").update(c.secret).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(c.secret);
    // Listed without the secret or its hash; the schema has no field for either.
    const list = await post<{ tokens: TokenJson[] }>(h.url, h.a.admin.secret, TOKENS);
    const listed = list.body.data!.tokens.find((t) => t.id === c.token.id);
    expect(listed).toMatchObject({ name: "ci reader", prefix: c.token.prefix, active: true, current: false });
    const text = JSON.stringify(list.body);
    expect(text).not.toContain(c.secret);
    expect(text).not.toContain(row.hash);
    for (const field of ["secret", "hash"]) expect(await codeOfOp(h.a.admin.secret, `{ tokens { ${field} } }`)).toBe("GRAPHQL_VALIDATION_FAILED");
    // The caller's own token is marked current.
    expect(list.body.data!.tokens.find((t) => t.id === h.a.admin.id)).toMatchObject({ current: true });
  });

  test("invalid input is BAD_USER_INPUT with the field paths", async () => {
    const bad = await failure(h.a.admin.secret, CREATE_TOKEN, { input: { name: " ", scopes: [], expiresAt: new Date(Date.now() - 60_000).toISOString() } });
    expect(bad.code).toBe("BAD_USER_INPUT");
    expect(bad.paths.sort()).toEqual(["input.expiresAt", "input.name", "input.scopes"]);
    const mixed = await failure(h.a.admin.secret, CREATE_TOKEN, { input: { name: "x", scopes: ["READ", "MEMBER"] } });
    expect(mixed).toMatchObject({ code: "BAD_USER_INPUT", paths: ["input.scopes"] });
    const both = await failure(h.a.admin.secret, CREATE_TOKEN, { input: { name: "x", scopes: ["WORKER"], service: true, userId: h.a.userId } });
    expect(both).toMatchObject({ code: "BAD_USER_INPUT", paths: ["input.service"] });
    expect(await h.db.prisma.apiToken.count({ where: { name: "x" } })).toBe(0);
  });

  test("an ADMIN issues service tokens and tokens of other members; expiry is kept", async () => {
    const svc = await createToken(h.a.admin.secret, { name: "gpu box", scopes: ["WORKER"], service: true });
    expect(svc.token.user).toBeNull();
    const other = await addMember("issued-to@security.test");
    const expiresAt = new Date(Date.now() + 3_600_000).toISOString();
    const forOther = await createToken(h.a.admin.secret, { name: "for other", scopes: ["MEMBER"], userId: other, expiresAt });
    expect(forOther.token).toMatchObject({ user: { id: other, email: "issued-to@security.test" }, expiresAt });
    const me = await ok<{ me: { tokenExpiresAt: string; user: { id: string } } }>(forOther.secret, ME);
    expect(me.me).toEqual(expect.objectContaining({ tokenExpiresAt: expiresAt, user: { id: other } }));
  });

  test("revoked: refused on HTTP at once, and its open WebSocket is closed (4403)", async () => {
    const c = await createToken(h.a.member.secret, { name: "to revoke", scopes: ["MEMBER"] });
    const ws = await openSocket(h.wsUrl, c.secret);
    const sub = ws.subscribe(SUB, { p: h.a.projectId });
    expect(codeOf(await ws.run(ME))).toBeUndefined();
    const revoked = await ok<{ revokeToken: { id: string; revokedAt: string | null; active: boolean } }>(h.a.member.secret, REVOKE_TOKEN, { id: c.token.id });
    expect(revoked.revokeToken).toMatchObject({ id: c.token.id, active: false });
    expect(revoked.revokeToken.revokedAt).not.toBeNull();
    expect(await codeOfOp(c.secret, ME)).toBe("UNAUTHENTICATED");
    expect(await within(ws.closed, 5000, { code: -1, reason: "still open after 5 s" })).toMatchObject({ code: 4403 });
    expect((await within(sub.ended, 5000, [{ message: "subscription still running" }])).length).toBeGreaterThan(0);
    await ws.dispose();
    // Revoking again changes nothing.
    const again = await ok<{ revokeToken: { revokedAt: string } }>(h.a.member.secret, REVOKE_TOKEN, { id: c.token.id });
    expect(again.revokeToken.revokedAt).toBe(revoked.revokeToken.revokedAt);
  });
});

describe("READ scope: queries and subscriptions only", () => {
  let read: string;
  beforeAll(async () => {
    read = (await createToken(h.a.member.secret, { name: "dashboard viewer", scopes: ["READ"] })).secret;
  });

  test("reads its team's data and subscribes", async () => {
    expect((await ok<{ me: { scopes: string[] } }>(read, ME)).me.scopes).toEqual(["READ"]);
    expect(await codeOfOp(read, `{ projects { id } workers { id } tokens { id } team { members { id } } }`)).toBeUndefined();
    const ws = await openSocket(h.wsUrl, read);
    expect(codeOf(await ws.run(ME))).toBeUndefined();
    const sub = ws.subscribe(SUB, { p: h.a.projectId });
    await sleep(800); // past a token re-check and a sweep: the subscription stays, the socket open
    expect(sub.errors).toEqual([]);
    expect(ws.isClosed()).toBe(false);
    sub.unsubscribe();
    await ws.dispose();
  });

  test("every mutation is FORBIDDEN, over HTTP and over the WebSocket", async () => {
    const run = await h.db.prisma.run.create({ data: { projectId: h.a.projectId, name: "read-only", kind: "LOFF_TA", config: {} } });
    const own = await h.db.prisma.apiToken.findFirstOrThrow({ where: { hash: createHash("sha256").update(read).digest("hex") } });
    const mutations: [string, Record<string, unknown>][] = [
      [CREATE_PROJECT, { n: "by-read" }],
      [CREATE_TOKEN, { input: { name: "escalate", scopes: ["READ"] } }],
      [REVOKE_TOKEN, { id: own.id }],
      [ADD_MEMBER, { input: { email: "read@security.test", name: "r" } }],
      [REGISTER, { name: "read-worker" }],
      [LOG_METRICS, { r: run.id }],
      [LOG_COLUMNS, { r: run.id }],
      [APPEND_LOGS, { r: run.id }],
    ];
    for (const [q, v] of mutations) expect({ q, code: await codeOfOp(read, q, v) }).toEqual({ q, code: "FORBIDDEN" });
    const ws = await openSocket(h.wsUrl, read);
    expect(codeOf(await ws.run(CREATE_PROJECT, { n: "by-read-ws" }))).toBe("FORBIDDEN");
    await ws.dispose();
    expect(await h.db.prisma.project.count({ where: { name: { startsWith: "by-read" } } })).toBe(0);
    expect(await h.db.prisma.worker.count({ where: { name: "read-worker" } })).toBe(0);
    expect(await h.db.prisma.metricPoint.count({ where: { runId: run.id } })).toBe(0);
    expect((await h.db.prisma.apiToken.findUniqueOrThrow({ where: { id: own.id } })).revokedAt).toBeNull();
  });

  test("READ wins over any other scope a token lists", async () => {
    const t = await addToken(h.db.prisma, h.a.teamId, ["READ", "ADMIN"], { userId: h.a.userId });
    expect(await codeOfOp(t.secret, CREATE_PROJECT, { n: "by-read-admin" })).toBe("FORBIDDEN");
    expect(await codeOfOp(t.secret, ADD_MEMBER, { input: { email: "ra@security.test", name: "ra" } })).toBe("FORBIDDEN");
  });
});

describe("who may manage what", () => {
  test("a MEMBER issues tokens only to itself, never above its scopes or its lifetime, never ADMIN", async () => {
    const other = await addMember("escalation-target@security.test");
    const forbiddenInputs: Record<string, unknown>[] = [
      { name: "admin", scopes: ["ADMIN"] },
      { name: "worker", scopes: ["WORKER"] },
      { name: "both", scopes: ["MEMBER", "WORKER"] },
      { name: "for other", scopes: ["MEMBER"], userId: other },
      { name: "service", scopes: ["MEMBER"], service: true },
    ];
    for (const input of forbiddenInputs) expect({ input, code: await codeOfOp(h.a.member.secret, CREATE_TOKEN, { input }) }).toEqual({ input, code: "FORBIDDEN" });
    // What it holds, or READ, it may issue.
    expect((await createToken(h.a.member.secret, { name: "own", scopes: ["MEMBER"] })).token.user).toEqual({ id: h.a.userId, email: "a-tokens@security.test" });
    expect((await createToken(h.a.member.secret, { name: "own read", scopes: ["READ"] })).token.scopes).toEqual(["READ"]);
    // A short-lived MEMBER token cannot mint a longer-lived one; omitted, its own expiry applies.
    const soon = new Date(Date.now() + 600_000);
    const short = await addToken(h.db.prisma, h.a.teamId, ["MEMBER"], { userId: h.a.userId, expiresAt: soon });
    expect(await codeOfOp(short.secret, CREATE_TOKEN, { input: { name: "longer", scopes: ["MEMBER"], expiresAt: new Date(Date.now() + 86_400_000).toISOString() } })).toBe("FORBIDDEN");
    expect((await createToken(short.secret, { name: "inherits", scopes: ["READ"] })).token.expiresAt).toBe(soon.toISOString());
    // A minted token cannot escalate either (it is a MEMBER token like its parent).
    const child = await createToken(h.a.member.secret, { name: "child", scopes: ["MEMBER"] });
    expect(await codeOfOp(child.secret, CREATE_TOKEN, { input: { name: "grandchild", scopes: ["ADMIN"] } })).toBe("FORBIDDEN");
    expect(await h.db.prisma.apiToken.count({ where: { scopes: { has: "ADMIN" }, name: { in: ["admin", "grandchild"] } } })).toBe(0);
  });

  test("a MEMBER sees and revokes only its own user's tokens; it cannot manage members", async () => {
    const otherUser = await addMember("bystander@security.test");
    const theirs = await createToken(h.a.admin.secret, { name: "bystander's", scopes: ["MEMBER"], userId: otherUser });
    const listed = (await ok<{ tokens: TokenJson[] }>(h.a.member.secret, TOKENS)).tokens;
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.every((t) => t.user?.id === h.a.userId)).toBe(true);
    expect(await codeOfOp(h.a.member.secret, REVOKE_TOKEN, { id: theirs.token.id })).toBe("FORBIDDEN");
    expect(await codeOfOp(h.a.member.secret, REVOKE_TOKEN, { id: h.a.worker.id })).toBe("FORBIDDEN");
    expect(await codeOfOp(theirs.secret, ME)).toBeUndefined();
    expect(await codeOfOp(h.a.member.secret, ADD_MEMBER, { input: { email: "sneaky@security.test", name: "s" } })).toBe("FORBIDDEN");
    expect(await codeOfOp(h.a.member.secret, REMOVE_MEMBER, { id: otherUser })).toBe("FORBIDDEN");
    expect(await h.db.prisma.user.count({ where: { email: "sneaky@security.test" } })).toBe(0);
  });

  test("WORKER tokens manage nothing and see only themselves", async () => {
    const w = h.a.worker.secret;
    expect(await codeOfOp(w, CREATE_TOKEN, { input: { name: "w", scopes: ["READ"] } })).toBe("FORBIDDEN");
    expect(await codeOfOp(w, REVOKE_TOKEN, { id: h.a.member.id })).toBe("FORBIDDEN");
    expect(await codeOfOp(w, ADD_MEMBER, { input: { email: "w@security.test", name: "w" } })).toBe("FORBIDDEN");
    expect((await ok<{ tokens: TokenJson[] }>(w, TOKENS)).tokens.map((t) => t.id)).toEqual([h.a.worker.id]);
  });

  test("member input errors: BAD_USER_INPUT with field paths; e-mails are unique", async () => {
    const bad = await failure(h.a.admin.secret, ADD_MEMBER, { input: { email: "not an address", name: "" } });
    expect(bad.code).toBe("BAD_USER_INPUT");
    expect(bad.paths.sort()).toEqual(["input.email", "input.name"]);
    await addMember("Dup@Security.test");
    expect(await failure(h.a.admin.secret, ADD_MEMBER, { input: { email: "dup@security.TEST", name: "again" } })).toMatchObject({ code: "BAD_USER_INPUT", paths: ["input.email"] });
    expect(await codeOfOp(h.a.admin.secret, REMOVE_MEMBER, { id: h.a.userId })).toBe("FORBIDDEN"); // its own user
  });
});

describe("another team's tokens and users are NOT_FOUND, like ids that do not exist", () => {
  const unknown = "7a1f3c52-9d4e-4a59-9a43-3f7e5c6b7a10";
  const same = (a: { code?: unknown; message: string }, b: { code?: unknown; message: string }, id: string, other: string) => {
    expect(a.code).toBe("NOT_FOUND");
    expect(b.code).toBe("NOT_FOUND");
    expect(a.message.replace(id, "ID")).toBe(b.message.replace(other, "ID"));
  };

  test("revokeToken, removeTeamMember, createToken(userId) of team B from team A's ADMIN", async () => {
    same(await failure(h.a.admin.secret, REVOKE_TOKEN, { id: h.b.member.id }), await failure(h.a.admin.secret, REVOKE_TOKEN, { id: unknown }), h.b.member.id, unknown);
    same(await failure(h.a.admin.secret, REMOVE_MEMBER, { id: h.b.userId }), await failure(h.a.admin.secret, REMOVE_MEMBER, { id: unknown }), h.b.userId, unknown);
    same(
      await failure(h.a.admin.secret, CREATE_TOKEN, { input: { name: "x-team", scopes: ["MEMBER"], userId: h.b.userId } }),
      await failure(h.a.admin.secret, CREATE_TOKEN, { input: { name: "x-team", scopes: ["MEMBER"], userId: unknown } }),
      h.b.userId,
      unknown,
    );
    expect(await codeOfOp(h.a.admin.secret, REVOKE_TOKEN, { id: "not-a-uuid" })).toBe("NOT_FOUND");
    // Team B is untouched, and A's lists never show B's rows.
    expect(await codeOfOp(h.b.member.secret, ME)).toBeUndefined();
    expect((await h.db.prisma.user.findUniqueOrThrow({ where: { id: h.b.userId } })).removedAt).toBeNull();
    const tokens = (await ok<{ tokens: TokenJson[] }>(h.a.admin.secret, TOKENS)).tokens.map((t) => t.id);
    expect(tokens).not.toContain(h.b.member.id);
    const members = (await ok<{ team: { members: { id: string }[] } }>(h.a.admin.secret, MEMBERS)).team.members.map((m) => m.id);
    expect(members).toContain(h.a.userId);
    expect(members).not.toContain(h.b.userId);
  });

  test("an e-mail of another team answers like one of this team (no existence leak)", async () => {
    const foreign = await failure(h.a.admin.secret, ADD_MEMBER, { input: { email: "b-tokens@security.test", name: "b" } });
    const local = await failure(h.a.admin.secret, ADD_MEMBER, { input: { email: "a-tokens@security.test", name: "a" } });
    expect(foreign).toEqual(local);
    expect((await h.db.prisma.user.findUniqueOrThrow({ where: { id: h.b.userId } })).teamId).toBe(h.b.teamId);
  });
});

describe("removing a member revokes its tokens", () => {
  test("its tokens stop on HTTP and on open sockets; it leaves the members list; adding it back keeps them revoked", async () => {
    const id = await addMember("leaver@security.test", "Leaver");
    const issued = await createToken(h.a.admin.secret, { name: "leaver's", scopes: ["MEMBER"], userId: id });
    const own = await createToken(issued.secret, { name: "leaver's own", scopes: ["READ"] });
    const ws = await openSocket(h.wsUrl, issued.secret);
    expect(codeOf(await ws.run(ME))).toBeUndefined();
    const removed = await ok<{ removeTeamMember: { id: string; removedAt: string | null } }>(h.a.admin.secret, REMOVE_MEMBER, { id });
    expect(removed.removeTeamMember.removedAt).not.toBeNull();
    for (const s of [issued.secret, own.secret]) expect(await codeOfOp(s, ME)).toBe("UNAUTHENTICATED");
    expect(await within(ws.closed, 5000, { code: -1, reason: "still open after 5 s" })).toMatchObject({ code: 4403 });
    await ws.dispose();
    const tokens = (await ok<{ tokens: TokenJson[] }>(h.a.admin.secret, TOKENS)).tokens.filter((t) => t.user?.id === id);
    expect(tokens.map((t) => [t.name, t.active, t.revokedAt !== null]).sort((x, y) => String(x[0]).localeCompare(String(y[0])))).toEqual([
      ["leaver's", false, true],
      ["leaver's own", false, true],
    ]);
    const members = (await ok<{ team: { members: { id: string }[] } }>(h.a.admin.secret, MEMBERS)).team.members.map((m) => m.id);
    expect(members).not.toContain(id);
    // Added back: a member again, its old tokens still revoked.
    expect(await addMember("leaver@security.test", "Leaver again")).toBe(id);
    expect(await codeOfOp(issued.secret, ME)).toBe("UNAUTHENTICATED");
  });
});

describe("a worker is bound to the token that registered it", () => {
  let w1: string;
  let w2: string;
  beforeAll(async () => {
    w1 = (await addToken(h.db.prisma, h.a.teamId, ["WORKER"])).secret;
    w2 = (await addToken(h.db.prisma, h.a.teamId, ["WORKER"])).secret;
  });

  async function trainJob(name: string): Promise<{ runId: string; jobId: string }> {
    const run = await h.db.prisma.run.create({ data: { projectId: h.a.projectId, name, kind: "LOFF_TA", config: {} } });
    const job = await h.db.prisma.job.create({ data: { type: "TRAIN", teamId: h.a.teamId, runId: run.id, payload: { runId: run.id } } });
    return { runId: run.id, jobId: job.id };
  }
  const register = async (token: string, name: string) => (await ok<{ registerWorker: { id: string; tokenPrefix: string } }>(token, REGISTER, { name })).registerWorker;

  test("another WORKER token cannot heartbeat, claim, progress, complete, fail or log for it", async () => {
    const alpha = await register(w1, "alpha");
    expect(alpha.tokenPrefix).toBe(w1.slice(0, 10));
    const beta = await register(w2, "beta");
    const { runId, jobId } = await trainJob("bound");
    expect((await ok<{ claimJob: { id: string } | null }>(w1, CLAIM, { w: alpha.id })).claimJob?.id).toBe(jobId);

    const forged: [string, Record<string, unknown>][] = [
      [HEARTBEAT, { w: alpha.id }],
      [CLAIM, { w: alpha.id }],
      [PROGRESS, { j: jobId, w: alpha.id }],
      [COMPLETE, { j: jobId, w: alpha.id, acc: 0.999 }],
      [FAIL, { j: jobId, w: alpha.id }],
      [LOG_METRICS, { r: runId }],
      [LOG_COLUMNS, { r: runId }],
      [APPEND_LOGS, { r: runId }],
    ];
    for (const [q, v] of forged) expect({ q, code: await codeOfOp(w2, q, v) }).toEqual({ q, code: "FORBIDDEN" });
    // Nor with the same token's ADMIN or MEMBER siblings: only the worker's own token acts for it.
    expect(await codeOfOp(h.a.admin.secret, HEARTBEAT, { w: alpha.id })).toBe("FORBIDDEN");
    // With its own worker it has no lease on the job.
    expect(await codeOfOp(w2, COMPLETE, { j: jobId, w: beta.id, acc: 0.999 })).toBe("CONFLICT");
    // Nothing was stored.
    const job = await h.db.prisma.job.findUniqueOrThrow({ where: { id: jobId } });
    expect(job).toMatchObject({ status: "RUNNING", leaseOwner: alpha.id });
    expect((await h.db.prisma.run.findUniqueOrThrow({ where: { id: runId } })).finalMetrics).toBeNull();
    expect(await h.db.prisma.metricPoint.count({ where: { runId } })).toBe(0);
    expect(await h.db.prisma.runLog.count({ where: { runId } })).toBe(0);

    // The worker's own token does all of it.
    expect(await codeOfOp(w1, HEARTBEAT, { w: alpha.id })).toBeUndefined();
    expect(await codeOfOp(w1, PROGRESS, { j: jobId, w: alpha.id })).toBeUndefined();
    expect(await codeOfOp(w1, LOG_METRICS, { r: runId })).toBeUndefined();
    expect(await codeOfOp(w1, LOG_COLUMNS, { r: runId })).toBeUndefined();
    expect(await codeOfOp(w1, APPEND_LOGS, { r: runId })).toBeUndefined();
    expect((await ok<{ completeJob: { status: string } }>(w1, COMPLETE, { j: jobId, w: alpha.id, acc: 0.8 })).completeJob.status).toBe("SUCCEEDED");
    expect((await h.db.prisma.run.findUniqueOrThrow({ where: { id: runId } })).finalMetrics).toEqual({ accuracy: 0.8 });
    // After the job finished, its run still takes points only from that worker's token.
    expect(await codeOfOp(w2, LOG_METRICS, { r: runId })).toBe("FORBIDDEN");
    expect(await codeOfOp(w2, LOG_COLUMNS, { r: runId })).toBe("FORBIDDEN");
    expect(await codeOfOp(w1, APPEND_LOGS, { r: runId })).toBeUndefined();
  });

  test("its name cannot be taken over while its token is active; an ADMIN or a revoked token's successor may", async () => {
    const gamma = await register(w1, "gamma");
    expect(await codeOfOp(w2, REGISTER, { name: "gamma" })).toBe("FORBIDDEN");
    expect((await h.db.prisma.worker.findUniqueOrThrow({ where: { id: gamma.id } })).tokenId).not.toBeNull();
    expect(await codeOfOp(w2, HEARTBEAT, { w: gamma.id })).toBe("FORBIDDEN");
    // Re-registering with its own token keeps it.
    expect((await register(w1, "gamma")).id).toBe(gamma.id);
    // An ADMIN may rebind it (it could revoke the token anyway); then the old token is out.
    const admin = await register(h.a.admin.secret, "gamma");
    expect(admin).toMatchObject({ id: gamma.id, tokenPrefix: h.a.admin.secret.slice(0, 10) });
    expect(await codeOfOp(w1, HEARTBEAT, { w: gamma.id })).toBe("FORBIDDEN");
    // A worker whose token was revoked is free for a new token.
    const old = await createToken(h.a.admin.secret, { name: "old worker token", scopes: ["WORKER"], service: true });
    const delta = await register(old.secret, "delta");
    expect(await codeOfOp(w2, REGISTER, { name: "delta" })).toBe("FORBIDDEN");
    await ok(h.a.admin.secret, REVOKE_TOKEN, { id: old.token.id });
    expect((await register(w2, "delta")).id).toBe(delta.id);
    expect(await codeOfOp(w2, HEARTBEAT, { w: delta.id })).toBeUndefined();
  });

  test("a worker registered before tokens were bound must register again", async () => {
    const legacy = await h.db.prisma.worker.create({ data: { teamId: h.a.teamId, name: "legacy", host: "h", backend: "cpu", device: "cpu" } });
    const r = await failure(w1, HEARTBEAT, { w: legacy.id });
    expect(r.code).toBe("FORBIDDEN");
    expect(r.message).toMatch(/register it again/);
    expect((await register(w1, "legacy")).id).toBe(legacy.id);
    expect(await codeOfOp(w1, HEARTBEAT, { w: legacy.id })).toBeUndefined();
  });

  test("another team's workers stay NOT_FOUND (not FORBIDDEN)", async () => {
    const theirs = (await ok<{ registerWorker: { id: string } }>(h.b.worker.secret, REGISTER, { name: "alpha" })).registerWorker;
    expect(await codeOfOp(w1, HEARTBEAT, { w: theirs.id })).toBe("NOT_FOUND");
  });
});
