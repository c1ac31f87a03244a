/**
 * Cross-process pub/sub over Postgres LISTEN/NOTIFY, exposed as async iterators.
 *
 * Each API process holds one dedicated `pg` client that LISTENs on one channel. publish() sends
 * `{ topic, data }` with pg_notify (delivered at commit to every listening process, including
 * this one), so several API replicas on one database stay consistent. A notification is
 * hydrated once per process (e.g. a run id → the run row) before it fans out to the local
 * subscribers of its topic.
 *
 * NOTIFY is not durable: a notification committed while the LISTEN connection is down is never
 * delivered to this process. So the connection is watched (errors, end, a periodic query) and
 * re-established with backoff, and every loss is made explicit to subscribers as a *gap*
 * (`watch`): "events of this topic may have been missed since `since`". Subscriptions that can
 * catch up from the database (metric points, log lines by id; runs and caches by re-reading the
 * row — ./services/live.ts, ./events.ts) do so; the others end with a typed EVENTS_LOST error
 * (`subscribe`). Events are never dropped silently. See docs/security.md, "Events".
 */
import { GraphQLError } from "graphql";
import pg from "pg";
import type { Pool } from "pg";

/** NOTIFY payloads must be shorter than 8000 bytes. */
export const NOTIFY_MAX_BYTES = 7900;

/** `application_name` of the LISTEN connection (find it in pg_stat_activity). */
export const LISTEN_APPLICATION_NAME = "loffta-api-events";

export type Hydrator = (topic: string, data: unknown) => Promise<unknown>;

/** What a watcher of a topic receives, in order. */
export type Signal<T> =
  | { type: "event"; data: T }
  /**
   * Events of the topic may have been missed since `since`: the LISTEN connection dropped, a
   * notification could not be hydrated, or the watcher fell too far behind (its buffer was
   * dropped). `listening` tells whether LISTEN is active now. If it is, every event committed
   * from now on is delivered, so one read from the database now covers what was missed. If not,
   * nothing arrives until it is back: gaps with `listening: false` then repeat every `pollMs`
   * (read again at each) until one with `listening: true` says live delivery resumed.
   */
  | { type: "gap"; listening: boolean; since: Date; reason: string };

/**
 * publish's NOTIFY, built in SQL from SQL expressions: `pg_notify(channel, '{"topic": …, "data": …}')`
 * (the payload publish sends), for a statement that announces its own rows (services/metrics.ts).
 */
export const notifySql = (channel: string, topic: string, data: string): string => `pg_notify(${channel}, json_build_object('topic', ${topic}, 'data', ${data})::text)`;

/** Something that runs a query: the pool, or one transaction's client. */
export interface Queryable {
  query(text: string, values: unknown[]): Promise<unknown>;
}

export interface PubSub {
  /**
   * Deliver `data` to every subscriber of `topic` in every process. `data` must fit NOTIFY.
   * With `tx` (a transaction's client) the NOTIFY is part of that transaction: sent at its
   * commit, in commit order with other transactions' (Postgres guarantees it), never when it
   * rolls back; an error is the caller's (no retry inside a transaction).
   */
  publish(topic: string, data: unknown, tx?: Queryable): Promise<void>;
  /**
   * Events of `topic`, hydrated; `return()` unsubscribes. For subscriptions that cannot catch
   * up: at the first gap the iterator fails with EVENTS_LOST (see `eventsLost`), hinting the
   * client to re-query `refetch` (default: the topic's kind, e.g. `workers`).
   */
  subscribe<T>(topic: string, hint?: { refetch: string }): AsyncIterableIterator<T>;
  /** Events and gaps of `topic`: for subscriptions that catch up after a gap themselves. */
  watch<T>(topic: string): AsyncIterableIterator<Signal<T>>;
  /** Whether LISTEN is active now. */
  readonly listening: boolean;
  /** The NOTIFY channel every process listens on (for notifySql). */
  readonly channel: string;
  close(): Promise<void>;
}

/**
 * The typed error of a subscription that lost events it cannot recover: extensions.code
 * EVENTS_LOST, `refetch` (what to re-query), and, where the subscription can resume, `after`
 * (pass it as the subscription's `after` argument to continue without loss).
 */
export function eventsLost(reason: string, hint: { refetch: string; after?: string }): GraphQLError {
  return new GraphQLError(`live events may have been lost (${reason}): re-query ${hint.refetch}${hint.after !== undefined ? ` or resubscribe with after: ${hint.after}` : ""}, then subscribe again`, {
    extensions: { code: "EVENTS_LOST", reason, ...hint },
  });
}

