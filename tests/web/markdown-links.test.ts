/**
 * Which markdown link targets the dashboard renders as links (apps/web/src/lib/links.ts, used
 * by components/Markdown.tsx for reports): same-origin relative paths, and http(s) URLs marked
 * external; everything else — other schemes, and the forms browsers resolve to another site —
 * is text. The real browser check of the rendered report is in security-headers.test.ts.
 */
import { linkTarget } from "../../apps/web/src/lib/links";

test("same-origin relative paths are internal links, kept as written", () => {
  for (const href of [
    "/runs/0b9c3d2e",
    "/compare?ids=a,b",
    "#results",
    "?tab=logs",
    "runs/abc",
    "../reports",
    "/.//not-a-host",
  ])
    expect(linkTarget(href)).toEqual({ kind: "internal", href });
});

test("absolute http(s) URLs are external links, normalised by the URL parser", () => {
  expect(linkTarget("https://arxiv.org/abs/2410.00000")).toEqual({
    kind: "external",
    href: "https://arxiv.org/abs/2410.00000",
  });
  expect(linkTarget("HTTP://Example.COM/Path?q=1#x")).toEqual({
    kind: "external",
    href: "http://example.com/Path?q=1#x",
  });
  expect(linkTarget("https://user@example.org:8443/")).toEqual({
    kind: "external",
    href: "https://user@example.org:8443/",
  });
});

test("targets a browser would send to another site, or run, are text", () => {
  const refused = [
    // scheme-relative and the backslash forms browsers read as `//`
    "//evil.example",
    "//evil.example/runs/1",
    "/\\evil.example",
    "\\\\evil.example",
    "\\/evil.example",
    "//\\evil.example",
    "///evil.example",
    // other schemes, any case
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "vbscript:msgbox(1)",
    "data:text/html,<script>alert(1)</script>",
    "file:///etc/passwd",
    "mailto:someone@example.org",
    "ftp://example.org/x",
    // scheme without `//`: another site to a browser on an http page
    "https:evil.example",
    "http:\\\\evil.example",
    // whitespace and control characters (browsers drop tabs and newlines, and leading controls)
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "/\t/evil.example",
    "/\n/evil.example",
    "\u0001//evil.example",
    "\u00a0//evil.example",
    "/\u200b/evil.example",
    "https://exa mple.org",
    "",
    "https://",
  ];
  for (const href of refused) expect([href, linkTarget(href)]).toEqual([href, null]);
});
