/**
 * `COPY … FROM STDIN` over a node-postgres client without an extra dependency: a Submittable that
 * sends the statement, then the whole payload as one CopyData message (what pg-copy-streams does,
 * minus the stream). Used by the benches' raw-COPY baselines (bench/api.ts, bench/ingest-layout.ts).
 */
import type { ClientBase, Connection, Submittable } from "pg";

/** The protocol calls node-postgres's Connection has and its type declarations leave out. */
interface CopyConnection {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
}

class CopyFrom implements Submittable {
  private rows = 0;
  constructor(
    private readonly text: string,
    private readonly data: Buffer,
    private readonly done: (err: Error | null, rows: number) => void,
  ) {}
  submit(connection: Connection): void {
    (connection as unknown as CopyConnection).query(this.text);
  }
  handleCopyInResponse(connection: Connection): void {
    const c = connection as unknown as CopyConnection;
    c.sendCopyFromChunk(this.data);
    c.endCopyFrom();
  }
  handleCommandComplete(msg: { text?: string }): void {
    this.rows = Number(/\d+$/.exec(msg.text ?? "")?.[0] ?? 0);
  }
  handleReadyForQuery(): void {
    this.done(null, this.rows);
  }
  handleError(err: Error): void {
    this.done(err, 0);
  }
  handleEmptyQuery(): void {}
  handleRowDescription(): void {}
  handleDataRow(): void {}
  handleCopyData(): void {}
}

/** Run `sql` (a `COPY … FROM STDIN` statement) with `data` as its input; resolves to the rows copied. */
export function copyFrom(client: ClientBase, sql: string, data: Buffer): Promise<number> {
  return new Promise((resolve, reject) => {
    client.query(new CopyFrom(sql, data, (err, rows) => (err ? reject(err) : resolve(rows))));
  });
}

/** COPY text format: tab-separated columns, one row per line (callers pass no tabs, newlines or backslashes). */
export function copyText(rows: (string | number)[][]): Buffer {
  let s = "";
  for (const r of rows) s += `${r.join("\t")}\n`;
  return Buffer.from(s);
}
