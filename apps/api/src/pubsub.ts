/**
 * Cross-process pub/sub over Postgres LISTEN/NOTIFY, exposed as async iterators.
 *
 * Each API process holds one dedicated `pg` client that LISTENs on one channel. publish() sends
 * `{ topic, data }` with pg_notify (delivered at commit to every listening process, including
 * this one), so several API replicas on one database stay consistent. A notification is
 * hydrated once per process (e.g. a run id → the run row) before it fans out to the local
 * subscribers of its topic.
 */
import pg from "pg";
import type { Pool } from "pg";

/** NOTIFY payloads must be shorter than 8000 bytes. */
export const NOTIFY_MAX_BYTES = 7900;

export type Hydrator = (topic: string, data: unknown) => Promise<unknown>;

export interface PubSub {
  /** Deliver `data` to every subscriber of `topic` in every process. `data` must fit NOTIFY. */
  publish(topic: string, data: unknown): Promise<void>;
  /** Events of `topic`, hydrated; `return()` unsubscribes. */
  subscribe<T>(topic: string): AsyncIterableIterator<T>;
  close(): Promise<void>;
}

/** A push queue that is an async iterator; bounded so a stalled consumer cannot grow memory. */
export class EventQueue<T> implements AsyncIterableIterator<T> {
  private readonly buffer: T[] = [];
  private readonly waiters: ((r: IteratorResult<T>) => void)[] = [];
  private closed = false;

  constructor(
    private readonly onClose: () => void,
    private readonly maxBuffered = 10_000,
  ) {}

  push(value: T): void {
    if (this.closed) return;
    const w = this.waiters.shift();
    if (w) w({ value, done: false });
    else if (this.buffer.length < this.maxBuffered) this.buffer.push(value);
    else void this.return(); // consumer too slow: end its subscription rather than drop silently
  }

  next(): Promise<IteratorResult<T>> {
    const value = this.buffer.shift();
    if (value !== undefined) return Promise.resolve({ value, done: false });
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
}

export class PgPubSub implements PubSub {
  private client: pg.Client | null = null;
  private readonly topics = new Map<string, Set<EventQueue<unknown>>>();
  /** Per-topic promise chain: keeps events of a topic in order while hydrating. */
  private readonly chains = new Map<string, Promise<void>>();
  private closing = false;
  private readonly channel: string;

  constructor(private readonly opts: PgPubSubOptions) {
    this.channel = opts.channel ?? "loffta_events";
  }

  /** Connect the listening client. Resolves once LISTEN is active. */
  async start(): Promise<void> {
    const client = new pg.Client({ connectionString: this.opts.connectionString });
    client.on("notification", (msg) => {
      if (msg.channel === this.channel && msg.payload) this.dispatch(msg.payload);
    });
    client.on("error", (e) => {
      this.opts.log?.(`pubsub listener error: ${e.message}`);
      this.reconnect(client);
    });
    client.on("end", () => this.reconnect(client));
    await client.connect();
    await client.query(`LISTEN ${this.channel}`);
    this.client = client;
  }

  private reconnect(old: pg.Client): void {
    if (this.closing || this.client !== old) return;
    this.client = null;
    const retry = () => {
      if (this.closing) return;
      this.start().catch((e: Error) => {
        this.opts.log?.(`pubsub reconnect failed: ${e.message}`);
        setTimeout(retry, 1000).unref();
      });
    };
    setTimeout(retry, 200).unref();
  }

  private dispatch(payload: string): void {
    let env: { topic: string; data: unknown };
    try {
      env = JSON.parse(payload) as { topic: string; data: unknown };
    } catch {
      return;
    }
    if (!this.topics.get(env.topic)?.size) return;
    const prev = this.chains.get(env.topic) ?? Promise.resolve();
    const next = prev
      .then(async () => {
        const data = this.opts.hydrate ? await this.opts.hydrate(env.topic, env.data) : env.data;
        if (data === null || data === undefined) return;
        for (const q of this.topics.get(env.topic) ?? []) q.push(data);
      })
      .catch((e: Error) => this.opts.log?.(`pubsub hydrate ${env.topic} failed: ${e.message}`));
    this.chains.set(env.topic, next);
    void next.then(() => {
      if (this.chains.get(env.topic) === next) this.chains.delete(env.topic);
    });
  }

  async publish(topic: string, data: unknown): Promise<void> {
    const payload = JSON.stringify({ topic, data });
    if (Buffer.byteLength(payload) > NOTIFY_MAX_BYTES) throw new Error(`event for ${topic} too large for NOTIFY (${payload.length} bytes): publish a reference`);
    await this.opts.pool.query("SELECT pg_notify($1, $2)", [this.channel, payload]);
  }

  subscribe<T>(topic: string): AsyncIterableIterator<T> {
    let set = this.topics.get(topic);
    if (!set) this.topics.set(topic, (set = new Set()));
    const q: EventQueue<unknown> = new EventQueue<unknown>(() => {
      set.delete(q);
      if (set.size === 0 && this.topics.get(topic) === set) this.topics.delete(topic);
    });
    set.add(q);
    return q as EventQueue<T>;
  }

  /** Number of local subscribers (for tests and health). */
  subscriberCount(): number {
    let n = 0;
    for (const s of this.topics.values()) n += s.size;
    return n;
  }

  async close(): Promise<void> {
    this.closing = true;
    for (const set of [...this.topics.values()]) for (const q of [...set]) void q.return();
    const c = this.client;
    this.client = null;
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
