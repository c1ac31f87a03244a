/**
 * A small, safe markdown renderer for reports (no HTML is ever injected: everything becomes React
 * elements). Blocks: headings, paragraphs, pipe tables, bullet/numbered lists, fenced code and
 * image lines; inline: **bold**, *emphasis*, `code` and [links](…): only same-origin paths and
 * http(s) URLs are links (lib/links.ts; absolute ones open apart, rel="noopener noreferrer"),
 * any other target stays text. Images resolve through
 * `images` (file name → URL), so `![…](accuracy.png)` shows the report's stored plot; inline code
 * that is one of `links`' keys (a run id) becomes a link.
 */
import Link from "next/link";
import type { ReactNode } from "react";
import { linkTarget } from "../lib/links";

export interface MarkdownProps {
  source: string;
  /** Image file name → URL (data URLs of the report's plots). */
  images?: Record<string, string>;
  /** Inline-code text → dashboard path (e.g. run id → /runs/<id>). */
  links?: Record<string, string>;
}

type Block =
  | { t: "h"; level: number; text: string }
  | { t: "p"; text: string }
  | { t: "img"; alt: string; src: string }
  | { t: "table"; head: string[]; rows: string[][] }
  | { t: "list"; ordered: boolean; items: string[] }
  | { t: "code"; text: string };

const splitRow = (line: string): string[] =>
  line
    .trim()
    .replace(/^\|/, "")
    .replace(/\|$/, "")
    .split("|")
    .map((c) => c.trim());

const IMAGE_LINE = /^!\[([^\]]*)\]\(([^)\s]+)\)$/;
const LIST_ITEM = /^\s*(?:[-*+]|(\d+)\.)\s+(.*)$/;

export function parseMarkdown(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, "\n").split("\n");
  const blocks: Block[] = [];
  let para: string[] = [];
  const flush = () => {
    if (para.length) blocks.push({ t: "p", text: para.join(" ") });
    para = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const trimmed = line.trim();
    if (trimmed.startsWith("```")) {
      flush();
      const code: string[] = [];
      for (i++; i < lines.length && !lines[i].trim().startsWith("```"); i++) code.push(lines[i]);
      blocks.push({ t: "code", text: code.join("\n") });
      continue;
    }
    if (!trimmed) {
      flush();
      continue;
    }
    const h = /^(#{1,6})\s+(.*)$/.exec(trimmed);
    if (h) {
      flush();
      blocks.push({ t: "h", level: h[1].length, text: h[2] });
      continue;
    }
    const img = IMAGE_LINE.exec(trimmed);
    if (img) {
      flush();
      blocks.push({ t: "img", alt: img[1], src: img[2] });
      continue;
    }
    if (trimmed.startsWith("|") && /^\s*\|?\s*:?-{3,}/.test(lines[i + 1] ?? "")) {
      flush();
      const head = splitRow(trimmed);
      const rows: string[][] = [];
      for (i += 2; i < lines.length && lines[i].trim().startsWith("|"); i++) rows.push(splitRow(lines[i]));
      i--;
      blocks.push({ t: "table", head, rows });
      continue;
    }
    const li = LIST_ITEM.exec(line);
    if (li && !para.length) {
      const ordered = li[1] !== undefined;
      const items: string[] = [];
      for (; i < lines.length; i++) {
        const m = LIST_ITEM.exec(lines[i]);
        if (m) items.push(m[2]);
        else if (lines[i].trim() && items.length && /^\s+/.test(lines[i]))
          items[items.length - 1] += ` ${lines[i].trim()}`;
        else break;
      }
      i--;
      blocks.push({ t: "list", ordered, items });
      continue;
    }
    para.push(trimmed);
  }
  flush();
  return blocks;
}

const INLINE = /(`[^`]+`)|(\*\*[^*]+\*\*)|(\[[^\]]+\]\([^)\s]+\))|(\*[^*\s][^*]*\*)/g;

function inline(text: string, links: Record<string, string>, key = ""): ReactNode[] {
  const out: ReactNode[] = [];
  let last = 0;
  let n = 0;
  for (const m of text.matchAll(INLINE)) {
    const at = m.index ?? 0;
    if (at > last) out.push(text.slice(last, at));
    const k = `${key}${n++}`;
    const tok = m[0];
    if (m[1]) {
      const code = tok.slice(1, -1);
      const href = links[code];
      out.push(
        href ? (
          <Link key={k} href={href} className="mono">
            {code}
          </Link>
        ) : (
          <code key={k}>{code}</code>
        ),
      );
    } else if (m[2]) out.push(<strong key={k}>{inline(tok.slice(2, -2), links, `${k}.`)}</strong>);
    else if (m[3]) {
      const lm = /^\[([^\]]+)\]\(([^)\s]+)\)$/.exec(tok)!;
      const target = linkTarget(lm[2]);
      out.push(
        !target ? (
          tok // not a link: the markdown as written, as text
        ) : target.kind === "external" ? (
          <a key={k} href={target.href} className="external" target="_blank" rel="noopener noreferrer">
            {inline(lm[1], links, `${k}.`)}
          </a>
        ) : (
          <a key={k} href={target.href}>
            {inline(lm[1], links, `${k}.`)}
          </a>
        ),
      );
    } else out.push(<em key={k}>{inline(tok.slice(1, -1), links, `${k}.`)}</em>);
    last = at + tok.length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

export function Markdown({ source, images = {}, links = {} }: MarkdownProps) {
  return (
    <div className="markdown">
      {parseMarkdown(source).map((b, i) => {
        switch (b.t) {
          case "h": {
            const H = `h${Math.min(6, b.level + 1)}` as "h2" | "h3" | "h4" | "h5" | "h6";
            return <H key={i}>{inline(b.text, links)}</H>;
          }
          case "p":
            return <p key={i}>{inline(b.text, links)}</p>;
          case "img":
            return images[b.src] ? (
              <img key={i} src={images[b.src]} alt={b.alt} className="md-img" />
            ) : (
              <p key={i} className="muted">
                [image {b.src}: {b.alt}]
              </p>
            );
          case "code":
            return <pre key={i}>{b.text}</pre>;
          case "list": {
            const L = b.ordered ? "ol" : "ul";
            return (
              <L key={i}>
                {b.items.map((it, j) => (
                  <li key={j}>{inline(it, links)}</li>
                ))}
              </L>
            );
          }
          case "table":
            return (
              <div key={i} className="table-wrap">
                <table className="data compact">
                  <thead>
                    <tr>
                      {b.head.map((c, j) => (
                        <th key={j}>{inline(c, links)}</th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {b.rows.map((r, j) => (
                      <tr key={j}>
                        {r.map((c, k) => (
                          <td key={k}>{inline(c, links)}</td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            );
        }
      })}
    </div>
  );
}
