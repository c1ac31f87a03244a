/**
 * The parts behind "live events are never lost silently" (docs/security.md, "Events"), one at a
 * time: the pub/sub's gaps (a real LISTEN connection on a real Postgres, killed and kept from
 * reconnecting), and the catch-up streams (apps/api/src/services/live.ts) against scripted
 * sources: page boundaries inside a batch, late and duplicate announcements, failing reads,
 * unsubscribing mid-wait.
 */
import pg from "pg";
import { createTestDatabase, type TestDatabase } from "@loffta/tests";
import { EventQueue, PgPubSub, type Signal } from "../../apps/api/src/pubsub";
import { CursorStream, SnapshotStream, type CursorPage, type Stamped } from "../../apps/api/src/services/live";

type Gap = Extract<Signal<unknown>, { type: "gap" }>;
const gap = (listening: boolean, since = new Date()): Signal<never> => ({ type: "gap", listening, since, reason: "test" });

/** A scripted signal source: push() signals, the stream reads them. */
function source<T>() {
  const q = new EventQueue<Signal<T>>(() => {});
  return { q, push: (s: Signal<T>) => q.push(s), event: (data: T) => q.push({ type: "event", data }) };
}

/** Rows 1..n of a "run" with ids, as a table the stream catches up from. */
function table() {
  const rows: { id: bigint; v: string }[] = [];
  let failures = 0;
  let reads = 0;
  return {
    rows,
    get reads() {
      return reads;
    },
    failNext(n: number) {
      failures = n;
    },
    add(...ids: number[]) {
      for (const id of ids) rows.push({ id: BigInt(id), v: `r${id}` });
    },
    readAfter: async (cursor: bigint, limit: number): Promise<CursorPage<string[]>> => {
      reads++;
      if (failures > 0) {
        failures--;
        throw new Error("database unreachable");
      }
      const page = rows.filter((r) => r.id > cursor).slice(0, limit);
      return { event: page.length ? page.map((r) => r.v) : null, last: page.length ? page[page.length - 1].id : cursor, count: page.length };
    },
  };
}

const batch = (ids: number[]): Stamped<string[]> => ({ event: ids.map((i) => `r${i}`), minId: BigInt(ids[0]), maxId: BigInt(ids[ids.length - 1]) });

async function take<T>(it: AsyncIterator<T>, n: number): Promise<T[]> {
  const out: T[] = [];
  while (out.length < n) {
    const r = await it.next();
    if (r.done) break;
    out.push(r.value);
  }
  return out;
}