export interface EventQueueOptions<T> {
  /**
   * When the buffer is full: the item that replaces everything buffered (e.g. a gap), so a
   * stalled consumer costs bounded memory and learns what it lost. Without: the queue ends.
   */
  overflow?: (q: EventQueue<T>) => T;
  /** Merge a pushed item into the last buffered one (return null to buffer it separately). */
  coalesce?: (last: T, next: T) => T | null;
}

/** A push queue that is an async iterator; bounded so a stalled consumer cannot grow memory. */
export class EventQueue<T> implements AsyncIterableIterator<T> {
  private readonly buffer: T[] = [];
  private readonly waiters: ((r: IteratorResult<T>) => void)[] = [];
  private closed = false;
  /** When the consumer last took an item (or the queue was made). */
  lastTakenAt = new Date();

  constructor(
    private readonly onClose: () => void,
    private readonly maxBuffered = 10_000,
    private readonly opts: EventQueueOptions<T> = {},
  ) {}

  push(value: T): void {
    if (this.closed) return;
    const w = this.waiters.shift();
    if (w) {
      this.lastTakenAt = new Date();
      w({ value, done: false });
      return;
    }
    if (this.opts.coalesce && this.buffer.length) {
      const merged = this.opts.coalesce(this.buffer[this.buffer.length - 1], value);
      if (merged !== null) {
        this.buffer[this.buffer.length - 1] = merged;
        return;
      }
    }
    if (this.buffer.length < this.maxBuffered) this.buffer.push(value);
    else if (this.opts.overflow) this.buffer.splice(0, this.buffer.length, this.opts.overflow(this));
    else void this.return(); // consumer too slow: end its subscription
  }

