/**
 * Making text safe for one console log line (`@loffta/graphql/log-safe`).
 *
 * Run names, project names, tags, worker names and error messages are user strings: printed
 * as they are, a newline starts a line that looks like another process's (`x\n[api] forged`),
 * a carriage return or an ANSI escape sequence (`\u001b[2K`, cursor moves, colours, terminal
 * title or hyperlink sequences) rewrites what the terminal shows, and bidi controls reorder it.
 * Every place that logs such a string goes through `logSafe` (the API's log function, the
 * worker's, `npm start`'s and the lines it relays from its services), so one log call is one
 * line whatever its text holds.
 *
 * Escaped, JSON style: `\n`, `\r`, `\b`, `\f`, and `\uXXXX` for every other C0 control (tab
 * excepted: it cannot start a line or move the cursor back), DEL, the C1 controls (U+0080–U+009F,
 * of which U+009B is an 8-bit CSI), the Unicode line and paragraph separators (U+2028, U+2029)
 * and the bidi embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069).
 * Everything else, backslashes included, is kept as it is, so an ordinary message reads the same.
 */

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\b": "\\b", "\f": "\\f" };

const escapeChar = (c: string): string => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;

/** `value` as text for one log line: control characters escaped (see above); never throws. */
export function logSafe(value: unknown): string {
  let text: string;
  if (typeof value === "string") text = value;
  else if (value instanceof Error) text = value.stack ?? `${value.name}: ${value.message}`;
  else {
    try {
      text = String(value);
    } catch {
      text = Object.prototype.toString.call(value);
    }
  }
  return text.replace(UNSAFE, escapeChar);
}
