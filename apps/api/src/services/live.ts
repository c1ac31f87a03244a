/**
 * Live subscriptions that survive lost notifications (../pubsub.ts gaps): after a gap they catch
 * up from the database, so a subscriber gets every event exactly once — or, where that is
 * impossible, a typed EVENTS_LOST error. Never silence.
 *
 * - CursorStream: rows with monotonically increasing ids per run (metric points, log lines; see
 *   ./replay.ts). The stream keeps the id of the last row it delivered; after a gap it reads
 *   the rows after it, in pages, and skips announcements of rows it has delivered already.
 * - SnapshotStream: rows that change in place (runs, caches). After a gap it re-reads the rows
 *   that may have changed and delivers those that differ from what it delivered last.
 *
 * Reads are retried with backoff; when the database stays unreachable for `giveUpMs` the
 * subscription ends with EVENTS_LOST. Both are pull-based: a catch-up reads the next page only
 * when the consumer asks for it, and events arriving meanwhile wait in the (bounded) queue.
 */
import { GraphQLError } from "graphql";
import { eventsLost, type Signal } from "../pubsub";

const DONE: IteratorResult<never> = { value: undefined, done: true };

/** Few catch-up reads at once per process: a reconnect must not exhaust the pool. */
class Semaphore {
  private used = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly max: number) {}
  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.used >= this.max) await new Promise<void>((r) => this.waiting.push(r));
    else this.used++;
    try {
      return await fn();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.used--;
    }
  }
}
const reads = new Semaphore(2);

export interface LiveOptions {
  /** Rows per catch-up read. */
  pageSize?: number;
  /** Give up (EVENTS_LOST) when the database stays unreachable this long. Default 60 s. */
  giveUpMs?: number;
  /** First retry delay (doubling up to 2 s). Default 100 ms. */
  retryMs?: number;
}

/** What EVENTS_LOST tells the client: what to re-query, and where to resume (if it can). */
export type LostHint = () => { refetch: string; after?: string };

/** The shared part: a source of signals, retried reads, and a return() that interrupts waits. */
abstract class Stream<T, S> implements AsyncIterableIterator<T> {
  protected closed = false;
  private wake: (() => void) | null = null;
  private failingSince: number | null = null;

  constructor(
    protected readonly src: AsyncIterableIterator<Signal<S>>,
    protected readonly hint: LostHint,
    protected readonly opts: LiveOptions,
  ) {}

  abstract next(): Promise<IteratorResult<T>>;

  /** Run a database read, retrying with backoff; undefined when the stream was closed meanwhile. */
  protected async read<R>(fn: () => Promise<R>): Promise<R | undefined> {
    for (let delay = this.opts.retryMs ?? 100; ; delay = Math.min(delay * 2, 2000)) {
      if (this.closed) return undefined;
      try {
        const r = await reads.run(fn);
        this.failingSince = null;
        return this.closed ? undefined : r;
      } catch (e) {
        if (e instanceof GraphQLError) {
          // A typed answer (e.g. EVENTS_LOST: too much to catch up), not a failed read.
          await this.return();
          throw e;
        }
        this.failingSince ??= Date.now();
        if (Date.now() - this.failingSince >= (this.opts.giveUpMs ?? 60_000)) {
          await this.return();
          throw eventsLost(`catching up failed: ${(e as Error).message}`, this.hint());
        }
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, delay);
          this.wake = () => {
            clearTimeout(t);
            resolve();
          };
        });
        this.wake = null;
      }
    }
  }

  async return(): Promise<IteratorResult<T>> {
    this.closed = true;
    this.wake?.();
    await this.src.return?.();
    return DONE;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}

/** A batch as announced: its event, and the ids of the rows it holds (0 and 0: no stored rows). */
export interface Stamped<E> {
  event: E;
  minId: bigint;
  maxId: bigint;
}

export interface CursorPage<E> {
  /** What to deliver for the rows read (null: nothing, e.g. none were read). */
  event: E | null;
  /** Id of the last row read. */
  last: bigint;
  /** Rows read: fewer than asked means caught up. */
  count: number;
}

export interface CursorStart<E> {
  /** Every row with an id ≤ this is delivered already (or predates the subscription). */
  cursor: bigint;
  /** Read the rows after `cursor` first (resuming with `after`). */
  catchUp: boolean;
  /** Delivered before anything else, page by page until it returns null (e.g. lines by seq). */
  prelude?: () => Promise<E | null>;
}

/** Delivered events, with the cursor after them (the `after` to resume from). */
export interface Cursored<E> {
  event: E;
  cursor: bigint;
}

/**
 * Rows of one run with increasing ids: each delivered once, in id order. Announcements carry
 * their rows' id range: a batch at or below the cursor was delivered by a catch-up and is
 * skipped; one straddling it (a catch-up read part of it) is re-read from the cursor.
 */
export class CursorStream<E> extends Stream<Cursored<E>, Stamped<E>> {
  private cursor: bigint;
  private catchUp: boolean;
  private prelude: (() => Promise<E | null>) | undefined;