describe("CursorStream: rows with increasing ids, each delivered once", () => {
  test("after a gap it reads from the last id delivered, in pages, and skips announcements it already delivered", async () => {
    const t = table();
    const s = source<Stamped<string[]>>();
    const stream = new CursorStream<string[]>(s.q, t.readAfter, { cursor: 10n, catchUp: false }, () => ({ refetch: "x" }), { pageSize: 3 });
    t.add(11, 12);
    s.event(batch([11, 12]));
    expect(await take(stream, 1)).toEqual([{ event: ["r11", "r12"], cursor: 12n }]);
    // Lost: batches 13–15 and 16–17 (stored, never announced), then the connection drops.
    t.add(13, 14, 15, 16, 17);
    s.push(gap(false));
    expect(await take(stream, 2)).toEqual([
      { event: ["r13", "r14", "r15"], cursor: 15n },
      { event: ["r16", "r17"], cursor: 17n },
    ]);
    // Back: a late announcement of 16–17 (delivered already), a batch stored meanwhile, its announcement.
    s.push(gap(true));
    s.event(batch([16, 17]));
    t.add(18);
    s.event(batch([18]));
    s.event({ event: ["marker"], minId: 0n, maxId: 0n });
    expect(await take(stream, 2)).toEqual([
      { event: ["r18"], cursor: 18n },
      { event: ["marker"], cursor: 18n },
    ]);
    expect(stream.position).toBe(18n);
    await stream.return();
  });

  test("a catch-up page that ends inside a batch: the batch's announcement is not delivered twice", async () => {
    const t = table();
    const s = source<Stamped<string[]>>();
    const stream = new CursorStream<string[]>(s.q, t.readAfter, { cursor: 0n, catchUp: false }, () => ({ refetch: "x" }), { pageSize: 2 });
    s.push(gap(true));
    t.add(1, 2, 3); // one batch of three, announced after the catch-up began
    s.event(batch([1, 2, 3]));
    const got = await take(stream, 2);
    expect(got.map((g) => g.event)).toEqual([["r1", "r2"], ["r3"]]);
    // Straddling announcement (cursor inside it) → re-read from the cursor instead of resending.
    const s2 = source<Stamped<string[]>>();
    const t2 = table();
    t2.add(1, 2, 3, 4);
    const st2 = new CursorStream<string[]>(s2.q, t2.readAfter, { cursor: 2n, catchUp: false }, () => ({ refetch: "x" }));
    s2.event(batch([1, 2, 3, 4]));
    expect((await take(st2, 1)).map((g) => g.event)).toEqual([["r3", "r4"]]);
    await stream.return();
    await st2.return();
  });

  test("announcements of nothing stored (ids 0) pass as they are; resuming reads what came after the cursor first", async () => {
    const t = table();
    t.add(5, 6, 7);
    const s = source<Stamped<string[]>>();
    const stream = new CursorStream<string[]>(s.q, t.readAfter, { cursor: 5n, catchUp: true }, () => ({ refetch: "x" }));
    s.event({ event: ["probe"], minId: 0n, maxId: 0n });
    s.event(batch([6, 7])); // announced while resuming: read already
    expect((await take(stream, 2)).map((g) => g.event)).toEqual([["r6", "r7"], ["probe"]]);
    t.add(8);
    s.event(batch([8]));
    expect((await take(stream, 1)).map((g) => g.event)).toEqual([["r8"]]);
    await stream.return();
  });

  test("a failing read is retried; a database gone for longer than giveUpMs ends it with EVENTS_LOST and the resume cursor", async () => {
    const t = table();
    t.add(1, 2);
    const s = source<Stamped<string[]>>();
    const stream: CursorStream<string[]> = new CursorStream<string[]>(s.q, t.readAfter, { cursor: 0n, catchUp: false }, () => ({ refetch: "metricSeries", after: stream.position.toString() }), { retryMs: 5, giveUpMs: 10_000 });
    t.failNext(3);
    s.push(gap(true));
    expect((await take(stream, 1)).map((g) => g.event)).toEqual([["r1", "r2"]]);
    expect(t.reads).toBe(4);

    const dead: CursorStream<string[]> = new CursorStream<string[]>(s.q, t.readAfter, { cursor: 2n, catchUp: true }, () => ({ refetch: "metricSeries", after: dead.position.toString() }), { retryMs: 5, giveUpMs: 50 });
    t.failNext(1_000_000);
    let err: unknown;
    try {
      await dead.next();
    } catch (e) {
      err = e;
    }
    expect(err).toMatchObject({ extensions: { code: "EVENTS_LOST", refetch: "metricSeries", after: "2" } });
    expect((await dead.next()).done).toBe(true);
    await stream.return();
  });

  test("return() ends a stream waiting for events or between retries at once", async () => {
    const t = table();
    const s = source<Stamped<string[]>>();
    const waiting = new CursorStream<string[]>(s.q, t.readAfter, { cursor: 0n, catchUp: false }, () => ({ refetch: "x" }));
    const pending = waiting.next();
    await waiting.return();
    expect(await pending).toEqual({ value: undefined, done: true });

    t.failNext(1_000_000);
    const retrying = new CursorStream<string[]>(source<Stamped<string[]>>().q, t.readAfter, { cursor: 0n, catchUp: true }, () => ({ refetch: "x" }), { retryMs: 60_000 });
    const p2 = retrying.next();
    await new Promise((r) => setTimeout(r, 20));
    const t0 = Date.now();
    await retrying.return();
    expect(await p2).toEqual({ value: undefined, done: true });
    expect(Date.now() - t0).toBeLessThan(1000);
  });
});

describe("SnapshotStream: rows changed in place", () => {
  test("after a gap, re-read rows are delivered only when they differ from what it delivered (or its baseline)", async () => {
    type Row = { id: string; n: number; big: bigint };
    const db = new Map<string, Row>([
      ["a", { id: "a", n: 1, big: 1n }],
      ["b", { id: "b", n: 1, big: 1n }],
      ["c", { id: "c", n: 1, big: 1n }],
    ]);
    const sinces: Date[] = [];
    const s = source<Row>();
    const stream = new SnapshotStream<Row>(
      s.q,
      {
        changedSince: async (since) => {
          sinces.push(since);
          return [...db.values()].map((r) => ({ ...r }));
        },
        key: (r) => r.id,
      },
      [{ id: "c", n: 1, big: 1n }],
      () => ({ refetch: "runs" }),
      { marginMs: 1000 },
    );
    s.event({ id: "a", n: 1, big: 1n });
    db.set("a", { id: "a", n: 2, big: 1n }); // changed, announcement lost
    db.set("c", { id: "c", n: 1, big: 2n }); // changed (a BigInt column), announcement lost
    const t = new Date("2030-01-01T00:00:10Z");
    s.push(gap(false, t));
    s.push(gap(true, new Date("2030-01-01T00:00:20Z"))); // coalesced with the first: earliest since
    const got = await take(stream, 4);
    // a (announced), then the re-read: a (changed), b (never delivered), c (changed, vs its baseline).
    expect(got.map((r) => `${r.id}${r.n}/${r.big}`)).toEqual(["a1/1", "a2/1", "b1/1", "c1/2"]);
    expect(sinces).toEqual([new Date("2030-01-01T00:00:09Z")]);
    // Live announcements are always delivered (a probe re-announces an unchanged row).
    s.event({ id: "a", n: 2, big: 1n });
    expect((await take(stream, 1))[0]).toEqual({ id: "a", n: 2, big: 1n });
    await stream.return();
  });
});

