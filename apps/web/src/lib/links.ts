/**
 * Which markdown link targets the dashboard renders as links (components/Markdown.tsx).
 *
 * Reports are written by API clients: a link's target is untrusted. Only two kinds are links:
 *  - a same-origin relative path: `/runs/<id>`, `#section`, `?tab=x`, `runs/<id>`;
 *  - an absolute http(s) URL: `https://arxiv.org/…`, rendered as external (new tab,
 *    rel="noopener noreferrer").
 * Everything else is text: other schemes (`javascript:`, `data:`, `vbscript:`, any case),
 * scheme-relative and backslash forms that browsers resolve to another site (`//evil.example`,
 * `/\evil.example`, `\\evil.example`, `https:evil.example`), and any target holding whitespace
 * or a control character (browsers drop tabs and newlines inside URLs, and leading controls:
 * `/\t/evil.example` is `//evil.example` to them).
 *
 * The decision is the WHATWG URL parser's (the browser's own algorithm, built into every
 * runtime), not a pattern: a target is resolved against a placeholder origin and is a
 * same-origin path only when it stays on that origin.
 */

/** A placeholder origin: no real link resolves to it by chance (`.invalid` is reserved). */
const PLACEHOLDER = "https://dashboard.invalid";

const WHITESPACE_OR_CONTROL =
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point
  /[\u0000-\u0020\u007f-\u00a0\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff]/;

/** `scheme:` at the start (the URL standard's scheme characters). */
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

export type LinkTarget =
  /** Same origin: `href` as written (a browser resolves it to the page's own origin). */
  | { kind: "internal"; href: string }
  /** Another site over http(s): `href` normalised by the URL parser. */
  | { kind: "external"; href: string };

/** How to render a markdown link to `target`: internal, external, or null (render as text). */
export function linkTarget(target: string): LinkTarget | null {
  if (!target || WHITESPACE_OR_CONTROL.test(target)) return null;
  let url: URL;
  try {
    url = new URL(target, `${PLACEHOLDER}/a/b`);
  } catch {
    return null;
  }
  if (HAS_SCHEME.test(target)) {
    // Absolute: http(s) with a host, written `scheme://` (`https:evil.example` and
    // `https:\evil.example` are refused rather than guessed at).
    if (
      (url.protocol === "http:" || url.protocol === "https:") &&
      /^https?:\/\//i.test(target) &&
      url.hostname
    ) {
      return url.origin === PLACEHOLDER ? null : { kind: "external", href: url.href };
    }
    return null;
  }
  // Relative: a link only when it stays on the page's origin (`//host`, `/\host`, `\\host` do not).
  return url.origin === PLACEHOLDER ? { kind: "internal", href: target } : null;
}