  constructor(
    src: AsyncIterableIterator<Signal<Stamped<E>>>,
    private readonly readAfter: (cursor: bigint, limit: number) => Promise<CursorPage<E>>,
    start: CursorStart<E>,
    hint: LostHint,
    opts: LiveOptions = {},
  ) {
    super(src, hint, opts);
    this.cursor = start.cursor;
    this.catchUp = start.catchUp;
    this.prelude = start.prelude;
  }

  /** Where this stream stands: every row with an id ≤ it was delivered or predates the stream. */
  get position(): bigint {
    return this.cursor;
  }

  async next(): Promise<IteratorResult<Cursored<E>>> {
    const page = this.opts.pageSize ?? 1000;
    for (;;) {
      if (this.closed) return DONE;
      if (this.prelude) {
        const p = this.prelude;
        const event = await this.read(() => p());
        if (event === undefined) return DONE;
        if (event === null) this.prelude = undefined;
        else return { value: { event, cursor: this.cursor }, done: false };
        continue;
      }
      if (this.catchUp) {
        const cursor = this.cursor;
        const r = await this.read(() => this.readAfter(cursor, page));
        if (r === undefined) return DONE;
        if (r.last > this.cursor) this.cursor = r.last;
        if (r.count < page) this.catchUp = false;
        if (r.event !== null) return { value: { event: r.event, cursor: this.cursor }, done: false };
        continue;
      }
      const s = await this.src.next();
      if (s.done) return DONE;
      if (s.value.type === "gap") {
        this.catchUp = true;
        continue;
      }
      const { event, minId, maxId } = s.value.data;
      // Not stored rows (nothing to order it by): deliver as announced.
      if (maxId <= 0n) return { value: { event, cursor: this.cursor }, done: false };
      if (maxId <= this.cursor) continue; // delivered already by a catch-up read
      if (minId <= this.cursor) {
        this.catchUp = true; // partly delivered: read the rest from the cursor
        continue;
      }
      this.cursor = maxId;
      return { value: { event, cursor: this.cursor }, done: false };
    }
  }
}

export interface SnapshotFeed<R> {
  /** Rows that may have changed at or after `since`, read now. */
  changedSince(since: Date): Promise<R[]>;
  /** The row's identity (e.g. its id). */
  key(row: R): string;
}

/** A row's content, to tell whether it changed (Dates as ISO strings, BigInts as decimals). */
export function rowVersion(row: unknown): string {
  return JSON.stringify(row, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
}

/** Rows remembered per stream (what was delivered last, to tell changes). */
const MAX_REMEMBERED = 10_000;

/**
 * Rows that change in place. Every announced row is delivered (as before); after a gap the
 * rows that may have changed since it began are re-read and those that differ from what this
 * stream last delivered (or from `baseline`) are delivered, once each.
 */
export class SnapshotStream<R> extends Stream<R, R> {
  private readonly delivered = new Map<string, string>();
  private readonly pending: R[] = [];
  private resyncSince: Date | null = null;
  private readonly marginMs: number;

  constructor(
    src: AsyncIterableIterator<Signal<R>>,
    private readonly feed: SnapshotFeed<R>,
    baseline: R[],
    hint: LostHint,
    opts: LiveOptions & {
      /** Subtracted from a gap's start before re-reading (commit delays, clock skew). Default 30 s. */
      marginMs?: number;
    } = {},
  ) {
    super(src, hint, opts);
    this.marginMs = opts.marginMs ?? 30_000;
    for (const row of baseline) this.remember(row);
  }

  /** Re-read what changed since `since` (the earliest of the gaps not yet handled). */
  private resyncAt(since: Date): void {
    if (this.resyncSince === null || since < this.resyncSince) this.resyncSince = since;
  }

  private remember(row: R): boolean {
    const key = this.feed.key(row);
    const v = rowVersion(row);
    const changed = this.delivered.get(key) !== v;
    this.delivered.delete(key); // re-inserted: the Map's order is least recently delivered first
    this.delivered.set(key, v);
    if (this.delivered.size > MAX_REMEMBERED) this.delivered.delete(this.delivered.keys().next().value as string);
    return changed;
  }

  async next(): Promise<IteratorResult<R>> {
    for (;;) {
      if (this.closed) return DONE;
      const row = this.pending.shift();
      if (row !== undefined) return { value: row, done: false };
      if (this.resyncSince) {
        const since = new Date(this.resyncSince.getTime() - this.marginMs);
        this.resyncSince = null;
        const rows = await this.read(() => this.feed.changedSince(since));
        if (rows === undefined) return DONE;
        for (const r of rows) if (this.remember(r)) this.pending.push(r);
        continue;
      }
      const s = await this.src.next();
      if (s.done) return DONE;
      if (s.value.type === "gap") {
        this.resyncAt(s.value.since);
        continue;
      }
      this.remember(s.value.data);
      return { value: s.value.data, done: false };
    }
  }
}