describe("EventQueue", () => {
  test("a consumer that falls behind loses its buffer to one gap (since it last took an event), not silently", async () => {
    const q = new EventQueue<Signal<number>>(() => {}, 3, { overflow: (queue) => ({ type: "gap", listening: true, since: queue.lastTakenAt, reason: "behind" }) });
    q.push({ type: "event", data: 1 });
    await q.next();
    const taken = q.lastTakenAt;
    for (let i = 2; i <= 6; i++) q.push({ type: "event", data: i });
    const r = await q.next();
    // 2,3,4 were buffered; 5 overflowed → replaced by the gap; 6 buffered after it.
    expect(r.value).toEqual({ type: "gap", listening: true, since: taken, reason: "behind" });
    expect((await q.next()).value).toEqual({ type: "event", data: 6 });
  });
});

describe("PgPubSub on a real Postgres", () => {
  let db: TestDatabase;
  let pool: pg.Pool;
  beforeAll(async () => {
    db = await createTestDatabase("events-live");
    pool = new pg.Pool({ connectionString: db.url, max: 2 });
  });
  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  });

  const kill = () => pool.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'loffta-api-events'`);

  test("losing the LISTEN connection: gaps while it is down (repeated, as a cue to read), one when it is back, then events again; subscribe() fails with EVENTS_LOST", async () => {
    const ps = new PgPubSub({ connectionString: db.url, pool, pollMs: 50, reconnectMinMs: 20, reconnectMaxMs: 50 });
    await ps.start();
    try {
      const w = ps.watch<{ n: number }>("t:1");
      const plain = ps.subscribe<{ n: number }>("workers:1");
      await ps.publish("t:1", { n: 1 });
      expect((await w.next()).value).toEqual({ type: "event", data: { n: 1 } });
      // Keep it from reconnecting for a while: the database cannot be reached.
      const opts = (ps as unknown as { opts: { connectionString: string } }).opts;
      opts.connectionString = db.url.replace(/:(\d+)\//, ":1/");
      await kill();
      const first = (await w.next()).value as Gap;
      expect(first).toMatchObject({ type: "gap", listening: false });
      expect(ps.listening).toBe(false);
      await expect(plain.next()).rejects.toMatchObject({ extensions: { code: "EVENTS_LOST", refetch: "workers" } });
      await ps.publish("t:1", { n: 2 }); // committed while nobody listens: never delivered
      await new Promise((r) => setTimeout(r, 150));
      const again = (await w.next()).value as Gap; // polls coalesce while nobody reads
      expect(again).toMatchObject({ type: "gap", listening: false, since: first.since });
      // A watcher that starts while it is down learns so at once.
      const late = ps.watch("t:2");
      expect((await late.next()).value).toMatchObject({ type: "gap", listening: false });
      opts.connectionString = db.url;
      let s: Signal<{ n: number }>;
      do s = (await w.next()).value as Signal<{ n: number }>;
      while (s.type === "gap" && !s.listening);
      expect(s).toMatchObject({ type: "gap", listening: true, since: first.since });
      expect(ps.listening).toBe(true);
      await ps.publish("t:1", { n: 3 });
      expect((await w.next()).value).toEqual({ type: "event", data: { n: 3 } });
      await w.return?.();
      await late.return?.();
      expect(ps.subscriberCount()).toBe(0);
    } finally {
      await ps.close();
    }
  });

  test("an event that cannot be hydrated becomes a gap for its topic, not a silent drop", async () => {
    let fail = true;
    const ps = new PgPubSub({
      connectionString: db.url,
      pool,
      hydrate: async (_t, d) => {
        if (fail) throw new Error("pool exhausted");
        return d;
      },
    });
    await ps.start();
    try {
      const w = ps.watch("t:h");
      await ps.publish("t:h", { n: 1 });
      expect((await w.next()).value).toMatchObject({ type: "gap", listening: true, reason: "an event could not be read" });
      fail = false;
      await ps.publish("t:h", { n: 2 });
      expect((await w.next()).value).toEqual({ type: "event", data: { n: 2 } });
    } finally {
      await ps.close();
    }
  });
});
