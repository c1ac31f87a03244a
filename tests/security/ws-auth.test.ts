/**
 * A token that dies (revoked, expired) loses its WebSocket: the next operation on the socket
 * fails with UNAUTHENTICATED and the server closes the socket (4403), and a periodic check
 * closes idle sockets and ends their subscriptions within seconds.
 */
import { addToken, codeOf, openSocket, post, sleep, startSecurityHarness, within, type SecurityHarness } from "./harness";

const CREATE = `mutation($n: String!) { createProject(input: { name: $n }) { id } }`;
const SUB = `subscription($p: ID!) { runUpdated(projectId: $p) { id } }`;

describe("per operation: a dead token's next operation fails and its socket closes", () => {
  let h: SecurityHarness;
  beforeAll(async () => {
    // Operations re-check a token once its last check is 300 ms old; the periodic sweep is
    // slow here so that the per-operation check is what these tests see.
    h = await startSecurityHarness("wsauth_op", { limits: { tokenRecheckMs: 300, wsAuthCheckMs: 60_000 } });
  });
  afterAll(() => h?.close());

  test("revoked: mutation, query and subscription fail UNAUTHENTICATED; the socket is closed 4403", async () => {
    const t = await addToken(h.db.prisma, h.a.teamId, ["MEMBER"], { userId: h.a.userId });
    const ws = await openSocket(h.wsUrl, t.secret);
    expect(codeOf(await ws.run(CREATE, { n: "before-revoke" }))).toBeUndefined();
    await h.db.prisma.apiToken.update({ where: { id: t.id }, data: { revokedAt: new Date() } });
    await sleep(400);
    const after = await ws.run(CREATE, { n: "after-revoke" });
    expect(codeOf(after)).toBe("UNAUTHENTICATED");
    expect(after.errors?.[0].message).toMatch(/revoked/);
    expect(await h.db.prisma.project.count({ where: { name: "after-revoke" } })).toBe(0);
    expect(await within(ws.closed, 5000, { code: -1, reason: "still open after 5 s" })).toMatchObject({ code: 4403 });
    await ws.dispose();
    // HTTP refuses it too (it always did).
    expect(codeOf(await post(h.url, t.secret, "{ me { scopes } }"))).toBe("UNAUTHENTICATED");
  });

  test("revoked: a query and a new subscription fail as well", async () => {
    for (const op of ["query", "subscription"] as const) {
      const t = await addToken(h.db.prisma, h.a.teamId, ["MEMBER"], { userId: h.a.userId });
      const ws = await openSocket(h.wsUrl, t.secret);
      expect(codeOf(await ws.run("{ me { scopes } }"))).toBeUndefined();
      await h.db.prisma.apiToken.update({ where: { id: t.id }, data: { revokedAt: new Date() } });
      await sleep(400);
      const errors = op === "query" ? ((await ws.run("{ me { scopes } }")).errors ?? []) : await within(ws.subscribe(SUB, { p: h.a.projectId }).ended, 5000, []);
      expect({ op, code: errors[0]?.extensions?.code }).toEqual({ op, code: "UNAUTHENTICATED" });
      expect(await within(ws.closed, 5000, { code: -1, reason: "still open" })).toMatchObject({ code: 4403 });
      await ws.dispose();
    }
  });

  test("expired: the next operation fails and the socket closes", async () => {
    const t = await addToken(h.db.prisma, h.a.teamId, ["MEMBER"], { userId: h.a.userId, expiresAt: new Date(Date.now() + 1500) });
    const ws = await openSocket(h.wsUrl, t.secret);
    expect(codeOf(await ws.run(CREATE, { n: "before-expiry" }))).toBeUndefined();
    await sleep(1800);
    const after = await ws.run(CREATE, { n: "after-expiry" });
    expect(codeOf(after)).toBe("UNAUTHENTICATED");
    expect(after.errors?.[0].message).toMatch(/expired/);
    expect(await h.db.prisma.project.count({ where: { name: "after-expiry" } })).toBe(0);
    expect(await within(ws.closed, 5000, { code: -1, reason: "still open" })).toMatchObject({ code: 4403 });
    await ws.dispose();
  });

  test("a live token's socket is not disturbed", async () => {
    const ws = await openSocket(h.wsUrl, h.a.member.secret);
    for (let i = 0; i < 3; i++) {
      expect(codeOf(await ws.run("{ me { scopes } }"))).toBeUndefined();
      await sleep(350);
    }
    expect(ws.isClosed()).toBe(false);
    await ws.dispose();
  });
});

describe("periodic check: idle sockets of dead tokens are closed", () => {
  let h: SecurityHarness;
  beforeAll(async () => {
    h = await startSecurityHarness("wsauth_sweep", { limits: { tokenRecheckMs: 200, wsAuthCheckMs: 500 } });
  });
  afterAll(() => h?.close());

  test("revoked: the open subscription ends and the socket closes 4403 without any further message", async () => {
    const t = await addToken(h.db.prisma, h.a.teamId, ["MEMBER"], { userId: h.a.userId });
    const ws = await openSocket(h.wsUrl, t.secret);
    const sub = ws.subscribe(SUB, { p: h.a.projectId });
    expect(codeOf(await ws.run("{ me { scopes } }"))).toBeUndefined();
    const live = await openSocket(h.wsUrl, h.a.member.secret);
    await h.db.prisma.apiToken.update({ where: { id: t.id }, data: { revokedAt: new Date() } });
    expect(await within(ws.closed, 5000, { code: -1, reason: "still open after 5 s" })).toMatchObject({ code: 4403 });
    expect((await within(sub.ended, 1000, [{ message: "subscription did not end" }]))[0]?.message).not.toBe("subscription did not end");
    // Another token's socket stays.
    expect(live.isClosed()).toBe(false);
    expect(codeOf(await live.run("{ me { scopes } }"))).toBeUndefined();
    await Promise.all([ws.dispose(), live.dispose()]);
  });

  test("expired: closed within seconds of its expiry", async () => {
    const t = await addToken(h.db.prisma, h.a.teamId, ["WORKER"], { expiresAt: new Date(Date.now() + 1000) });
    const ws = await openSocket(h.wsUrl, t.secret);
    ws.subscribe(`subscription { workerStatus { id } }`);
    expect(await within(ws.closed, 6000, { code: -1, reason: "still open after 6 s" })).toMatchObject({ code: 4403 });
    await ws.dispose();
  });
});