  next(): Promise<IteratorResult<T>> {
    if (this.buffer.length) {
      this.lastTakenAt = new Date();
      return Promise.resolve({ value: this.buffer.shift() as T, done: false });
    }
    if (this.closed) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  return(): Promise<IteratorResult<T>> {
    if (!this.closed) {
      this.closed = true;
      this.buffer.length = 0;
      for (const w of this.waiters.splice(0)) w({ value: undefined, done: true });
      this.onClose();
    }
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(err?: unknown): Promise<IteratorResult<T>> {
    void this.return();
    return Promise.reject(err instanceof Error ? err : new Error(String(err)));
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}

export interface PgPubSubOptions {
  connectionString: string;
  /** Pool used to send NOTIFY. */
  pool: Pool;
  channel?: string;
  hydrate?: Hydrator;
  log?: (msg: string) => void;
  /** While LISTEN is down: how often watchers get a gap (their cue to read again). Default 1 s. */
  pollMs?: number;
  /** How often the LISTEN connection is probed with a query, and how long it may take. Default 10 s / 5 s. */
  heartbeatMs?: number;
  heartbeatTimeoutMs?: number;
  /** Reconnect backoff: first delay and cap (doubling, with jitter). Default 100 ms / 5 s. */
  reconnectMinMs?: number;
  reconnectMaxMs?: number;
  /** Events buffered per subscriber before its buffer is replaced by a gap. Default 10,000. */
  maxBuffered?: number;
}

type Watcher = EventQueue<Signal<unknown>>;

/** Two gaps in a row say no more than one: the earliest `since`, the latest state. */
function coalesceGaps(last: Signal<unknown>, next: Signal<unknown>): Signal<unknown> | null {
  if (last.type !== "gap" || next.type !== "gap") return null;
  return { type: "gap", listening: next.listening, since: last.since < next.since ? last.since : next.since, reason: last.reason === next.reason ? last.reason : `${last.reason}; ${next.reason}` };
}

export class PgPubSub implements PubSub {
  private client: pg.Client | null = null;
  private active = false;
  private readonly topics = new Map<string, Set<Watcher>>();
  /** Per-topic promise chain: keeps events of a topic in order while hydrating. */
  private readonly chains = new Map<string, Promise<void>>();
  private closing = false;
  private started = false;
  readonly channel: string;
  /** Until when no notification can have been missed: the last sign of life of the connection. */
  private aliveAt = new Date();
  /** Set while LISTEN is down: since when events may have been missed. */
  private downSince: Date | null = null;
  private attempt = 0;
  private pollTimer: NodeJS.Timeout | null = null;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private heartbeatTimer: NodeJS.Timeout | null = null;

  constructor(private readonly opts: PgPubSubOptions) {
    this.channel = opts.channel ?? "loffta_events";
  }

  get listening(): boolean {
    return this.active;
  }

  /** Connect the listening client. Resolves once LISTEN is active; fails when it cannot connect. */
  async start(): Promise<void> {
    await this.connect();
    this.started = true;
    const every = this.opts.heartbeatMs ?? 10_000;
    this.heartbeatTimer = setInterval(() => this.heartbeat(), every);
    this.heartbeatTimer.unref();
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.opts.connectionString, application_name: LISTEN_APPLICATION_NAME, keepAlive: true });
    this.client = client;
    client.on("notification", (msg) => {
      if (this.client !== client) return;
      this.aliveAt = new Date();
      if (msg.channel === this.channel && msg.payload) this.dispatch(msg.payload, this.aliveAt);
    });
    client.on("error", (e) => this.lost(client, `listener error: ${e.message}`));
    client.on("end", () => this.lost(client, "listener connection ended"));
    try {
      await client.connect();
      await client.query(`LISTEN ${this.channel}`);
    } catch (e) {
      if (this.client === client) this.client = null;
      client.end().catch(() => {});
      throw e;
    }
    if (this.client !== client || this.closing) return; // lost (or closed) while connecting
    this.active = true;
    this.attempt = 0;
    this.aliveAt = new Date();
    const since = this.downSince;
    this.downSince = null;
    if (this.pollTimer) clearInterval(this.pollTimer);
    this.pollTimer = null;
    // From here on every event is delivered: one more catch-up covers the time it was down.
    if (since) {
      this.opts.log?.("pubsub: listening again");
      this.gapAll({ listening: true, since, reason: "the LISTEN connection was re-established" });
    }
  }

  /** The connection `client` is gone: tell every watcher, poll them while down, reconnect. */
  private lost(client: pg.Client, reason: string): void {
    if (this.client !== client) return;
    this.client = null;
    client.end().catch(() => {});
    if (this.closing) return;
    this.opts.log?.(`pubsub: ${reason}`);
    const wasActive = this.active;
    this.active = false;
    if (wasActive || !this.downSince) this.downSince = this.aliveAt;
    if (!this.started) return; // start() fails instead
    const since = this.downSince;
    this.gapAll({ listening: false, since, reason: "the LISTEN connection was lost" });
    if (!this.pollTimer) {
      this.pollTimer = setInterval(() => this.gapAll({ listening: false, since: this.downSince ?? since, reason: "the LISTEN connection is down" }), this.opts.pollMs ?? 1000);
      this.pollTimer.unref();
    }
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.closing || this.reconnectTimer) return;
    const min = this.opts.reconnectMinMs ?? 100;
    const max = this.opts.reconnectMaxMs ?? 5000;
    const delay = Math.min(max, min * 2 ** this.attempt++) * (0.5 + Math.random() / 2);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      if (this.closing || this.client) return;
      this.connect().catch((e: Error) => {
        this.opts.log?.(`pubsub reconnect failed: ${e.message}`);
        this.scheduleReconnect();
      });
    }, delay);
    this.reconnectTimer.unref();
  }

  /** A round trip on the LISTEN connection: a half-open or stuck one is replaced. */
  private heartbeat(): void {
    const client = this.client;
    if (!client || !this.active) return;
    const timeout = setTimeout(() => this.lost(client, "listener heartbeat timed out"), this.opts.heartbeatTimeoutMs ?? 5000);
    timeout.unref();
    client.query("SELECT 1").then(
      () => {
        clearTimeout(timeout);
        if (this.client === client) this.aliveAt = new Date();
      },
      (e: Error) => {
        clearTimeout(timeout);
        this.lost(client, `listener heartbeat failed: ${e.message}`);
      },
    );
  }

  private gapAll(gap: Omit<Extract<Signal<unknown>, { type: "gap" }>, "type">): void {
    for (const set of this.topics.values()) for (const q of set) q.push({ type: "gap", ...gap });
  }

  private dispatch(payload: string, receivedAt: Date): void {
    let env: { topic: string; data: unknown };
    try {
      env = JSON.parse(payload) as { topic: string; data: unknown };
    } catch {
      return;
    }
    if (!this.topics.get(env.topic)?.size) return;
    const prev = this.chains.get(env.topic) ?? Promise.resolve();
    const next = prev.then(async () => {
      let data: unknown;
      try {
        data = this.opts.hydrate ? await this.opts.hydrate(env.topic, env.data) : env.data;
      } catch (e) {
        // Not dropped silently: the topic's watchers catch up from the database (or end).
        this.opts.log?.(`pubsub hydrate ${env.topic} failed: ${(e as Error).message}`);
        for (const q of this.topics.get(env.topic) ?? []) q.push({ type: "gap", listening: this.active, since: receivedAt, reason: "an event could not be read" });
        return;
      }
      if (data === null || data === undefined) return;
      for (const q of this.topics.get(env.topic) ?? []) q.push({ type: "event", data });
    });
    this.chains.set(env.topic, next);
    void next.then(() => {
      if (this.chains.get(env.topic) === next) this.chains.delete(env.topic);
    });
  }

  async publish(topic: string, data: unknown, tx?: Queryable): Promise<void> {
    const payload = JSON.stringify({ topic, data });
    if (Buffer.byteLength(payload) > NOTIFY_MAX_BYTES) throw new Error(`event for ${topic} too large for NOTIFY (${payload.length} bytes): publish a reference`);
    if (tx) {
      await tx.query("SELECT pg_notify($1, $2)", [this.channel, payload]);
      return;
    }
    try {
      await this.opts.pool.query("SELECT pg_notify($1, $2)", [this.channel, payload]);
    } catch {
      // Once more (a duplicate is harmless: subscriptions skip what they delivered already).
      await new Promise((r) => setTimeout(r, 100));
      try {
        await this.opts.pool.query("SELECT pg_notify($1, $2)", [this.channel, payload]);
      } catch (e) {
        // This process's watchers of the topic catch up from the database instead.
        for (const q of this.topics.get(topic) ?? []) q.push({ type: "gap", listening: this.active, since: new Date(), reason: "an event could not be sent" });
        throw e;
      }
    }
  }

  watch<T>(topic: string): AsyncIterableIterator<Signal<T>> {
    let set = this.topics.get(topic);
    if (!set) this.topics.set(topic, (set = new Set()));
    const q: Watcher = new EventQueue<Signal<unknown>>(
      () => {
        set.delete(q);
        if (set.size === 0 && this.topics.get(topic) === set) this.topics.delete(topic);
      },
      this.opts.maxBuffered ?? 10_000,
      {
        // A stalled consumer: drop its buffer, keep what it needs to catch up.
        overflow: (queue) => ({ type: "gap", listening: this.active, since: queue.lastTakenAt, reason: "the subscriber fell behind" }),
        coalesce: coalesceGaps,
      },
    );
    set.add(q);
    // Subscribed while down: nothing arrives until LISTEN is back; read the database meanwhile.
    if (!this.active && this.started) q.push({ type: "gap", listening: false, since: new Date(), reason: "the LISTEN connection is down" });
    return q as EventQueue<Signal<T>>;
  }

  subscribe<T>(topic: string, hint?: { refetch: string }): AsyncIterableIterator<T> {
    const source = this.watch<T>(topic);
    const refetch = hint?.refetch ?? topic.split(":")[0];
    const it: AsyncIterableIterator<T> = {
      async next(): Promise<IteratorResult<T>> {
        const r = await source.next();
        if (r.done) return { value: undefined, done: true };
        if (r.value.type === "event") return { value: r.value.data, done: false };
        await source.return?.();
        throw eventsLost(r.value.reason, { refetch });
      },
      async return(): Promise<IteratorResult<T>> {
        await source.return?.();
        return { value: undefined, done: true };
      },
      [Symbol.asyncIterator]() {
        return it;
      },
    };
    return it;
  }

  /** Number of local subscribers (for tests and health). */
  subscriberCount(): number {
    let n = 0;
    for (const s of this.topics.values()) n += s.size;
    return n;
  }

  async close(): Promise<void> {
    this.closing = true;
    for (const t of [this.pollTimer, this.heartbeatTimer]) if (t) clearInterval(t);
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    for (const set of [...this.topics.values()]) for (const q of [...set]) void q.return();
    const c = this.client;
    this.client = null;
    this.active = false;
    if (c) await c.end().catch(() => {});
  }
}

/** Map an async iterator lazily; skips values mapped to undefined. `return()` propagates. */
export function mapIterator<T, U>(source: AsyncIterableIterator<T>, fn: (v: T) => U | undefined | Promise<U | undefined>): AsyncIterableIterator<U> {
  const it: AsyncIterableIterator<U> = {
    async next(): Promise<IteratorResult<U>> {
      for (;;) {
        const r = await source.next();
        if (r.done) return { value: undefined, done: true };
        const v = await fn(r.value);
        if (v !== undefined) return { value: v, done: false };
      }
    },
    async return(): Promise<IteratorResult<U>> {
      await source.return?.();
      return { value: undefined, done: true };
    },
    [Symbol.asyncIterator]() {
      return it;
    },
  };
  return it;
}
