/**
 * One token holder must not slow everyone down: per-token rate limits, subscription and socket
 * caps, a cap on the conditions of the runs filter and on the size of a response. Each cap
 * answers with a typed error carrying the limit; none is checked by timing.
 */
import { addToken, codeOf, openSocket, post, startSecurityHarness, within, type SecurityHarness } from "./harness";

const SUB = `subscription($p: ID!) { runUpdated(projectId: $p) { id } }`;

describe("per-token rate limit", () => {
  let h: SecurityHarness;
  beforeAll(async () => {
    h = await startSecurityHarness("rate", { limits: { rateLimitPerSec: 1, rateLimitBurst: 5 } });
  });
  afterAll(() => h?.close());

  test("HTTP: the burst passes, then 429 RATE_LIMITED with Retry-After; other tokens are unaffected", async () => {
    for (let i = 0; i < 5; i++) expect(codeOf(await post(h.url, h.a.member.secret, "{ me { scopes } }"))).toBeUndefined();
    const r = await post(h.url, h.a.member.secret, "{ me { scopes } }");
    expect(r.status).toBe(429);
    expect(r.body.errors?.[0].extensions).toMatchObject({ code: "RATE_LIMITED", limit: "rate", max: 1, burst: 5 });
    expect(Number(r.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    // Another token of the same team has its own budget.
    expect(codeOf(await post(h.url, h.a.admin.secret, "{ me { scopes } }"))).toBeUndefined();
  });

  test("WebSocket operations draw on the same budget", async () => {
    const ws = await openSocket(h.wsUrl, h.b.member.secret);
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < 7; i++) codes.push(codeOf(await ws.run("{ me { scopes } }")));
    expect(codes.slice(0, 5)).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(codes.slice(5)).toEqual(["RATE_LIMITED", "RATE_LIMITED"]);
    // Spent over the socket: HTTP is limited too.
    expect((await post(h.url, h.b.member.secret, "{ me { scopes } }")).status).toBe(429);
    expect(ws.isClosed()).toBe(false);
    await ws.dispose();
  });

  test("the W&B endpoints draw on the same budget (429 with Retry-After, as the wandb client expects)", async () => {
    const wandb = h.url.replace(/\/graphql$/, "/wandb/graphql");
    const auth = `Basic ${Buffer.from(`api:loffta-${h.b.admin.secret}-wandb`).toString("base64")}`;
    const viewer = () =>
      fetch(wandb, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: auth },
        body: JSON.stringify({ operationName: "Viewer", query: "query Viewer { viewer { id entity } }" }),
      });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await viewer()).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    const r = await viewer();
    expect(r.status).toBe(429);
    expect(Number(r.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(((await r.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe("RATE_LIMITED");
    // Spent through /wandb: /graphql is limited for that token too.
    expect((await post(h.url, h.b.admin.secret, "{ me { scopes } }")).status).toBe(429);
  });

  test("anonymous requests are limited per client address", async () => {
    const codes = [];
    for (let i = 0; i < 7; i++) codes.push((await post(h.url, null, "{ me { scopes } }")).status);
    expect(codes.slice(0, 5).every((s) => s !== 429)).toBe(true);
    expect(codes.slice(5)).toEqual([429, 429]);
  });
});

describe("subscription and socket caps", () => {
  let h: SecurityHarness;
  beforeAll(async () => {
    h = await startSecurityHarness("subcaps", { limits: { maxSubscriptionsPerSocket: 3, maxSubscriptionsPerToken: 5, maxSocketsPerToken: 4 } });
  });
  afterAll(() => h?.close());

  test("per socket: the 4th subscription is refused LIMIT_EXCEEDED; ending one frees a place", async () => {
    const ws = await openSocket(h.wsUrl, h.a.member.secret);
    const subs = [1, 2, 3].map(() => ws.subscribe(SUB, { p: h.a.projectId }));
    const fourth = ws.subscribe(SUB, { p: h.a.projectId });
    const errors = await within(fourth.ended, 5000, [{ message: "4th subscription accepted" }]);
    expect(errors[0]?.extensions).toMatchObject({ code: "LIMIT_EXCEEDED", limit: "subscriptionsPerSocket", max: 3 });
    for (const s of subs) expect(await within(s.ended.then(() => "ended"), 200, "open")).toBe("open");
    // Queries still run on a full socket.
    expect(codeOf(await ws.run("{ me { scopes } }"))).toBeUndefined();
    subs[0].unsubscribe();
    // The place is free once the server saw the complete: retry briefly.
    let again = ws.subscribe(SUB, { p: h.a.projectId });
    for (let i = 0; i < 20 && (await within(again.ended.then(() => "ended"), 100, "open")) === "ended"; i++) again = ws.subscribe(SUB, { p: h.a.projectId });
    expect(await within(again.ended.then(() => "ended"), 300, "open")).toBe("open");
    await ws.dispose();
  });

  test("per token: across sockets at most 5 subscriptions; at most 4 sockets", async () => {
    const token = await addToken(h.db.prisma, h.a.teamId, ["MEMBER"], { userId: h.a.userId });
    const s1 = await openSocket(h.wsUrl, token.secret);
    const s2 = await openSocket(h.wsUrl, token.secret);
    const ok = [s1, s1, s1, s2, s2].map((s) => s.subscribe(SUB, { p: h.a.projectId }));
    // Let the server register those five before the sixth.
    expect(codeOf(await s1.run("{ me { scopes } }"))).toBeUndefined();
    expect(codeOf(await s2.run("{ me { scopes } }"))).toBeUndefined();
    const sixth = s2.subscribe(SUB, { p: h.a.projectId });
    expect((await within(sixth.ended, 5000, [{ message: "6th accepted" }]))[0]?.extensions).toMatchObject({ code: "LIMIT_EXCEEDED", limit: "subscriptionsPerToken", max: 5 });
    for (const s of ok) expect(await within(s.ended.then(() => "ended"), 100, "open")).toBe("open");

    const s3 = await openSocket(h.wsUrl, token.secret);
    const s4 = await openSocket(h.wsUrl, token.secret);
    const s5 = await openSocket(h.wsUrl, token.secret);
    const closed = await within(s5.closed, 5000, { code: -1, reason: "5th socket accepted" });
    expect(closed.code).toBe(1008);
    expect(closed.reason).toMatch(/LIMIT_EXCEEDED/);
    expect([s1, s2, s3, s4].map((s) => s.isClosed())).toEqual([false, false, false, false]);
    // Another token is not affected by this one's use.
    const other = await openSocket(h.wsUrl, h.b.member.secret);
    expect(await within(other.subscribe(SUB, { p: h.b.projectId }).ended.then(() => "ended"), 300, "open")).toBe("open");
    await Promise.all([s1, s2, s3, s4, s5, other].map((s) => s.dispose()));
  });

  test("closing sockets releases the token's places", async () => {
    const token = await addToken(h.db.prisma, h.a.teamId, ["MEMBER"], { userId: h.a.userId });
    for (let round = 0; round < 3; round++) {
      const s = await openSocket(h.wsUrl, token.secret);
      const subs = [1, 2, 3].map(() => s.subscribe(SUB, { p: h.a.projectId }));
      expect(codeOf(await s.run("{ me { scopes } }"))).toBeUndefined();
      for (const sub of subs) expect(await within(sub.ended.then(() => "ended"), 100, "open")).toBe("open");
      await s.dispose();
      await within(s.closed, 2000, { code: -1, reason: "" });
      await new Promise((r) => setTimeout(r, 100));
    }
  });
});

describe("runs filter: config conditions per query", () => {
  let h: SecurityHarness;
  beforeAll(async () => {
    h = await startSecurityHarness("filtercap");
  });
  afterAll(() => h?.close());

  const query = `query($c: [ConfigValueFilter!]) { runs(filter: { config: $c }) { totalCount } }`;
  const conditions = (n: number) => Array.from({ length: n }, (_, i) => ({ path: `p${i}`, value: i }));

  test("20 conditions pass; 21 (and 5,000) are LIMIT_EXCEEDED before any SQL runs", async () => {
    expect(codeOf(await post(h.url, h.a.member.secret, query, { c: conditions(20) }))).toBeUndefined();
    for (const n of [21, 5000]) {
      const r = await post(h.url, h.a.member.secret, query, { c: conditions(n) });
      expect(r.body.errors?.[0].extensions).toMatchObject({ code: "LIMIT_EXCEEDED", limit: "filterConditions", max: 20 });
      expect(r.body.data ?? null).toBeNull();
    }
    // Inline literals count the same.
    const inline = `{ runs(filter: { config: [${conditions(21)
      .map((c) => `{ path: "${c.path}", value: ${c.value} }`)
      .join(", ")}] }) { totalCount } }`;
    expect((await post(h.url, h.a.member.secret, inline)).body.errors?.[0].extensions).toMatchObject({ code: "LIMIT_EXCEEDED", limit: "filterConditions" });
    const ws = await openSocket(h.wsUrl, h.a.member.secret);
    expect((await ws.run(query, { c: conditions(21) })).errors?.[0].extensions).toMatchObject({ code: "LIMIT_EXCEEDED", limit: "filterConditions" });
    await ws.dispose();
  });
});

describe("response size", () => {
  let h: SecurityHarness;
  beforeAll(async () => {
    h = await startSecurityHarness("respcap", { limits: { maxResponseBytes: 20_000 } });
  });
  afterAll(() => h?.close());

  // The schema's introspection with descriptions is well over 20 KB.
  const big = `{ __schema { types { name description fields { name description args { name description } } } } }`;

  test("a response over the limit is replaced by LIMIT_EXCEEDED (HTTP and WebSocket)", async () => {
    expect(codeOf(await post(h.url, h.a.member.secret, "{ me { scopes } }"))).toBeUndefined();
    const r = await post(h.url, h.a.member.secret, big);
    expect(r.body.errors?.[0].extensions).toMatchObject({ code: "LIMIT_EXCEEDED", limit: "responseBytes", max: 20_000 });
    expect(r.body.data ?? null).toBeNull();
    expect(r.bytes).toBeLessThan(2000);
    const ws = await openSocket(h.wsUrl, h.a.member.secret);
    expect((await ws.run(big)).errors?.[0].extensions).toMatchObject({ code: "LIMIT_EXCEEDED", limit: "responseBytes", max: 20_000 });
    expect(codeOf(await ws.run("{ me { scopes } }"))).toBeUndefined();
    await ws.dispose();
  });
});
